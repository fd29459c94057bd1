/**
 * The section the changelog check reads: which Conventional Commits types
 * the release notes list, under which titles and in which order, where the
 * changelog file is, and how tickets are linked.
 */
import { z } from 'zod';
import { definePolicySection } from '../../config/section.js';

/** One `changelog.sections` entry as written. */
function buildChangelogSectionEntrySchema() {
  return z.strictObject({
    type: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('A Conventional Commits type, e.g. feat.'),
    title: z.string().min(1).max(100).describe('The heading of its section, e.g. Features.'),
    hidden: z.boolean().default(false).describe('True to leave the type out of the notes.'),
  });
}

/** The `changelog` section as written. */
function buildChangelogSchema() {
  return z
    .strictObject({
      file: z
        .string()
        .min(1)
        .default('CHANGELOG.md')
        .describe('The changelog file, repository-relative.'),
      sections: z
        .array(buildChangelogSectionEntrySchema())
        .default([
          { type: 'feat', title: 'Features', hidden: false },
          { type: 'fix', title: 'Bug Fixes', hidden: false },
          { type: 'perf', title: 'Performance Improvements', hidden: false },
          { type: 'revert', title: 'Reverts', hidden: false },
        ])
        .describe(
          'The types listed in the notes, in order, with their titles; other types are left out.',
        ),
      'breaking-title': z
        .string()
        .min(1)
        .max(100)
        .default('⚠ BREAKING CHANGES')
        .describe('The title of the breaking changes, listed first.'),
      other: z
        .union([z.literal(false), z.string().min(1).max(100)])
        .default(false)
        .describe(
          'The title under which commits that are not Conventional Commits are listed, or false to drop them.',
        ),
      'ticket-prefixes': z
        .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-$/))
        .default([])
        .describe('Ticket keys linked in subjects, e.g. CHG- for CHG-1234.'),
      'ticket-url': z
        .string()
        .regex(/^https:\/\/\S*\{ticket\}\S*$/)
        .optional()
        .describe(
          'The URL of a ticket, {ticket} standing for its key, e.g. https://tracker.example.com/browse/{ticket}.',
        ),
      packages: z
        .array(
          z
            .strictObject({
              name: z
                .string()
                .regex(/^[A-Za-z0-9@][A-Za-z0-9@._/-]{0,99}$/)
                .describe('The package, as --package names it, e.g. api or @org/api.'),
              path: z
                .string()
                .min(1)
                .refine((path) => !path.startsWith('/') && !path.split('/').includes('..'), {
                  message: 'the path must be relative to the repository root, without ".."',
                })
                .optional()
                .describe('Its folder: commits that change a file under it are its entries.'),
              scopes: z
                .array(z.string().min(1))
                .default([])
                .describe('Conventional Commits scopes whose entries are its entries.'),
            })
            .refine((p) => p.path !== undefined || p.scopes.length > 0, {
              message: 'a package needs a path, scopes, or both',
            }),
        )
        .default([])
        .describe('Monorepo packages whose own notes `changelog --package NAME` writes.'),
      contributors: z.boolean().default(true).describe('True to list the authors of the entries.'),
      draft: z.boolean().default(false).describe('True to publish releases as drafts.'),
    })
    .describe('Release notes and the changelog file.');
}

/** One type listed in the release notes. */
export interface ChangelogTypeSection {
  type: string;
  title: string;
  hidden: boolean;
}

/** One package of a monorepo: its entries are the commits under its folder or of its scopes. */
export interface ChangelogPackage {
  name: string;
  /** Its folder, repository-relative; absent: selected by scope only. */
  path?: string;
  scopes: string[];
}

/** The effective `changelog` section. */
export interface ChangelogPolicy {
  file: string;
  sections: ChangelogTypeSection[];
  breakingTitle: string;
  /** The title of non-conventional commits, or `false` to drop them. */
  other: string | false;
  ticketPrefixes: string[];
  /** The ticket URL template (`{ticket}` stands for the key); absent: tickets are not linked. */
  ticketUrl?: string;
  /** The packages `changelog --package NAME` selects entries for; empty: a single package. */
  packages: ChangelogPackage[];
  contributors: boolean;
  draft: boolean;
}

/** The `changelog` policy section. */
export const changelogSection = definePolicySection({
  key: 'changelog',
  property: 'changelog',
  schema: buildChangelogSchema,
  docs: 'changelog',
  resolve: (parsed): ChangelogPolicy => ({
    file: parsed.file,
    sections: parsed.sections.map((s) => ({ ...s })),
    breakingTitle: parsed['breaking-title'],
    other: parsed.other,
    ticketPrefixes: [...parsed['ticket-prefixes']],
    ...(parsed['ticket-url'] !== undefined ? { ticketUrl: parsed['ticket-url'] } : {}),
    packages: parsed.packages.map((p) => ({
      name: p.name,
      ...(p.path === undefined ? {} : { path: p.path.replace(/^\.\//, '').replace(/\/+$/, '') }),
      scopes: [...p.scopes],
    })),
    contributors: parsed.contributors,
    draft: parsed.draft,
  }),
  fields: {
    changelog: {
      expected:
        'a mapping with file, sections, breaking-title, other, ticket-prefixes, ticket-url, packages, contributors and draft',
      example: 'changelog: { file: CHANGELOG.md, other: false }',
    },
    'changelog.file': {
      expected: 'a repository-relative file path',
      example: 'file: CHANGELOG.md',
    },
    'changelog.sections': {
      expected: 'a list of { type, title, hidden } in the order the notes list them',
      example: 'sections: [{ type: feat, title: Features }, { type: fix, title: Bug Fixes }]',
    },
    'changelog.sections[]': {
      expected: 'a mapping with "type", "title" and optionally "hidden"',
      example: '{ type: docs, title: Documentation, hidden: true }',
    },
    'changelog.sections[].type': {
      expected: 'a commit type: lower-case letters, digits and dashes, starting with a letter',
      example: 'type: feat',
    },
    'changelog.sections[].title': {
      expected: 'a heading of 1 to 100 characters',
      example: 'title: Features',
    },
    'changelog.sections[].hidden': { expected: 'true or false', example: 'hidden: true' },
    'changelog.breaking-title': {
      expected: 'a heading of 1 to 100 characters',
      example: "breaking-title: '⚠ BREAKING CHANGES'",
    },
    'changelog.other': {
      expected: 'false, or the heading of commits that are not Conventional Commits',
      example: 'other: Other',
    },
    'changelog.ticket-prefixes': {
      expected: 'a list of ticket key prefixes, each letters then a dash',
      example: 'ticket-prefixes: [CHG-]',
    },
    'changelog.ticket-prefixes[]': {
      expected: 'letters, digits or _ then a dash',
      example: 'CHG-',
    },
    'changelog.ticket-url': {
      expected: 'an https URL with {ticket} where the ticket key goes',
      example: 'ticket-url: https://tracker.example.com/browse/{ticket}',
    },
    'changelog.packages': {
      expected: 'a list of packages, each { name, path, scopes }',
      example: 'packages: [{ name: api, path: packages/api, scopes: [api] }]',
    },
    'changelog.packages[]': {
      expected: 'a mapping with "name" and a "path", "scopes" or both',
      example: '{ name: api, path: packages/api }',
    },
    'changelog.packages[].name': {
      expected: 'a package name: letters, digits, @ . _ / -',
      example: 'name: api',
    },
    'changelog.packages[].path': {
      expected: 'a folder relative to the repository root',
      example: 'path: packages/api',
    },
    'changelog.packages[].scopes': { expected: 'a list of scopes', example: 'scopes: [api]' },
    'changelog.packages[].scopes[]': { expected: 'a scope', example: 'api' },
    'changelog.contributors': { expected: 'true or false', example: 'contributors: true' },
    'changelog.draft': { expected: 'true or false', example: 'draft: false' },
  },
  defaultYaml: `changelog:
  # The changelog file the notes of each release are added to, at the top.
  file: CHANGELOG.md
  # The Conventional Commits types the release notes list, in this order, with
  # their titles. Other types are left out; hidden: true leaves a listed one out.
  sections:
    - { type: feat, title: Features }
    - { type: fix, title: Bug Fixes }
    - { type: perf, title: Performance Improvements }
    - { type: revert, title: Reverts }
  # The title of breaking changes, always listed first.
  breaking-title: ⚠ BREAKING CHANGES
  # Commits that are not Conventional Commits: false drops them, a title lists
  # them under it (other: Other).
  other: false
  # Ticket keys linked in subjects (CHG-1234), and the URL they link to.
  ticket-prefixes: []
  # ticket-url: https://tracker.example.com/browse/{ticket}
  # Monorepos: the packages "changelog --package NAME" writes notes for; a
  # package's entries are the commits that change a file under its path, or
  # whose scope is one of its scopes.
  packages: []
  # packages:
  #   - { name: api, path: packages/api, scopes: [api] }
  # True to list the authors of the entries under Contributors.
  contributors: true
  # True to publish GitHub Releases as drafts.
  draft: false
`,
});
