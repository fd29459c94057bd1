/**
 * A document link that leaves the repository is a policy error: the entry
 * asks for a file the check must never read, so it is reported at the
 * entry's position in the policy file (exit 2), like every other policy
 * error, rather than as a finding about the document. So is a template
 * missing where the policy was read (a pull request's base): the entry
 * names a file its own revision does not hold.
 */
import { seeDocs } from '../../config/messages.js';
import type { Policy } from '../../config/schema.js';
import type { ConfigIssue } from '../../errors.js';
import { quoteValue } from '../../text.js';

/** One file a `documents` entry named whose link leads outside the repository. */
export interface DocumentLinkOutside {
  /** The index of the entry in the policy's `documents`. */
  entry: number;
  /** Which of the entry's paths matched it. */
  field: 'path' | 'template';
  /** The repository-relative path of the link. */
  file: string;
}

/**
 * The policy errors for document links that leave the repository, each at
 * its entry's position (the file's first line for an entry of the default
 * policy, or of a policy built in code: they have no positions).
 */
export function checkDocumentLinks(
  policy: Policy,
  outside: readonly DocumentLinkOutside[],
): ConfigIssue[] {
  return outside.map(({ entry, field, file }) => {
    const spec = policy.documents[entry];
    const given = field === 'path' ? spec?.path : spec?.template;
    // An entry without a position comes from the default policy (the file has no documents section).
    const position = spec?.positions?.[field] ?? { file: policy.source, line: 1, column: 1 };
    const origin = spec?.positions ? '' : " (the default policy's entry)";
    const matched = given === file ? '' : ` matches ${quoteValue(file)}, which`;
    return {
      ...position,
      path: `documents[${entry}].${field}`,
      message:
        `documents[${entry}].${field}${origin} ${quoteValue(given ?? file)}${matched} is a symbolic link ` +
        'whose target leaves the repository (or enters its .git folder), so it is never read. ' +
        'Commit the document itself at that path, or point the entry at a file inside the ' +
        `repository, for example: path: docs/release/rollback.md. ${seeDocs('documents')}`,
    };
  });
}

/** One `documents` entry whose template is absent at the revision the policy was read at. */
export interface DocumentTemplateMissing {
  /** The index of the entry in the policy's `documents`. */
  entry: number;
  /** Where the templates were looked for, e.g. `the pull request's base commit "1a2b3c4"`. */
  where: string;
}

/**
 * The policy errors for templates absent where the policy was read, each at
 * its entry's `template` position: never a silent "no template", which
 * would let an unfilled document pass.
 */
export function checkMissingTemplates(
  policy: Policy,
  missing: readonly DocumentTemplateMissing[],
): ConfigIssue[] {
  return missing.map(({ entry, where }) => {
    const spec = policy.documents[entry];
    const position = spec?.positions?.template ?? { file: policy.source, line: 1, column: 1 };
    const origin = spec?.positions ? '' : " (the default policy's entry)";
    return {
      ...position,
      path: `documents[${entry}].template`,
      message:
        `documents[${entry}].template${origin} ${quoteValue(spec?.template ?? '')} does not exist at ${where}, ` +
        'where the policy was read, so a document still identical to its template cannot be told apart. ' +
        'A template is part of the policy: it is read where the policy is, never from the pull request. ' +
        "Commit the template to the base branch first, or remove the entry's template, for example: " +
        `template: docs/release/templates/rollback.md. ${seeDocs('documents')}`,
    };
  });
}
