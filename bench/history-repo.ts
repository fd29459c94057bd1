/**
 * A synthetic release history for the `history` section: a mainline of
 * Conventional Commits with release tags (some with `-rc.N` pre-releases
 * first), maintenance lines (`X.Y.x`) forked off release tags with their own
 * patch releases, and a `package.json` whose version changes in each release
 * commit. Planned as data first (pure, deterministic), written as one
 * `git fast-import` stream, and cached in the temporary folder by its
 * parameters so repeated runs reuse it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './lib/git-fixture.js';

/** The size of the history to make. */
export interface HistoryOptions {
  /** Commits in all, mainline and maintenance lines together (approximate, at least 50). */
  commits: number;
  /** Release tags in all (approximate, at least 10). */
  tags: number;
}

/** One commit of the plan, on `branch`. */
export interface PlannedCommit {
  branch: string;
  message: string;
  /** The `package.json` version after this commit (changed only by release commits). */
  version: string;
  /** Annotated tags on this commit, e.g. `v1.4.0`. */
  tags: string[];
  /** For the first commit of a maintenance line: the tag it forks off. */
  forkFrom?: string;
}

/** What a scenario's run must answer, as the generator knows it. */
export interface ExpectedAnswer {
  /** The branch checked out. */
  branch: string;
  /** The release tag the commits are counted from. */
  previousTag: string;
  /** Commits in `previousTag..branch`. */
  commitsSince: number;
  /** The version the commits since `previousTag` lead to. */
  recommended: string;
  /** The version `package.json` declares at the branch tip. */
  declared: string;
}

/** The whole plan: commits in stream order and the answers at the tips. */
export interface HistoryPlan {
  commits: PlannedCommit[];
  tagCount: number;
  /** The mainline tip: commits after the last release, nothing declared yet. */
  mainline: ExpectedAnswer;
  /** The newest maintenance line: fixes after its last tag, and a release commit declaring the next patch. */
  maintenance: ExpectedAnswer;
}

const FEAT_SCOPES = ['api', 'cli', 'core', 'docs', 'git', 'parser', 'ui', 'auth'];
const FIX_WORDS = [
  'null check',
  'race',
  'off-by-one',
  'timeout',
  'encoding',
  'leak',
  'typo',
  'retry',
];
/** Mainline tags per minor cycle on average, and maintenance tags (see {@link planHistory}). */
const MINORS_PER_MAJOR = 10;
const RC_EVERY = 3;
const MAINTAIN_EVERY = 2;
const MAINTENANCE_RELEASES = 3;
const COMMITS_PER_MAINTENANCE_RELEASE = 3;

/** A small deterministic generator (mulberry32), so the same options give the same history. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plans the history: minor cycles of mainline work, each ending in releases
 * `X.Y.0` (every third cycle after `-rc.1` and `-rc.2`), `X.Y.1` and `X.Y.2`,
 * a breaking change every tenth cycle; every second superseded minor gets an
 * `X.Y.x` line forked off `vX.Y.2` with three patch releases. The mainline
 * ends with feature and fix commits after its last release; the newest
 * maintenance line ends with fixes and a release commit declaring the next
 * patch (a release pending, not tagged yet).
 */
export function planHistory(options: HistoryOptions): HistoryPlan {
  const random = createRandom(20_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Mainline tags per cycle: rc tags every RC_EVERY cycles, then .0, .1, .2.
  const mainTagsPerCycle = 3 + 2 / RC_EVERY;
  const maintTagsPerCycle = MAINTENANCE_RELEASES / MAINTAIN_EVERY;
  const cycles = Math.max(2, Math.round(options.tags / (mainTagsPerCycle + maintTagsPerCycle)));
  const maintCommits =
    Math.floor(cycles / MAINTAIN_EVERY) * MAINTENANCE_RELEASES * COMMITS_PER_MAINTENANCE_RELEASE;
  const mainReleases = Math.round(cycles * mainTagsPerCycle);
  // Work commits between two mainline releases (the release commit itself adds one).
  const perRelease = Math.max(3, (options.commits - maintCommits) / (mainReleases + 1)) - 1;
  let spent = 0;
  /** The next gap: whole commits whose running sum follows `perRelease` per release. */
  const nextGap = () => {
    const total = Math.round((spent + 1) * perRelease) - Math.round(spent * perRelease);
    spent += 1;
    return total;
  };

  const commits: PlannedCommit[] = [];
  /** Mainline fixes, merged as squashed pull requests: what the maintenance lines backport. */
  const mainlineFixes: string[] = [];
  let pullRequests = 0;
  let version = '0.0.0';
  let tagCount = 0;
  const add = (branch: string, message: string, tags: string[] = [], forkFrom?: string) => {
    const commit: PlannedCommit = { branch, message, version, tags };
    if (forkFrom !== undefined) commit.forkFrom = forkFrom;
    commits.push(commit);
    tagCount += tags.length;
  };
  const release = (branch: string, next: string) => {
    version = next;
    add(branch, `chore(release): ${next}`, [`v${next}`]);
  };
  /** `count` work commits on `branch`: features when `feature`, else fixes; a breaking one first when `breaking`. */
  const work = (branch: string, count: number, kind: 'feature' | 'fix', breaking = false) => {
    for (let i = 0; i < count; i += 1) {
      if (breaking && i === 0) {
        add(branch, `feat(${pick(FEAT_SCOPES)})!: drop the old ${pick(FEAT_SCOPES)} options`);
      } else if (kind === 'feature' && i % 3 !== 2) {
        add(branch, `feat(${pick(FEAT_SCOPES)}): support ${pick(FEAT_SCOPES)} ${i}`);
      } else if (random() < 0.2) {
        add(branch, `docs: explain ${pick(FEAT_SCOPES)} ${i}`);
      } else if (branch === 'main') {
        pullRequests += 1;
        const subject = `fix(${pick(FEAT_SCOPES)}): ${pick(FIX_WORDS)} in step ${i} (#${pullRequests})`;
        mainlineFixes.push(subject);
        add(branch, `${subject}\n\nCloses #${i + 1}.`);
      } else {
        add(
          branch,
          `fix(${pick(FEAT_SCOPES)}): ${pick(FIX_WORDS)} in step ${i}\n\nCloses #${i + 1}.`,
        );
      }
    }
  };

  let major = 1;
  let minor = 0;
  /** Minors that get a line once superseded, with the count of mainline fixes at their fork. */
  const maintainable: { major: number; minor: number; fixesBefore: number }[] = [];
  let lastLine: { branch: string; major: number; minor: number; patch: number } | undefined;
  add('main', 'chore: start the project');
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    const breaking = cycle > 0 && cycle % MINORS_PER_MAJOR === 0;
    if (breaking) {
      major += 1;
      minor = 0;
    } else if (cycle > 0) minor += 1;
    const line = `${major}.${minor}`;
    if (cycle % RC_EVERY === RC_EVERY - 1) {
      work('main', nextGap(), 'feature', breaking);
      release('main', `${line}.0-rc.1`);
      work('main', nextGap(), 'fix');
      release('main', `${line}.0-rc.2`);
      work('main', nextGap(), 'fix');
    } else {
      work('main', nextGap(), 'feature', breaking);
    }
    release('main', `${line}.0`);
    work('main', nextGap(), 'fix');
    release('main', `${line}.1`);
    work('main', nextGap(), 'fix');
    release('main', `${line}.2`);
    // The previous maintainable minor gets its line now that it is superseded.
    const older = maintainable.shift();
    if (older !== undefined) lastLine = addMaintenanceLine(older);
    if (cycle % MAINTAIN_EVERY === 0 && cycle < cycles - 1) {
      maintainable.push({ major, minor, fixesBefore: mainlineFixes.length });
    }
  }
  const older = maintainable.shift();
  if (older !== undefined) lastLine = addMaintenanceLine(older);
  if (lastLine === undefined) {
    throw new RangeError(
      `planHistory needs at least 2 minor cycles for a maintenance line; raise tags (got ${options.tags}).`,
    );
  }

  const mainlineVersion = version;
  const tail = Math.max(3, nextGap());
  work('main', tail, 'feature');
  const mainline: ExpectedAnswer = {
    branch: 'main',
    previousTag: `v${mainlineVersion}`,
    commitsSince: tail,
    recommended: `${major}.${minor + 1}.0`,
    declared: mainlineVersion,
  };

  // The newest line: a fix after its last release, then the release commit of the next patch, not tagged yet.
  const { branch } = lastLine;
  const lineTag = `v${lastLine.major}.${lastLine.minor}.${lastLine.patch}`;
  version = lineTag.slice(1);
  add(branch, `fix(${pick(FEAT_SCOPES)}): backport a pending fix`);
  const next = `${lastLine.major}.${lastLine.minor}.${lastLine.patch + 1}`;
  version = next;
  add(branch, `chore(release): ${next}`);
  version = mainlineVersion;
  const maintenance: ExpectedAnswer = {
    branch,
    previousTag: lineTag,
    commitsSince: 2,
    recommended: next,
    declared: next,
  };
  return { commits, tagCount, mainline, maintenance };

  /**
   * Forks `X.Y.x` off `vX.Y.2` and adds its patch releases. Each fix is a
   * backport of one of mainline's newest fixes, made since the fork, with
   * the same subject and pull request number (a squash merge picked onto the
   * line), so a release of a newer line holds every patch of this one.
   */
  function addMaintenanceLine(at: { major: number; minor: number; fixesBefore: number }) {
    const branch = `${at.major}.${at.minor}.x`;
    const mainVersion = version;
    version = `${at.major}.${at.minor}.2`;
    let patch = 2;
    let first: string | undefined = `v${version}`;
    const sinceFork = mainlineFixes.slice(at.fixesBefore);
    let backported = 0;
    for (let r = 0; r < MAINTENANCE_RELEASES; r += 1) {
      for (let i = 0; i < COMMITS_PER_MAINTENANCE_RELEASE - 1; i += 1) {
        backported += 1;
        const fix = sinceFork.at(-backported);
        if (fix === undefined) {
          throw new RangeError(
            `planHistory needs ${MAINTENANCE_RELEASES * (COMMITS_PER_MAINTENANCE_RELEASE - 1)} mainline fixes after v${version} ` +
              `for ${branch} to backport, but mainline has ${sinceFork.length}; raise commits (got ${options.commits}).`,
          );
        }
        add(branch, fix, [], first);
        first = undefined;
      }
      patch += 1;
      release(branch, `${at.major}.${at.minor}.${patch}`);
    }
    version = mainVersion;
    return { branch, major: at.major, minor: at.minor, patch };
  }
}

/**
 * The commits reachable from `branch`'s tip, as the generator knows them: a
 * maintenance line holds its own commits and the mainline's up to the tag it
 * forks off (every line forks off the mainline). This is what a plain
 * `git log` on that branch prints.
 */
export function countReachableCommits(plan: HistoryPlan, branch: string): number {
  const own = plan.commits.filter((c) => c.branch === branch);
  const fork = own.find((c) => c.forkFrom !== undefined)?.forkFrom;
  if (fork === undefined) return own.length;
  const at = plan.commits.findIndex((c) => c.tags.includes(fork));
  if (at === -1) throw new RangeError(`The plan forks ${branch} off ${fork}, which it never tags.`);
  const parent = plan.commits[at]!.branch;
  const before = plan.commits.slice(0, at + 1).filter((c) => c.branch === parent).length;
  return own.length + before;
}

/** The `package.json` of a version, as the default policy reads it. */
function renderPackage(version: string): string {
  return `${JSON.stringify({ name: 'synthetic-app', version, private: true }, null, 2)}\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/**
 * The plan as one `git fast-import` stream: commits with fixed dates one
 * minute apart, `package.json` written whenever its version changes and one
 * small source file per commit, annotated tags, branches named as planned.
 */
export function renderFastImportStream(plan: HistoryPlan): string {
  const parts: string[] = [];
  const marks = new Map<string, number>();
  const tagMarks: { tag: string; mark: number; when: number }[] = [];
  const written = new Map<string, string>();
  const start = 1_600_000_000;
  plan.commits.forEach((commit, index) => {
    const mark = index + 1;
    const when = start + index * 60;
    const person = `Synthetic Dev <dev${index % 7}@example.com> ${when} +0000`;
    parts.push(
      `commit refs/heads/${commit.branch}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n`,
      data(commit.message),
    );
    if (commit.forkFrom !== undefined) {
      const from = marks.get(commit.forkFrom);
      if (from === undefined)
        throw new RangeError(
          `The plan forks ${commit.branch} off ${commit.forkFrom}, not tagged before.`,
        );
      parts.push(`from :${from}\n`);
    }
    if (written.get(commit.branch) !== commit.version || index === 0) {
      parts.push(`M 100644 inline package.json\n`, data(renderPackage(commit.version)));
    }
    written.set(commit.branch, commit.version);
    parts.push(
      `M 100644 inline src/module-${index % 40}.ts\n`,
      data(`export const step = ${index};\n`),
      '\n',
    );
    for (const tag of commit.tags) {
      marks.set(tag, mark);
      tagMarks.push({ tag, mark, when });
    }
  });
  for (const { tag, mark, when } of tagMarks) {
    parts.push(
      `tag ${tag}\nfrom :${mark}\ntagger Release Bot <bot@example.com> ${when} +0000\n`,
      data(`Release ${tag}`),
    );
  }
  return parts.join('');
}

/** Where a made history lives: the repository (on the mainline) and a worktree on the maintenance line. */
export interface HistoryRepo {
  /** The repository, checked out on `main`. */
  mainline: string;
  /** A linked worktree checked out on the newest maintenance line. */
  maintenance: string;
  /** A clone of the mainline without tags (the whole history is read). */
  untagged: string;
  plan: HistoryPlan;
  /** True when an earlier run's repository was reused. */
  reused: boolean;
}

/** The cache folder of a history of these options (a new layout gets a new version here). */
export function resolveHistoryCache(options: HistoryOptions, base = tmpdir()): string {
  return join(base, 'release-policy-bench-history', `v2-${options.commits}c-${options.tags}t`);
}

/**
 * Makes the synthetic repository for `options`, or reuses the one an earlier
 * run made: built in a side folder and renamed into place when complete, so
 * an interrupted build is never reused.
 */
/**
 * A repository `parent/repo` made from a `git fast-import` stream, with
 * `main` checked out; `what` names it in the error when git refuses.
 */
export function importHistory(parent: string, stream: string, what: string): string {
  const repo = join(parent, 'repo');
  runGit(parent, ['init', '--quiet', '--initial-branch=main', repo]);
  const imported = spawnSync('git', ['fast-import', '--quiet', '--done'], {
    cwd: repo,
    input: `${stream}done\n`,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (imported.error || imported.status !== 0) {
    throw new Error(
      `git fast-import failed making ${what} (exit ${imported.status}): ` +
        `${(imported.stderr || imported.error?.message || '').trim().slice(0, 400)}`,
    );
  }
  runGit(repo, ['checkout', '--quiet', '--force', 'main']);
  return repo;
}

export async function ensureHistoryRepo(
  options: HistoryOptions,
  base = tmpdir(),
): Promise<HistoryRepo> {
  const plan = planHistory(options);
  const dir = resolveHistoryCache(options, base);
  const paths = {
    mainline: join(dir, 'repo'),
    maintenance: join(dir, 'maintenance'),
    untagged: join(dir, 'untagged'),
  };
  if (existsSync(join(dir, 'complete'))) return { ...paths, plan, reused: true };

  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const repo = importHistory(partial, renderFastImportStream(plan), 'the synthetic history');
  runGit(repo, ['gc', '--quiet', '--auto']);
  await writeFile(join(partial, 'plan.json'), JSON.stringify({ options, tags: plan.tagCount }));
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  // Linked worktrees record absolute paths: add the maintenance one in its final place.
  runGit(paths.mainline, [
    'worktree',
    'add',
    '--quiet',
    paths.maintenance,
    plan.maintenance.branch,
  ]);
  // The same mainline without any tag (a local clone shares the objects).
  runGit(dir, [
    'clone',
    '--quiet',
    '--no-tags',
    '--single-branch',
    '--branch=main',
    paths.mainline,
    paths.untagged,
  ]);
  await writeFile(join(dir, 'complete'), '');
  return { ...paths, plan, reused: false };
}
