/**
 * A document link that leaves the repository is a policy error: the entry
 * asks for a file the check must never read, so it is reported at the
 * entry's position in the policy file (exit 2), like every other policy
 * error, rather than as a finding about the document.
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
