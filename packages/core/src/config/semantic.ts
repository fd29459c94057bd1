/**
 * Checks that need more than the schema: non-empty branch kinds, merge
 * targets that exist, patterns that compile, known rule ids, a SemVer
 * initial version, version files inside the repository. They read the plain value defensively, so they run even
 * when the schema found other problems, and every problem is collected.
 */
// One function per module: the package's index loads all of semver (a few ms of every start).
import parseSemver from 'semver/functions/parse.js';
import type { ConfigIssue } from '../errors.js';
import { compilePattern, PatternError } from '../patterns.js';
import { TICKET_KEY } from './constants.js';
import { RULES } from '../rules/registry.js';
import { formatDidYouMean } from './did-you-mean.js';
import { anchorFor, formatPath, seeDocs, type PathSegment } from './messages.js';
import { quoteValue } from '../text.js';
import { explainVersionFilePath } from '../version-files.js';
import type { IssueContext } from './zod-issues.js';
import { readAt } from './zod-issues.js';

const MAX_PATTERN_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Runs every semantic check on the plain policy value. */
export function checkPolicySemantics(ctx: IssueContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: PathSegment[], target: 'key' | 'value', message: string, anchor?: string) =>
    issues.push({
      file: ctx.file,
      ...ctx.source.locate(path, target),
      path: formatPath(path),
      message: `${message} ${seeDocs(anchor ?? anchorFor(path))}`,
    });
  checkBranches(ctx.value, add);
  checkRules(ctx.value, add);
  checkInitialVersion(ctx.value, add);
  checkVersionFilePaths(ctx.value, add);
  checkPatchKinds(ctx.value, add);
  return issues;
}

type Add = (path: PathSegment[], target: 'key' | 'value', message: string, anchor?: string) => void;

function checkBranches(value: unknown, add: Add): void {
  const kinds = readAt(value, ['branches', 'kinds']);
  if (!isRecord(kinds)) return;
  const kindNames = Object.keys(kinds);
  if (kindNames.length === 0) {
    add(
      ['branches', 'kinds'],
      'value',
      'branches.kinds is empty. With no branch kinds no branch name could be classified, and ' +
        'the policy fails closed rather than letting every branch pass. Define at least one ' +
        'kind, for example: kinds: { feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] } }.',
    );
    return;
  }
  const rawKeys = readAt(value, ['branches', 'ticket-keys']);
  const ticketKeys = Array.isArray(rawKeys)
    ? rawKeys.filter((k): k is string => typeof k === 'string' && TICKET_KEY.test(k))
    : [];
  const mainline = readAt(value, ['mainline']);
  const targets = ['mainline', ...kindNames];
  if (kindNames.includes('mainline')) {
    add(
      ['branches', 'kinds', 'mainline'],
      'key',
      'The kind name "mainline" is reserved: in "into" lists it stands for the mainline ' +
        'branch, so a kind cannot use it. Rename the kind, for example: trunk: { patterns: ["trunk"] }.',
    );
  }
  for (const [kind, spec] of Object.entries(kinds)) {
    const patterns = isRecord(spec) ? spec['patterns'] : undefined;
    if (Array.isArray(patterns)) {
      patterns.forEach((pattern, index) => {
        if (typeof pattern !== 'string' || pattern === '') return; // the schema reports these
        if (pattern.length > MAX_PATTERN_LENGTH) return;
        const path = ['branches', 'kinds', kind, 'patterns', index];
        const problem = explainPattern(pattern, ticketKeys);
        if (problem !== undefined) {
          add(
            path,
            'value',
            `${formatPath(path)} ${quoteValue(pattern)} is not a valid pattern: ${problem}`,
            'placeholders',
          );
        }
      });
    }
    const into = isRecord(spec) ? spec['into'] : undefined;
    if (!Array.isArray(into)) continue;
    into.forEach((target, index) => {
      if (typeof target !== 'string' || target === '' || targets.includes(target)) return;
      const path = ['branches', 'kinds', kind, 'into', index];
      const branchHint =
        target === (typeof mainline === 'string' ? mainline : 'main')
          ? ` ${quoteValue(target)} is the mainline branch's name; write the keyword mainline instead.`
          : formatDidYouMean(target, targets);
      add(
        path,
        'value',
        `${formatPath(path)} names the unknown merge target ${quoteValue(target)}.${branchHint} ` +
          `Expected "mainline" or one of the kinds defined here (${listNames(kindNames)}), ` +
          `for example: into: [mainline, ${exampleKind(kindNames, kind)}].`,
      );
    });
  }
}

/** The branch kinds of the default policy, which a file without `branches` keeps. */
const DEFAULT_KIND_NAMES = ['feature', 'fix', 'release', 'maintenance', 'hotfix', 'bot'];

/** `patches.kinds` names branch kinds the policy defines. */
function checkPatchKinds(value: unknown, add: Add): void {
  const listed = readAt(value, ['patches', 'kinds']);
  if (!Array.isArray(listed)) return;
  const kinds = readAt(value, ['branches', 'kinds']);
  if (readAt(value, ['branches']) !== undefined && !isRecord(kinds)) return;
  const kindNames = isRecord(kinds) ? Object.keys(kinds) : DEFAULT_KIND_NAMES;
  listed.forEach((kind, index) => {
    if (typeof kind !== 'string' || kind === '' || kindNames.includes(kind)) return;
    const path = ['patches', 'kinds', index];
    add(
      path,
      'value',
      `${formatPath(path)} names the unknown branch kind ${quoteValue(kind)}.${formatDidYouMean(kind, kindNames)} ` +
        `Expected one of the kinds under branches.kinds (${listNames(kindNames)}), ` +
        'for example: kinds: [release, maintenance].',
    );
  });
}

const KIND_NAME = /^[a-z][a-z0-9-]*$/;

/** Lists kind names for a message: plain when well-formed, JSON-quoted otherwise; at most 20. */
function listNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 20)
    .map((n) => (KIND_NAME.test(n) && n.length <= 40 ? n : quoteValue(n)));
  return names.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A well-formed kind name other than `self` for an example, else `release`. */
function exampleKind(names: readonly string[], self: string): string {
  return names.find((n) => n !== self && KIND_NAME.test(n) && n.length <= 40) ?? 'release';
}

/** Compiles a pattern; returns the pattern error's explanation, or `undefined` when it compiles. */
function explainPattern(pattern: string, ticketKeys: readonly string[]): string | undefined {
  try {
    compilePattern(pattern, { ticketKeys });
    return undefined;
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    const problems = error.problems.length > 0 ? error.problems.join('; ') : error.message;
    return (
      `${problems.replace(/\s*See \S+\.?\s*$/, '').replace(/\.$/, '')}. A pattern is literal ` +
      `text plus placeholders, for example "feature/{ticket}-{slug}" or "release/{major}.{minor}".`
    );
  }
}

function checkRules(value: unknown, add: Add): void {
  const rules = readAt(value, ['rules']);
  if (!isRecord(rules)) return;
  const ids = RULES.map((r) => r.id);
  for (const id of Object.keys(rules)) {
    if (ids.includes(id)) continue;
    add(
      ['rules', id],
      'key',
      `Unknown rule id ${quoteValue(id)} in rules.${formatDidYouMean(id, ids)} ` +
        `Known rule ids: ${ids.join(', ')}. For example: rules: { ${ids[0] ?? 'branch-name'}: warning }.`,
    );
  }
}

/** True for a plain SemVer 2.0 version as written (no `v`, no `=`, no spaces). */
function isStrictSemver(text: string): boolean {
  const parsed = parseSemver(text);
  if (parsed === null) return false;
  const build = parsed.build.length > 0 ? `+${parsed.build.join('.')}` : '';
  return `${parsed.version}${build}` === text;
}

function checkInitialVersion(value: unknown, add: Add): void {
  const initial = readAt(value, ['versioning', 'initial']);
  if (typeof initial !== 'string' || isStrictSemver(initial)) return;
  const stripped = initial.replace(/^[vV=]+/, '').trim();
  const hint = isStrictSemver(stripped)
    ? ` Write it without the prefix: initial: ${stripped} (the tag prefix is added from versioning.tag-prefix).`
    : '';
  add(
    ['versioning', 'initial'],
    'value',
    `versioning.initial ${quoteValue(initial)} is not a SemVer version.${hint} ` +
      `Expected MAJOR.MINOR.PATCH with an optional pre-release, for example: initial: 0.1.0.`,
  );
}

function checkVersionFilePaths(value: unknown, add: Add): void {
  const files = readAt(value, ['versioning', 'files']);
  if (!Array.isArray(files)) return;
  files.forEach((entry, index) => {
    const inMapping = isRecord(entry);
    const path = inMapping ? entry['path'] : entry;
    if (typeof path !== 'string') return; // the schema reports these
    const problem = explainVersionFilePath(path);
    if (problem === undefined) return;
    const at: PathSegment[] = inMapping
      ? ['versioning', 'files', index, 'path']
      : ['versioning', 'files', index];
    add(
      at,
      'value',
      `${formatPath(at)} ${quoteValue(path)} ${problem}. Version files are read from the ` +
        'repository and their contents end up in messages, so a path must be relative to the ' +
        'repository root and stay inside it, for example: files: [package.json, "packages/app/package.json"].',
    );
  });
}
