/**
 * The sections the docs check reads: `documents` (the files a release of
 * each type needs, and what they must hold) and `change-request` (the form a
 * pull request's description fills in).
 */
import { z } from 'zod';
import { definePolicySection, type PolicyPosition } from '../../config/section.js';
import { TICKET_KEY } from '../../config/constants.js';

/** The release types a document may be required for. */
export const RELEASE_TYPES = ['major', 'minor', 'patch', 'prerelease'] as const;

/** A type of release: the step from the previous release. */
export type ReleaseType = (typeof RELEASE_TYPES)[number];

/** The placeholder texts of the default templates. `<…>` stands for any text in angle brackets. */
export const DEFAULT_PLACEHOLDERS = ['TODO', 'TBD', '<…>', '…'];

/**
 * Why a policy path could leave the repository (absolute, `..`, a NUL), or
 * undefined for a plain relative path or glob.
 */
function explainDocumentPath(path: string): string | undefined {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
    return 'is absolute, so it could read a file outside the repository';
  }
  if (path.split(/[\\/]/).includes('..')) {
    return 'contains "..", so it could read a file outside the repository';
  }
  return undefined;
}

/** A path or glob that must stay inside the repository. */
function buildRepositoryPathSchema() {
  return z
    .string()
    .min(1)
    .superRefine((path, ctx) => {
      const problem = explainDocumentPath(path);
      if (problem !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `the path ${problem}; give a path or glob relative to the repository root, e.g. docs/release/*.md`,
        });
      }
    });
}

/** A required heading as written: its title, or a mapping with its aliases. */
function buildSectionTitleSchema() {
  return z.union([
    z
      .string()
      .min(1)
      .describe('A heading that must exist, matched case-insensitively at any level.'),
    z.strictObject({
      title: z.string().min(1).describe('The heading, matched case-insensitively at any level.'),
      aliases: z
        .array(z.string().min(1))
        .default([])
        .describe('Other headings that count as this one, e.g. a translation.'),
    }),
  ]);
}

/** The `placeholders` list of a document or of the change request. */
function buildPlaceholdersSchema() {
  return z
    .array(z.string().min(1))
    .default(DEFAULT_PLACEHOLDERS)
    .describe(
      'Texts that mark a section as not filled in; <…> stands for any text in angle brackets.',
    );
}

/** One `documents` entry as written. */
function buildDocumentEntrySchema() {
  return z.strictObject({
    path: buildRepositoryPathSchema().describe('A file or a glob inside the repository.'),
    'required-for': z
      .array(z.enum(RELEASE_TYPES))
      .min(1)
      .describe('The release types that need the document.'),
    sections: z
      .array(buildSectionTitleSchema())
      .default([])
      .describe('Headings that must exist, each with non-empty content below it.'),
    'mention-version': z
      .boolean()
      .default(false)
      .describe('The document must mention the version being released, e.g. 1.4.0 or v1.4.0.'),
    updated: z
      .boolean()
      .default(false)
      .describe('The document must have changed since the previous release tag.'),
    template: buildRepositoryPathSchema()
      .describe('The template the document was made from; a document still identical to it fails.')
      .optional(),
    placeholders: buildPlaceholdersSchema(),
  });
}

/** The `documents` section as written: a list of required documents. */
function buildDocumentsSchema() {
  return z
    .array(buildDocumentEntrySchema())
    .describe('The documents a release needs, by release type.');
}

/** One required heading and the headings that count as it. */
export interface SectionSpec {
  title: string;
  aliases: string[];
}

/** One entry of the effective `documents` section. */
export interface DocumentSpec {
  path: string;
  requiredFor: ReleaseType[];
  sections: SectionSpec[];
  mentionVersion: boolean;
  updated: boolean;
  template?: string;
  placeholders: string[];
  /**
   * Where the entry's `path` and `template` stand in the policy file: a
   * link found to leave the repository is a policy error there. Absent for
   * a policy built in code.
   */
  positions?: { path: PolicyPosition; template?: PolicyPosition };
}

/** The effective `change-request` section. */
export interface ChangeRequestPolicy {
  sections: SectionSpec[];
  ticketKeys: string[];
  requireTicket: boolean;
  exemptLabels: string[];
  exemptAuthors: string[];
  placeholders: string[];
}

function normalizeSection(
  entry: z.output<ReturnType<typeof buildSectionTitleSchema>>,
): SectionSpec {
  return typeof entry === 'string'
    ? { title: entry, aliases: [] }
    : { title: entry.title, aliases: [...entry.aliases] };
}

const sectionFields = {
  expected: 'a heading, or a mapping with "title" and "aliases"',
  example: '{ title: Rollback, aliases: [回滚] }',
};

/** The `documents` policy section. */
export const documentsSection = definePolicySection({
  key: 'documents',
  property: 'documents',
  schema: buildDocumentsSchema,
  docs: 'documents',
  resolve: (parsed): DocumentSpec[] =>
    parsed.map((entry) => ({
      path: entry.path,
      requiredFor: [...entry['required-for']],
      sections: entry.sections.map(normalizeSection),
      mentionVersion: entry['mention-version'],
      updated: entry.updated,
      ...(entry.template === undefined ? {} : { template: entry.template }),
      placeholders: [...entry.placeholders],
    })),
  locate: (documents, at) =>
    documents.map((entry, index) => ({
      ...entry,
      positions: {
        path: at([index, 'path']),
        ...(entry.template === undefined ? {} : { template: at([index, 'template']) }),
      },
    })),
  fields: {
    documents: {
      expected: 'a list of documents, each a mapping with "path" and "required-for"',
      example: 'documents: [{ path: docs/release/rollback.md, required-for: [major, minor] }]',
    },
    'documents[]': {
      expected: 'a mapping with "path", "required-for" and optionally "sections"',
      example: '{ path: docs/release/rollback.md, required-for: [major, minor] }',
    },
    'documents[].path': {
      expected: 'a file or glob relative to the repository root',
      example: 'path: docs/release/rollback.md',
    },
    'documents[].required-for': {
      expected: 'a non-empty list of release types: major, minor, patch, prerelease',
      example: 'required-for: [major, minor]',
    },
    'documents[].required-for[]': {
      expected: 'one of major, minor, patch, prerelease',
      example: 'major',
    },
    'documents[].sections': {
      expected: 'a list of headings',
      example: 'sections: [Steps, { title: Rollback, aliases: [回滚] }]',
    },
    'documents[].sections[]': sectionFields,
    'documents[].sections[].title': { expected: 'a heading', example: 'title: Rollback' },
    'documents[].sections[].aliases': {
      expected: 'a list of headings',
      example: 'aliases: [回滚]',
    },
    'documents[].sections[].aliases[]': { expected: 'a heading', example: '回滚' },
    'documents[].mention-version': { expected: 'true or false', example: 'mention-version: true' },
    'documents[].updated': { expected: 'true or false', example: 'updated: true' },
    'documents[].template': {
      expected: 'a file path relative to the repository root',
      example: 'template: docs/release/templates/rollback.md',
    },
    'documents[].placeholders': {
      expected: 'a list of placeholder texts',
      example: "placeholders: [TODO, TBD, '<…>', '…']",
    },
    'documents[].placeholders[]': { expected: 'a placeholder text', example: 'TODO' },
  },
  defaultYaml: `documents:
  # The documents a release needs. path: a file or a glob inside the
  # repository; required-for: the release types that need it (major, minor,
  # patch, prerelease); sections: headings that must exist with content below
  # them (any level, case-insensitive; { title, aliases } for other names);
  # mention-version: it names the version released; updated: it changed since
  # the previous release tag; template: a document still identical to it
  # fails. A section holding only placeholder text (TODO, TBD, <…>, …) fails.
  # "release-policy init --docs" writes these files as templates.
  - path: docs/release/release-notes.md
    required-for: [major, minor, patch]
    sections: [Changes, Risk]
    mention-version: true
  - path: docs/release/installation.md
    required-for: [major, minor]
    sections: [Environment, Steps, Verification]
  - path: docs/release/configuration.md
    required-for: [major, minor]
    sections: [Parameters]
  - path: docs/release/backup-restore.md
    required-for: [major, minor]
    sections: [Backup, Restore]
  - path: docs/release/rollback.md
    required-for: [major, minor, patch]
    sections: [Triggers, { title: Rollback, aliases: [回滚] }, Verification]
  # The rest of the procedure's list, for teams that keep them:
  # - path: docs/release/file-listing.md
  #   required-for: [major]
  # - path: docs/release/log-locations.md
  #   required-for: [major]
  # - path: docs/release/password-change.md
  #   required-for: [major]
  # - path: docs/release/cleanup-plan.md
  #   required-for: [major]
  # - path: docs/release/contacts.md
  #   required-for: [major]
`,
});

/**
 * The sections a change request holds when the policy does not list its own:
 * the procedure's reason, impact analysis, verification plan and risk, with
 * the procedure's own titles as aliases.
 */
const DEFAULT_CHANGE_REQUEST_SECTIONS = [
  { title: 'Reason', aliases: ['变更原因'] },
  { title: 'Impact analysis', aliases: ['影响分析'] },
  { title: 'Verification plan', aliases: ['验证计划'] },
  { title: 'Risk', aliases: ['风险'] },
] as const;

/** The `change-request` section as written. */
function buildChangeRequestSchema() {
  return z
    .strictObject({
      sections: z
        .array(buildSectionTitleSchema())
        .default(() =>
          DEFAULT_CHANGE_REQUEST_SECTIONS.map((s) => ({ ...s, aliases: [...s.aliases] })),
        )
        .describe(
          'Headings the pull request description must hold, each with content; by default Reason, Impact analysis, Verification plan and Risk.',
        ),
      'ticket-keys': z
        .array(z.string().regex(TICKET_KEY))
        .default(['CHG'])
        .describe('Ticket keys, e.g. [CHG] for CHG-1234; empty: any upper-case key.'),
      'require-ticket': z
        .boolean()
        .default(true)
        .describe('A ticket id must be in the title, the description or the branch name.'),
      'exempt-labels': z
        .array(z.string().min(1))
        .default(['dependencies'])
        .describe('Pull requests with any of these labels are not checked.'),
      'exempt-authors': z
        .array(z.string().min(1))
        .default(['dependabot[bot]', 'renovate[bot]'])
        .describe('Pull requests by these logins are not checked.'),
      placeholders: buildPlaceholdersSchema(),
    })
    .describe('The change request a pull request description holds.');
}

/** The `change-request` policy section. */
export const changeRequestSection = definePolicySection({
  key: 'change-request',
  property: 'changeRequest',
  schema: buildChangeRequestSchema,
  docs: 'change-request',
  resolve: (parsed): ChangeRequestPolicy => ({
    sections: parsed.sections.map(normalizeSection),
    ticketKeys: [...parsed['ticket-keys']],
    requireTicket: parsed['require-ticket'],
    exemptLabels: [...parsed['exempt-labels']],
    exemptAuthors: [...parsed['exempt-authors']],
    placeholders: [...parsed.placeholders],
  }),
  fields: {
    'change-request': {
      expected:
        'a mapping with sections, ticket-keys, require-ticket, exempt-labels, exempt-authors',
      example: 'change-request: { sections: [Reason, Risk], ticket-keys: [CHG] }',
    },
    'change-request.sections': {
      expected: 'a list of headings',
      example: 'sections: [Reason, { title: Risk, aliases: [风险] }]',
    },
    'change-request.sections[]': sectionFields,
    'change-request.sections[].title': { expected: 'a heading', example: 'title: Reason' },
    'change-request.sections[].aliases': {
      expected: 'a list of headings',
      example: 'aliases: [变更原因]',
    },
    'change-request.sections[].aliases[]': { expected: 'a heading', example: '变更原因' },
    'change-request.ticket-keys': {
      expected: 'a list of ticket keys',
      example: 'ticket-keys: [CHG, OPS]',
    },
    'change-request.ticket-keys[]': {
      expected: 'a ticket key: 1 to 20 upper-case letters and digits, starting with a letter',
      example: 'CHG',
    },
    'change-request.require-ticket': { expected: 'true or false', example: 'require-ticket: true' },
    'change-request.exempt-labels': {
      expected: 'a list of label names',
      example: 'exempt-labels: [dependencies]',
    },
    'change-request.exempt-labels[]': { expected: 'a label name', example: 'dependencies' },
    'change-request.exempt-authors': {
      expected: 'a list of logins',
      example: "exempt-authors: ['dependabot[bot]']",
    },
    'change-request.exempt-authors[]': { expected: 'a login', example: 'renovate[bot]' },
    'change-request.placeholders': {
      expected: 'a list of placeholder texts',
      example: "placeholders: [TODO, TBD, '<…>', '…']",
    },
    'change-request.placeholders[]': { expected: 'a placeholder text', example: 'TODO' },
  },
  defaultYaml: `change-request:
  # Headings a pull request's description must hold, each with content that
  # is not placeholder text. "release-policy init" writes
  # .github/pull_request_template.md with them.
  sections:
    - { title: Reason, aliases: [变更原因] }
    - { title: Impact analysis, aliases: [影响分析] }
    - { title: Verification plan, aliases: [验证计划] }
    - { title: Risk, aliases: [风险] }
  # A ticket id (CHG-1234) in the title, the description or the branch name.
  # An empty list accepts any upper-case key.
  ticket-keys: [CHG]
  require-ticket: true
  # Pull requests with one of these labels, or by one of these authors, are
  # not checked.
  exempt-labels: [dependencies]
  exempt-authors: ['dependabot[bot]', 'renovate[bot]']
  # Texts that mark a section as not filled in; <…> is any text in angle
  # brackets.
  placeholders: [TODO, TBD, '<…>', '…']
`,
});
