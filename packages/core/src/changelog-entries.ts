/**
 * The entries of a release's notes, read from its commits with
 * conventional-commits-parser and the conventionalcommits preset's parser
 * options: squash bodies split into one entry per message, reverts inside
 * the range cancelled, merge commits and repeated messages left out.
 */
import createPreset from 'conventional-changelog-conventionalcommits';
import { CommitParser, type Commit, type ParserOptions } from 'conventional-commits-parser';
import type { ChangelogPolicy } from './checks/changelog/section.js';
import type { CommitFacts } from './facts.js';

/** The type given to entries that are not Conventional Commits, when the policy lists them. */
export const OTHER_TYPE = 'other';

/** One entry of the release notes. */
export interface ChangelogEntry {
  /** The full sha of the commit it comes from (a squash commit gives several entries). */
  sha: string;
  /** The Conventional Commits type, lower-cased; {@link OTHER_TYPE} for a commit that is not one. */
  type: string;
  scope?: string;
  /** The subject, without a trailing pull-request reference `(#123)`. */
  subject: string;
  breaking: boolean;
  /** The texts of its breaking-change notes (the subject for `type!:` without a footer). */
  notes: string[];
  /** The pull request named at the end of the subject, `(#123)`. */
  pr?: number;
  /** The author's name, for the contributors. */
  author?: string;
}

const parsers = new Map<string, CommitParser>();

/** The preset's parser options, with the policy's ticket prefixes as reference prefixes. */
export function createChangelogParserOptions(policy: ChangelogPolicy): ParserOptions {
  const preset = createPreset({ issuePrefixes: ['#', ...policy.ticketPrefixes] }) as {
    parser: ParserOptions;
  };
  return preset.parser;
}

function getParser(policy: ChangelogPolicy): CommitParser {
  const key = policy.ticketPrefixes.join('\n');
  let parser = parsers.get(key);
  if (!parser) {
    parser = new CommitParser(createChangelogParserOptions(policy));
    parsers.set(key, parser);
  }
  return parser;
}

/** Longest run of non-space characters the parser is given. */
const MAX_TOKEN = 100;
/** Characters kept from each end of a long message. */
const MAX_END = 32_768;

/**
 * A message the parser reads in bounded time: its reference pattern takes
 * time polynomial in the length of a word (1,000 characters without a space
 * took about a second), so long words are cut, and of a very long message
 * only the start (header, body) and the end (footers) are kept.
 */
function boundMessage(message: string): string {
  const ends =
    message.length > 2 * MAX_END
      ? `${message.slice(0, MAX_END)}\n${message.slice(-MAX_END)}`
      : message;
  return ends.replace(/\S{101,}/g, (word) => word.slice(0, MAX_TOKEN));
}

/**
 * Reads a message with conventional-commits-parser and the preset's parser
 * options; a header the core's subject reader refuses as malformed (an empty
 * scope, `feat(): x`) is no Conventional Commit here either, so the version
 * check and the notes always agree on which commits count.
 */
export function parseChangelogCommit(message: string, policy: ChangelogPolicy): Commit {
  const parsed = getParser(policy).parse(boundMessage(message));
  if (typeof parsed.type === 'string' && /^[^(:]*\(\s*\)/.test(parsed.header ?? '')) {
    const refused: Commit = Object.assign(Object.create(null) as Commit, parsed);
    refused.type = null;
    refused.scope = null;
    refused.subject = null;
    return refused;
  }
  return parsed;
}

/** Splits a trailing ` (#123)` off a subject. */
function splitPullRequest(subject: string): { subject: string; pr?: number } {
  const match = / \(#(\d{1,9})\)$/.exec(subject);
  if (!match) return { subject };
  return { subject: subject.slice(0, match.index), pr: Number(match[1]) };
}

/** The texts of a parsed commit's breaking-change notes. */
function readNotes(parsed: Commit): string[] {
  return parsed.notes
    .filter((note) => note.title === 'BREAKING CHANGE' || note.title === 'BREAKING-CHANGE')
    .map((note) => note.text.trim());
}

/** One entry from a parsed message, or undefined when it is not a Conventional Commit. */
function convertParsed(parsed: Commit, sha: string, author?: string): ChangelogEntry | undefined {
  if (typeof parsed.type !== 'string' || typeof parsed.subject !== 'string') return undefined;
  const { subject, pr } = splitPullRequest(parsed.subject.trim());
  const notes = readNotes(parsed);
  return {
    sha,
    type: parsed.type.toLowerCase(),
    ...(parsed.scope ? { scope: parsed.scope } : {}),
    subject,
    breaking: notes.length > 0,
    notes,
    ...(pr !== undefined ? { pr } : {}),
    ...(author ? { author } : {}),
  };
}

/**
 * The Conventional Commit messages of a squash body (`* feat: a` lines, as
 * GitHub writes them), when it holds at least two; else empty.
 */
function readSquashedMessages(body: string): string[] {
  const messages: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    if (line.startsWith('* ')) {
      if (current) messages.push(current.join('\n'));
      current = [line.slice(2)];
    } else if (current && (line.startsWith('  ') || line === '')) {
      current.push(line.trim());
    } else if (current) {
      messages.push(current.join('\n'));
      current = undefined;
    }
  }
  if (current) messages.push(current.join('\n'));
  return messages.length >= 2 ? messages.map((m) => m.trimEnd()) : [];
}

/** The entries of one commit: one per squashed message, or one for the commit itself. */
function readCommitEntries(
  commit: CommitFacts,
  parser: CommitParser,
  policy: ChangelogPolicy,
): ChangelogEntry[] {
  const author = commit.author?.name;
  const parsed = parseChangelogCommit(commit.message, policy);
  const own = convertParsed(parsed, commit.sha, author);
  const squashed = readSquashedMessages(commit.message.split('\n').slice(1).join('\n'))
    .map((message) => convertParsed(parseChangelogCommit(message, policy), commit.sha, author))
    .filter((entry): entry is ChangelogEntry => entry !== undefined);
  if (squashed.length >= 2) {
    const pr = own?.pr ?? splitPullRequest(commit.message.split('\n')[0] ?? '').pr;
    return squashed.map((entry) =>
      pr !== undefined && entry.pr === undefined ? { ...entry, pr } : entry,
    );
  }
  if (own) return [own];
  const reverted = parsed.revert?.header;
  if (typeof reverted === 'string' && reverted !== '') {
    return [
      {
        sha: commit.sha,
        type: 'revert',
        subject: reverted,
        breaking: false,
        notes: [],
        ...(author ? { author } : {}),
      },
    ];
  }
  if (policy.other === false) return [];
  const { subject, pr } = splitPullRequest((commit.message.split('\n')[0] ?? '').trim());
  if (subject === '') return [];
  return [
    {
      sha: commit.sha,
      type: OTHER_TYPE,
      subject,
      breaking: false,
      notes: [],
      ...(pr !== undefined ? { pr } : {}),
      ...(author ? { author } : {}),
    },
  ];
}

/** The sha a commit reverts (`This reverts commit <sha>.`), when it is a revert. */
function readRevertedSha(commit: CommitFacts, policy: ChangelogPolicy): string | undefined {
  const parsed = parseChangelogCommit(commit.message, policy);
  const hash = parsed.revert?.hash;
  return typeof hash === 'string' && hash !== '' ? hash : undefined;
}

/**
 * The entries of a release, newest first, from its commits (newest first, as
 * the git adapter reads them): merge commits are left out (their changes
 * come with the merged commits), a squash body with several messages gives
 * one entry per message, a revert of a commit inside the range cancels both,
 * and a message seen twice (a cherry-pick, a rebase) gives one entry. Pure.
 */
export function collectChangelogEntries(
  commits: readonly CommitFacts[],
  policy: ChangelogPolicy,
): ChangelogEntry[] {
  const parser = getParser(policy);
  const inRange = new Set(commits.map((c) => c.sha));
  const cancelled = new Set<string>();
  for (const commit of commits) {
    const reverted = readRevertedSha(commit, policy);
    if (reverted === undefined) continue;
    const target = [...inRange].find((sha) => sha.startsWith(reverted) && !cancelled.has(sha));
    if (target === undefined) continue;
    cancelled.add(target);
    cancelled.add(commit.sha);
  }
  const seen = new Set<string>();
  const entries: ChangelogEntry[] = [];
  for (const commit of commits) {
    if ((commit.parents?.length ?? 0) > 1 || cancelled.has(commit.sha)) continue;
    for (const entry of readCommitEntries(commit, parser, policy)) {
      const key = JSON.stringify([entry.type, entry.scope ?? '', entry.subject]);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
    }
  }
  return entries;
}
