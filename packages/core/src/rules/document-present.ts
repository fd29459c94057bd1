import type { DocumentFile } from '../facts.js';
import {
  appliesToDocuments,
  describeRequirement,
  inspectDocuments,
} from '../checks/docs/inspect.js';
import type { Rule, RuleFinding } from './types.js';

/** How a file that was not read is explained. */
function describeProblem(file: DocumentFile): string | undefined {
  switch (file.problem) {
    case 'binary':
      return 'is a binary file, not a text document';
    case 'too-large':
      return `is ${file.size} bytes, larger than the 1 MiB limit for documents, so it was not read`;
    case 'not-file':
      return 'is not a regular file';
    case 'unreadable':
      return `could not be read (${file.detail ?? 'unknown error'})`;
    default:
      return file.text !== undefined && file.text.trim() === '' ? 'is empty' : undefined;
  }
}

/** Every document the release type needs exists, as a readable, non-empty text file. */
export const documentPresent: Rule = {
  id: 'document-present',
  check: 'docs',
  description:
    'Every document the release type requires exists and is a non-empty text file of at most 1 MiB.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
  evaluate({ facts, policy }) {
    const { release, required } = inspectDocuments(facts, policy);
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      if (files.length === 0) {
        findings.push({
          message:
            `The document ${describeRequirement(spec.path, release)} is missing: no file in the ` +
            `repository matches it. Add it, e.g. with "release-policy init --docs", which writes ` +
            `a template to fill in.`,
          file: spec.path,
          hint: `Add ${spec.path} with the sections the policy lists.`,
        });
        continue;
      }
      for (const file of files) {
        const problem = describeProblem(file);
        if (problem === undefined) continue;
        findings.push({
          message: `The document ${describeRequirement(file.path, release)} ${problem}. Expected a Markdown text file with its required sections.`,
          file: file.path,
          ...(file.problem === undefined ? { line: 1 } : {}),
          hint: 'Write the document as Markdown text.',
        });
      }
    }
    return findings;
  },
};
