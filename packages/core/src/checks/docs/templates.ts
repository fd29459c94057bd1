/**
 * The document templates `release-policy init --docs` writes: one per
 * `documents` entry of the policy (each required section with a placeholder
 * to replace), and the pull request template with the change request's
 * sections. Templates alone fail the docs check, on purpose.
 */
import type { Policy } from '../../config/schema.js';
import type { DocumentSpec, SectionSpec } from './section.js';

/** A file to write: a repository-relative path and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

/** Where GitHub reads the pull request template from. */
export const PULL_REQUEST_TEMPLATE_PATH = '.github/pull_request_template.md';

/** `docs/release/backup-restore.md` -> `Backup restore`. */
function describeTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Each section with a comment saying what goes there and a visible TODO to replace. */
function renderSections(sections: readonly SectionSpec[], hint: string): string {
  return sections
    .map((s) => `## ${s.title}\n\n<!-- ${hint} ${s.title.toLowerCase()}. -->\nTODO\n`)
    .join('\n');
}

function renderDocumentTemplate(spec: DocumentSpec): string {
  const version = spec.mentionVersion ? '\nVersion: TODO (the version released, e.g. 1.4.0)\n' : '';
  return (
    `# ${describeTitle(spec.path)}\n${version}\n` +
    '<!-- Required for ' +
    `${spec.requiredFor.join(', ')} releases by .github/release-policy.yml. Replace every ` +
    'TODO; the release is blocked until then. -->\n\n' +
    renderSections(spec.sections, 'Describe the')
  );
}

/** The templates of the policy's documents; entries whose path is a glob are left out. */
export function renderDocumentTemplates(policy: Policy): TemplateFile[] {
  return policy.documents
    .filter((spec) => !/[*?[]/.test(spec.path))
    .map((spec) => ({ path: spec.path, text: renderDocumentTemplate(spec) }));
}

/** The pull request template: the change request's sections, a ticket line. */
export function renderPullRequestTemplate(policy: Policy): TemplateFile {
  const { sections, ticketKeys } = policy.changeRequest;
  const ticket = `${ticketKeys[0] ?? 'CHG'}-1234`;
  const text =
    `<!-- Change request: fill in every section; the docs check fails on the placeholders. ` +
    `Name the ticket (${ticket}) in the title or on the Ticket line. -->\n\nTicket: TODO\n\n` +
    renderSections(sections, 'Write the');
  return { path: PULL_REQUEST_TEMPLATE_PATH, text };
}
