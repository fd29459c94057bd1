import {
  appliesToDocuments,
  checkSections,
  describeRequirement,
  inspectDocuments,
  readOutline,
} from '../checks/docs/inspect.js';
import type { Rule, RuleFinding } from './types.js';

/** A required document is filled in: not its template, no required section left as placeholder text. */
export const documentPlaceholder: Rule = {
  id: 'document-placeholder',
  check: 'docs',
  description:
    'A required document is not still its template, and no required section holds only placeholder text (TODO, TBD, <…>, …).',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
  evaluate({ facts, policy }) {
    const { release, required } = inspectDocuments(facts, policy);
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      for (const file of files) {
        const where = describeRequirement(file.path, release);
        if (file.sameAsTemplate === true) {
          findings.push({
            message: `The document ${where} is still identical to its template ${JSON.stringify(spec.template)}. Fill it in for this release.`,
            file: file.path,
            line: 1,
            hint: 'Replace the template text with this release’s content.',
          });
        }
        const outline = readOutline(file);
        if (!outline) continue;
        for (const check of checkSections(outline, spec.sections, spec.placeholders)) {
          if (check.gap !== 'placeholder') continue;
          findings.push({
            message: `The section ${JSON.stringify(check.spec.title)} of the document ${where} holds only placeholder text (${spec.placeholders.join(', ')}). Replace it with the real content.`,
            file: file.path,
            line: check.line,
            hint: `Fill in the section ${JSON.stringify(check.spec.title)}.`,
          });
        }
      }
    }
    return findings;
  },
};
