/**
 * Deterministic inputs for the core benchmarks: commit messages, versions and
 * branch names drawn from a seeded generator, so every run measures the same
 * data.
 */

/** A seeded pseudo-random source (mulberry32): same seed, same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** Creates a seeded pseudo-random source. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new RangeError('pick needs a non-empty list.');
      return items[below(items.length)] as T;
    },
    chance: (p: number) => next() < p,
  };
}

const WORDS = [
  'add',
  'login',
  'cache',
  'retry',
  'parser',
  'docs',
  'release',
  'policy',
  'token',
  'branch',
  'version',
  'bump',
  'fix',
  'timeout',
  'comment',
  'summary',
  'api',
  'limit',
  'config',
  'schema',
];
const TYPES = ['feat', 'fix', 'chore', 'docs', 'refactor', 'test', 'ci', 'perf', 'build', 'style'];
const SCOPES = ['core', 'cli', 'git', 'github', 'deps', 'api', 'ui'];

function words(random: Random, min: number, max: number): string[] {
  const count = min + random.below(max - min + 1);
  return Array.from({ length: count }, () => random.pick(WORDS));
}

function sentence(random: Random, min: number, max: number): string {
  return words(random, min, max).join(' ');
}

/**
 * Generates commit messages as a busy repository has them: mostly
 * Conventional Commits (types, scopes, `!`, bodies, `BREAKING CHANGE:` and
 * other footers), plus merge commits, reverts and free-form messages.
 */
export function generateCommitMessages(count: number, seed = 1): string[] {
  const random = createRandom(seed);
  const messages: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    if (roll < 0.06) {
      messages.push(
        `Merge pull request #${1 + random.below(5000)} from octo-org/feature/CHG-${1 + random.below(999)}-${random.pick(WORDS)}\n\n${sentence(random, 3, 8)}`,
      );
      continue;
    }
    if (roll < 0.08) {
      messages.push(
        `Revert "feat: ${sentence(random, 2, 5)}"\n\nThis reverts commit ${'0123456789abcdef'.repeat(3).slice(0, 40)}.`,
      );
      continue;
    }
    if (roll < 0.16) {
      const first = sentence(random, 2, 6);
      messages.push(`${first[0]?.toUpperCase()}${first.slice(1)}`);
      continue;
    }
    const type = random.pick(TYPES);
    const scope = random.chance(0.5) ? `(${random.pick(SCOPES)})` : '';
    const bang = random.chance(0.03) ? '!' : '';
    const lines = [`${type}${scope}${bang}: ${sentence(random, 2, 8)}`];
    if (random.chance(0.6)) {
      const paragraphs = 1 + random.below(3);
      for (let p = 0; p < paragraphs; p += 1) lines.push('', sentence(random, 8, 30));
    }
    const footers: string[] = [];
    if (random.chance(0.04)) footers.push(`BREAKING CHANGE: ${sentence(random, 4, 12)}`);
    if (random.chance(0.3)) footers.push(`Refs: #${1 + random.below(5000)}`);
    if (random.chance(0.15)) footers.push('Co-authored-by: Octo Cat <octocat@example.com>');
    if (footers.length > 0) lines.push('', ...footers);
    messages.push(lines.join('\n'));
  }
  return messages;
}

function versionCore(random: Random): string {
  return `${random.below(20)}.${random.below(40)}.${random.below(100)}`;
}

/** Generates valid SemVer 2.0.0 versions: plain, pre-release and with build metadata. */
export function generateValidVersions(count: number, seed = 2): string[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    let v = versionCore(random);
    if (random.chance(0.25)) v += `-${random.pick(['alpha', 'beta', 'rc'])}.${random.below(12)}`;
    if (random.chance(0.05)) v += `+build.${random.below(9000)}`;
    return v;
  });
}

/**
 * Generates versions of which about one in ten is invalid in a way people
 * write them (`v1.2.3`, `1.2`, `01.2.3`, `1.2.3-`, `1.2.3-rc..1`, spaces).
 */
export function generateMixedVersions(count: number, seed = 3): string[] {
  const random = createRandom(seed);
  const valid = generateValidVersions(count, seed + 1000);
  const spoil = [
    (v: string) => `v${v}`,
    (v: string) => v.split('.').slice(0, 2).join('.'),
    (v: string) => `0${v}`,
    (v: string) => `${v.split('+')[0]}-`,
    (v: string) => `${v.split(/[-+]/)[0]}-rc..1`,
    (v: string) => ` ${v}`,
  ];
  return valid.map((v) => (random.chance(0.1) ? random.pick(spoil)(v) : v));
}

function ticket(random: Random): string {
  return `${random.pick(['CHG', 'OPS', 'PROJ', 'ABC2'])}-${1 + random.below(9999)}`;
}

function slug(random: Random): string {
  return words(random, 1, 4).join(random.chance(0.9) ? '-' : '_');
}

/**
 * Generates branch names as a busy repository has them: every kind of the
 * default policy, the mainline, `refs/heads/` refs, and names that fit no
 * kind (wrong case, missing ticket, personal prefixes).
 */
export function generateBranchNames(count: number, seed = 4): string[] {
  const random = createRandom(seed);
  const makers: Array<[number, () => string]> = [
    [30, () => `feature/${ticket(random)}-${slug(random)}`],
    [6, () => `feat/${ticket(random)}-${slug(random)}`],
    [12, () => `fix/${ticket(random)}-${slug(random)}`],
    [4, () => `release/${random.below(5)}.${random.below(20)}`],
    [2, () => `${random.below(5)}.${random.below(20)}.x`],
    [1, () => `${random.below(5)}.x`],
    [4, () => `hotfix/${versionCore(random)}${random.chance(0.2) ? '-rc.1' : ''}`],
    [8, () => `dependabot/npm_and_yarn/${random.pick(WORDS)}-${versionCore(random)}`],
    [3, () => `renovate/${random.pick(WORDS)}-${random.below(9)}.x`],
    [4, () => 'main'],
    [3, () => `refs/heads/feature/${ticket(random)}-${slug(random)}`],
    [6, () => `Feature/${ticket(random)}-${slug(random)}`],
    [6, () => `feature/${slug(random)}`],
    [5, () => `${random.pick(['alice', 'bob', 'wip'])}/${slug(random)}`],
    [3, () => `feature/${ticket(random).toLowerCase()}-${slug(random)}`],
    [3, () => `release/v${random.below(5)}.${random.below(20)}`],
  ];
  const total = makers.reduce((sum, [weight]) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let roll = random.below(total);
    for (const [weight, make] of makers) {
      if (roll < weight) return make();
      roll -= weight;
    }
    throw new RangeError('unreachable: weights exhausted');
  });
}

/** An adversarial branch-name family: names of any length that almost fit a pattern. */
export interface AdversarialFamily {
  name: string;
  /** Builds a name of exactly `length` characters (at least the family's minimum). */
  build(length: number): string;
}

function fill(prefix: string, unit: string, suffix: string, length: number): string {
  const room = length - prefix.length - suffix.length;
  if (room < 0) throw new RangeError(`length ${length} is shorter than ${prefix}${suffix}`);
  return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + suffix;
}

/**
 * Names that make a backtracking matcher work hardest: long repetitions that
 * almost fit and fail only at the end. The first is the one from the brief:
 * `feature/` followed by `A-1-` repeated.
 */
export const ADVERSARIAL_FAMILIES: readonly AdversarialFamily[] = [
  { name: 'feature/ + "A-1-"×n', build: (n) => fill('feature/', 'A-1-', '', n) },
  { name: 'feature/CHG-1- + "a-"×n + "!"', build: (n) => fill('feature/CHG-1-', 'a-', '!', n) },
  { name: 'feature/CHG-1- + "a"×n + "!"', build: (n) => fill('feature/CHG-1-', 'a', '!', n) },
  { name: 'hotfix/1.2.3- + "a."×n + "!"', build: (n) => fill('hotfix/1.2.3-', 'a.', '!', n) },
  { name: 'dependabot/ + "a/"×n + "~"', build: (n) => fill('dependabot/', 'a/', '~', n) },
];
