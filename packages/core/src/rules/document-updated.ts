import {
  appliesToDocuments,
  describeRequirement,
  inspectDocuments,
} from '../checks/docs/inspect.js';
import type { Rule, RuleFinding } from './types.js';

/** A document with `updated` changed since the previous release tag. */
export const documentUpdated: Rule = {
  id: 'document-updated',
  check: 'docs',
  description: 'A required document with updated: true changed since the previous release tag.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
  evaluate({ facts, policy }) {
    const { release, required } = inspectDocuments(facts, policy);
    const since = facts.documents?.since;
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      if (!spec.updated) continue;
      for (const file of files) {
        if (file.changed !== false) continue;
        findings.push({
          message: `The document ${describeRequirement(file.path, release)} has not changed since the previous release ${JSON.stringify(since ?? '(unknown)')}. Update it for this release.`,
          file: file.path,
          line: 1,
          hint: 'Describe this release in the document.',
        });
      }
    }
    return findings;
  },
};
