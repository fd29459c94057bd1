/**
 * The forward ports a patch check asks for: per maintenance line with
 * missing commits, one branch into mainline that picks them, oldest first.
 * Pure: the git adapter makes the branch, the GitHub adapter the pull request.
 */
import type { ClassifiedLine } from './classify.js';

/** Where every forward-port branch lives, e.g. `release-policy/forward-port/3.5.x`. */
export const FORWARD_PORT_BRANCH_PREFIX = 'release-policy/forward-port/';

/** One commit to pick. */
export interface ForwardPortCommit {
  /** Full sha on the line. */
  sha: string;
  /** Its subject; untrusted text. */
  subject: string;
}

/** One line's forward port: the branch to make and the commits to pick onto mainline. */
export interface ForwardPortPlan {
  line: string;
  /** The branch name, already a valid git branch name (see {@link formatForwardPortBranch}). */
  branch: string;
  /** The missing commits, oldest first (the order they were made on the line). */
  commits: ForwardPortCommit[];
}

/** The most characters of the line's name kept in a branch name. */
const MAX_LINE_CHARS = 100;

/**
 * The forward-port branch of a line: {@link FORWARD_PORT_BRANCH_PREFIX} and
 * the line's name without a remote (`origin/3.5.x` → `3.5.x`), made a safe
 * branch name whatever the line is called: only letters, digits, `.`, `_`,
 * `-` and `/` are kept (any run of others becomes one `-`), no empty, dotted or
 * `.lock` path segment, no `..`, at most 100 characters of the line.
 * A name with nothing left becomes `line`. When making it safe changed the
 * name, `-` and 8 hex digits of a hash of the name are appended, so two lines
 * that sanitize alike (`a b`, `a?b`) keep distinct branches whichever lines
 * a run sees.
 */
export function formatForwardPortBranch(line: string): string {
  const local = line.startsWith('origin/') ? line.slice('origin/'.length) : line;
  const segments = local
    .slice(0, MAX_LINE_CHARS)
    .replace(/[^A-Za-z0-9._/-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .split('/')
    .map((segment) =>
      segment
        .replace(/\.{2,}/g, '.')
        .replace(/^[.-]+/, '')
        .replace(/(\.lock)+$/i, '')
        .replace(/[.]+$/, ''),
    )
    .filter((segment) => segment !== '');
  const name = segments.join('/') || 'line';
  const suffix = name === local ? '' : `-${hashLineName(local)}`;
  return `${FORWARD_PORT_BRANCH_PREFIX}${name}${suffix}`;
}

/** 32-bit FNV-1a of the name's UTF-8 bytes, as 8 hex digits: short and stable across runs. */
function hashLineName(name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * One plan per line with missing commits, in the lines' order; lines where
 * every commit is in mainline, exempt or waived need no forward port. Two
 * lines whose names sanitize alike keep distinct branches by the hash
 * {@link formatForwardPortBranch} appends; only two lines naming the same
 * branch (`origin/3.5.x` and `3.5.x`) share one, so the later gets `-2`.
 */
export function planForwardPorts(lines: readonly ClassifiedLine[]): ForwardPortPlan[] {
  const plans: ForwardPortPlan[] = [];
  const taken = new Set<string>();
  for (const line of lines) {
    const missing = line.commits.filter((commit) => commit.status === 'missing');
    if (missing.length === 0) continue;
    const base = formatForwardPortBranch(line.line);
    let branch = base;
    for (let n = 2; taken.has(branch); n += 1) branch = `${base}-${n}`;
    taken.add(branch);
    plans.push({
      line: line.line,
      branch,
      // The line's commits come newest first; picks go in the order they were made.
      commits: missing.map(({ sha, subject }) => ({ sha, subject })).reverse(),
    });
  }
  return plans;
}
