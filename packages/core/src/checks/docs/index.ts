/**
 * The docs check: a releasing run has the documents its release type needs
 * (present, with their sections filled in, naming the version, updated), and
 * a pull request's description holds a complete change request with a ticket.
 */
import { changeRequestSections } from '../../rules/change-request-sections.js';
import { changeRequestTicket } from '../../rules/change-request-ticket.js';
import { documentPlaceholder } from '../../rules/document-placeholder.js';
import { documentPresent } from '../../rules/document-present.js';
import { documentSections } from '../../rules/document-sections.js';
import { documentUpdated } from '../../rules/document-updated.js';
import { documentVersion } from '../../rules/document-version.js';
import { defineCheck, type CheckValues } from '../types.js';
import { checkSections, inspectDocuments, readOutline } from './inspect.js';
import { changeRequestSection, documentsSection } from './section.js';

/** The docs check. */
export const docsCheck = defineCheck({
  name: 'docs',
  title: 'Release documents',
  action: 'docs-gate',
  command: {
    name: 'docs',
    summary: 'check the documents a release needs and the pull request’s change request',
    usage: '[VERSION] [--release-type TYPE]',
    positional: 'version',
    example: 'release-policy docs 1.4.0 --release-type minor',
  },
  sections: [documentsSection, changeRequestSection],
  rules: [
    documentPresent,
    documentSections,
    documentPlaceholder,
    documentVersion,
    documentUpdated,
    changeRequestSections,
    changeRequestTicket,
  ],
  needs: ['branch', 'version', 'documents'],
  // Without a token the documents are still checked; the change request needs the API.
  wants: ['pullRequest'],
  outputs: [
    {
      name: 'release-type',
      description:
        'The release type whose documents were checked: major, minor, patch or prerelease; empty when the run does not release.',
    },
    {
      name: 'missing',
      description:
        'How many required documents or sections are missing, empty or still placeholder text; 0 when the run does not release.',
    },
  ],
  summarize(facts, policy): CheckValues {
    if (!facts.documents) return {};
    const { release, required } = inspectDocuments(facts, policy);
    let missing = 0;
    for (const { spec, files } of required) {
      if (files.length === 0) missing += 1;
      for (const file of files) {
        const outline = readOutline(file);
        if (!outline) {
          missing += 1;
          continue;
        }
        const checks = checkSections(outline, spec.sections, spec.placeholders);
        missing += checks.filter((check) => check.gap !== undefined).length;
      }
    }
    return { 'release-type': release.type, missing };
  },
  describe(values): Record<string, string> {
    if (values.missing === undefined) return {};
    return {
      'release type':
        values['release-type'] === undefined ? '(not a release)' : String(values['release-type']),
      missing: String(values.missing),
    };
  },
});
