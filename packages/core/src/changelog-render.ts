/**
 * Release notes from changelog entries: the sections (for `--json`) and the
 * Markdown, written by conventional-changelog-writer with the
 * conventionalcommits preset (its `createPreset`, never loaded by name).
 * Untrusted commit text is neutralized first: no HTML, no mentions.
 */
import createPreset from 'conventional-changelog-conventionalcommits';
import {
  writeChangelogString,
  type CommitKnownProps,
  type Options,
} from 'conventional-changelog-writer';
import type { ChangelogPolicy } from './checks/changelog/section.js';
import { OTHER_TYPE, type ChangelogEntry } from './changelog-entries.js';
import type { RiskAssessment } from './changelog-risk.js';

/** One section of the notes: its title and its entries, in the order of the notes. */
export interface ChangelogSection {
  title: string;
  entries: ChangelogEntry[];
}

/** Where the repository lives, for links; absent: the notes carry no links. */
export interface ChangelogRepository {
  /** e.g. `https://github.com`. */
  host: string;
  owner: string;
  name: string;
}

/** What the notes are for. */
export interface ReleaseNotesInput {
  /** The version, without tag prefix, e.g. `1.4.0`. */
  version: string;
  /** The previous release's tag and this release's tag, for the compare link. */
  previousTag?: string;
  tag?: string;
  /** The release date, `YYYY-MM-DD` (passed in: core reads no clock). */
  date: string;
  repository?: ChangelogRepository;
  entries: readonly ChangelogEntry[];
  /** The pull requests' risks; absent when they could not be read (no token), empty when there are none. */
  risks?: readonly RiskAssessment[];
}

/**
 * Groups entries into the policy's sections: breaking changes first, then
 * each listed and visible type in policy order, then `Other` when the policy
 * keeps non-conventional commits. Empty sections are left out. Pure.
 */
export function groupChangelogEntries(
  entries: readonly ChangelogEntry[],
  policy: ChangelogPolicy,
): ChangelogSection[] {
  const sections: ChangelogSection[] = [
    { title: policy.breakingTitle, entries: entries.filter((e) => e.breaking) },
    ...policy.sections
      .filter((s) => !s.hidden)
      .map((s) => ({ title: s.title, entries: entries.filter((e) => e.type === s.type) })),
  ];
  if (policy.other !== false) {
    sections.push({ title: policy.other, entries: entries.filter((e) => e.type === OTHER_TYPE) });
  }
  return sections.filter((s) => s.entries.length > 0);
}

/**
 * Commit text made safe for Markdown on GitHub: `<` and `>` as entities (no
 * HTML, so `</details>` closes nothing), and a zero-width space after `@`
 * so `@someone` shows but notifies nobody.
 */
export function neutralizeCommitText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u200b');
}

/** The writer's commit object for one entry. */
function convertEntry(entry: ChangelogEntry): CommitKnownProps & Record<string, unknown> {
  const subject =
    neutralizeCommitText(entry.subject) + (entry.pr !== undefined ? ` (#${entry.pr})` : '');
  return {
    type: entry.type,
    scope: entry.scope ? neutralizeCommitText(entry.scope) : null,
    subject,
    header: subject,
    body: null,
    footer: null,
    merge: null,
    revert: null,
    mentions: [],
    references: [],
    hash: entry.sha,
    notes: entry.notes.map((text) => ({
      title: 'BREAKING CHANGE',
      text: neutralizeCommitText(text),
    })),
  };
}

/**
 * The preset's writer options for the policy: its types and titles, the
 * breaking title, pull-request links only when the repository is known,
 * ticket links through the policy's URL template, and never a user link.
 */
function createWriterOptions(policy: ChangelogPolicy, linked: boolean): Options {
  const types = [
    ...policy.sections.map((s) => ({
      type: s.type,
      section: s.title,
      ...(s.hidden ? { effect: 'hidden' as const } : {}),
    })),
    ...(policy.other !== false ? [{ type: OTHER_TYPE, section: policy.other }] : []),
  ];
  const { ticketUrl } = policy;
  const preset = createPreset({
    types,
    issuePrefixes: ['#', ...(ticketUrl ? policy.ticketPrefixes : [])],
    formatNoteTitle: () => policy.breakingTitle,
    formatNoteIcon: () => '',
    // An empty URL leaves the reference as text.
    formatUserUrl: () => '',
    formatIssueUrl: (context: Record<string, unknown>, reference: Record<string, unknown>) => {
      if (reference.prefix !== '#') {
        return (
          ticketUrl?.replace('{ticket}', `${String(reference.prefix)}${String(reference.issue)}`) ??
          ''
        );
      }
      return linked
        ? `${String(context.host)}/${String(context.owner)}/${String(context.repository)}/issues/${String(reference.issue)}`
        : '';
    },
  }) as { writer: Options };
  return preset.writer;
}

/** The `Risk assessment` section: one item per pull request, its risk text indented below. */
function renderRisks(risks: readonly RiskAssessment[]): string {
  if (risks.length === 0) return '';
  const items = risks.map((r) => {
    const risk =
      r.risk === '' ? 'not stated' : neutralizeCommitText(r.risk).split('\n').join('\n  ');
    return `* #${r.number} ${neutralizeCommitText(r.title)}:${r.risk.includes('\n') ? '\n  ' : ' '}${risk}`;
  });
  return `\n### Risk assessment\n\n${items.join('\n')}\n`;
}

/** The contributors' list: each author once, sorted, neutralized. */
function renderContributors(entries: readonly ChangelogEntry[]): string {
  const names = [...new Set(entries.flatMap((e) => (e.author ? [e.author] : [])))].sort();
  if (names.length === 0) return '';
  return `\n### Contributors\n\n${names.map((n) => `* ${neutralizeCommitText(n)}`).join('\n')}\n`;
}

/**
 * The Markdown of one release's notes: a version heading (with a compare
 * link when the repository and both tags are known), the sections, and the
 * contributors when the policy lists them. Ends with one newline. Pure
 * (asynchronous only because the writer is).
 */
export async function renderReleaseNotes(
  input: ReleaseNotesInput,
  policy: ChangelogPolicy,
): Promise<string> {
  const repo = input.repository;
  const context = {
    version: input.version,
    date: input.date,
    ...(repo
      ? {
          host: repo.host,
          owner: repo.owner,
          repository: repo.name,
          repoUrl: `${repo.host}/${repo.owner}/${repo.name}`,
          // One commit's page, not the history from it (the writer's default).
          commit: 'commit',
          linkReferences: true,
        }
      : { linkReferences: false }),
    ...(repo && input.previousTag && input.tag
      ? { previousTag: input.previousTag, currentTag: input.tag, linkCompare: true }
      : { linkCompare: false }),
  };
  const markdown = await writeChangelogString(
    input.entries.map(convertEntry),
    context,
    createWriterOptions(policy, repo !== undefined),
  );
  const contributors = policy.contributors ? renderContributors(input.entries) : '';
  return `${markdown.trimEnd()}\n${renderRisks(input.risks ?? [])}${contributors}`;
}
