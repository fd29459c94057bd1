import {
  appliesToDocuments,
  checkSections,
  describeRequirement,
  inspectDocuments,
  readOutline,
} from '../checks/docs/inspect.js';
import type { Rule, RuleFinding } from './types.js';

/** Every required document holds its required headings, each with content below it. */
export const documentSections: Rule = {
  id: 'document-sections',
  check: 'docs',
  description:
    'A required document holds each required section (a heading at any level, or an alias) with content below it.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
  evaluate({ facts, policy }) {
    const { release, required } = inspectDocuments(facts, policy);
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      for (const file of files) {
        const outline = readOutline(file);
        if (!outline) continue;
        for (const check of checkSections(outline, spec.sections, spec.placeholders)) {
          const title = JSON.stringify(check.spec.title);
          const aliases = check.spec.aliases.length
            ? ` (or ${check.spec.aliases.map((a) => JSON.stringify(a)).join(', ')})`
            : '';
          const where = describeRequirement(file.path, release);
          if (check.gap === 'missing') {
            findings.push({
              message: `The document ${where} has no section ${title}${aliases}. Add a heading with its content, for example "## ${check.spec.title}" followed by a paragraph.`,
              file: file.path,
              line: check.line,
              hint: `Add "## ${check.spec.title}" here, with its content.`,
            });
          } else if (check.gap === 'empty') {
            findings.push({
              message: `The section ${title} of the document ${where} is empty. Write its content below the heading.`,
              file: file.path,
              line: check.line,
              hint: `Fill in the section ${title}.`,
            });
          }
        }
      }
    }
    return findings;
  },
};
