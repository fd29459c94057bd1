/**
 * Strict SemVer 2.0.0 parsing with teaching messages, and comparison by
 * SemVer precedence. Re-exported from `version.ts`.
 */
import { quoteValue } from './text.js';

/** Where the version format is documented. */
export const VERSION_FORMAT_DOCS = 'docs/rules.md#version-format';

/** A valid SemVer version, split into its parts. */
export interface SemVerParts {
  /** The version as written, without any tag prefix, e.g. `1.2.3-rc.1+build.5`. */
  version: string;
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers; numeric ones as numbers (`rc.10` -> `['rc', 10]`). */
  prerelease: (string | number)[];
  /** Build metadata identifiers, as written. */
  build: string[];
}

/** The result of {@link parseStrictVersion}. */
export type StrictVersionResult =
  | ({ ok: true } & SemVerParts)
  | {
      ok: false;
      /** Every problem found, the offending value, the expected form with an example, and the docs. */
      problem: string;
    };

/** Options for {@link parseStrictVersion}. */
export interface ParseVersionOptions {
  /** A prefix removed before parsing when present, e.g. the tag prefix `v`. */
  allowPrefix?: string;
  /** With `allowPrefix`: the prefix must be there (tags). */
  requirePrefix?: boolean;
  /** Whether `+build` metadata is accepted. */
  allowBuild?: boolean;
}

/**
 * Quotes untrusted version text (a tag, a file's value) for a message with
 * {@link quoteValue}, so control characters and markup show as inert data.
 */
export function quoteVersionText(text: string, max = 80): string {
  return quoteValue(text, max);
}

const PART_NAMES = ['MAJOR', 'MINOR', 'PATCH'] as const;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const DIGITS = /^[0-9]+$/;

function checkNumber(part: string, name: string, problems: string[]): number {
  if (part === '') {
    problems.push(`the ${name} part is empty`);
  } else if (!DIGITS.test(part)) {
    problems.push(`the ${name} part ${quoteVersionText(part, 20)} is not a whole number`);
  } else if (part.length > 1 && part.startsWith('0')) {
    problems.push(
      `the ${name} part ${quoteVersionText(part, 20)} has a leading zero (write "${BigInt(part)}")`,
    );
  } else if (!Number.isSafeInteger(Number(part))) {
    problems.push(
      `the ${name} part ${quoteVersionText(part, 20)} is larger than ${Number.MAX_SAFE_INTEGER}`,
    );
  } else {
    return Number(part);
  }
  return 0;
}

function checkIdentifiers(
  text: string,
  what: 'pre-release' | 'build metadata',
  problems: string[],
): string[] {
  const ids = text.split('.');
  if (ids.some((id) => id === '')) {
    problems.push(
      `the ${what} ${quoteVersionText(text, 40)} has an empty identifier (a leading, trailing or doubled ".")`,
    );
  }
  for (const id of ids) {
    if (id === '') continue;
    if (!IDENTIFIER.test(id)) {
      problems.push(
        `the ${what} identifier ${quoteVersionText(id, 40)} has characters other than letters, digits and "-"`,
      );
    } else if (what === 'pre-release' && DIGITS.test(id) && id.length > 1 && id.startsWith('0')) {
      problems.push(
        `the pre-release identifier ${quoteVersionText(id, 40)} has a leading zero (write "${BigInt(id)}")`,
      );
    }
  }
  return ids;
}

function teach(text: string, problems: readonly string[], opts: ParseVersionOptions): string {
  const prefix = opts.requirePrefix ? (opts.allowPrefix ?? '') : '';
  const forms = `MAJOR.MINOR.PATCH with an optional -PRERELEASE${opts.allowBuild ? ' and +BUILD' : ''}`;
  return (
    `${quoteVersionText(text)} is not a valid version: ${problems.join('; ')}. ` +
    `Expected ${prefix ? `"${prefix}" then ` : ''}${forms}, e.g. "${prefix}1.4.0" or "${prefix}1.4.0-rc.1". ` +
    `See ${VERSION_FORMAT_DOCS}`
  );
}

/**
 * Parses a version strictly as SemVer 2.0.0: `MAJOR.MINOR.PATCH`, optional
 * `-PRERELEASE`, optional `+BUILD` (only with `allowBuild`). Rejects a `v` or
 * `=` in front (unless it is `allowPrefix`), leading zeros in numbers and in
 * numeric pre-release identifiers, fewer or more than three numbers (`1.2`),
 * empty parts and whitespace. Every problem is reported, not only the first.
 * The `semver` package is not used here: it accepts `v1.2.3` and `=1.2.3`.
 */
export function parseStrictVersion(
  text: string,
  opts: ParseVersionOptions = {},
): StrictVersionResult {
  return readValidVersion(text, opts) ?? parseVersionFully(text, opts);
}

/**
 * SemVer 2.0.0's own grammar as one expression (the form semver.org gives):
 * numbers and numeric pre-release identifiers without leading zeros, then
 * optional build metadata. Only valid text matches; the teaching problems
 * come from {@link parseVersionFully}, which tests hold to the same verdict
 * and parts on every input.
 */
const VALID_VERSION =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/**
 * The parts of a valid version in one regular-expression match, or
 * undefined for anything else (then the slow path says why). A check reads
 * a thousand tags several times per run: this keeps that to microseconds.
 * Exported for the test that holds both paths to one answer.
 */
export function readValidVersion(
  text: string,
  opts: ParseVersionOptions,
): StrictVersionResult | undefined {
  const prefix = opts.allowPrefix ?? '';
  let body = text;
  if (prefix !== '' && body.startsWith(prefix)) {
    // Whitespace anywhere in the text is a problem, in a prefix too (e.g. `release 1.2.3`).
    if (/\s/.test(prefix)) return undefined;
    body = body.slice(prefix.length);
  } else if (prefix !== '' && opts.requirePrefix) return undefined;
  const match = VALID_VERSION.exec(body);
  if (match === null) return undefined;
  const [, majorText, minorText, patchText, pre, meta] = match;
  if (meta !== undefined && !opts.allowBuild) return undefined;
  const major = Number(majorText);
  const minor = Number(minorText);
  const patch = Number(patchText);
  if (
    !Number.isSafeInteger(major) ||
    !Number.isSafeInteger(minor) ||
    !Number.isSafeInteger(patch)
  ) {
    return undefined;
  }
  const prerelease =
    pre === undefined
      ? []
      : pre.split('.').map((id) => {
          const n = Number(id);
          return DIGITS.test(id) && Number.isSafeInteger(n) ? n : id;
        });
  const build = meta === undefined ? [] : meta.split('.');
  return { ok: true, version: body, major, minor, patch, prerelease, build };
}

/**
 * Parses `text` the long way, collecting every problem: what text the fast
 * path does not accept gets. Exported for the test that holds both paths to
 * one answer; callers use {@link parseStrictVersion}.
 */
export function parseVersionFully(text: string, opts: ParseVersionOptions): StrictVersionResult {
  const problems: string[] = [];
  const prefix = opts.allowPrefix ?? '';
  let rest = text;
  if (prefix !== '' && rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  else if (prefix !== '' && opts.requirePrefix)
    problems.push(`it does not start with the tag prefix "${prefix}"`);
  if (rest.trim() === '') {
    problems.push(text === '' ? 'it is empty' : 'it has no version after the prefix or whitespace');
    return { ok: false, problem: teach(text, problems, opts) };
  }
  if (/\s/.test(text)) problems.push('it contains whitespace');
  const lead = /^[vV=]+/.exec(rest.trim())?.[0] ?? '';
  if (lead !== '') {
    problems.push(
      `it starts with ${JSON.stringify(lead)}, which is not part of a version (only tags carry a prefix${prefix ? `, "${prefix}"` : ''})`,
    );
  }
  const body = rest.trim().slice(lead.length);
  const plus = body.indexOf('+');
  const head = plus === -1 ? body : body.slice(0, plus);
  const dash = head.indexOf('-');
  const core = dash === -1 ? head : head.slice(0, dash);
  const parts = core.split('.');
  if (parts.length !== 3) {
    problems.push(
      `it has ${parts.length} number part${parts.length === 1 ? '' : 's'} (${quoteVersionText(core, 40)}) where SemVer needs exactly three, MAJOR.MINOR.PATCH${
        parts.length === 2 && parts.every((p) => DIGITS.test(p))
          ? ` (did you mean ${quoteVersionText(`${core}.0`, 40)}?)`
          : ''
      }`,
    );
  }
  const numbers = parts
    .slice(0, 3)
    .map((p, i) => checkNumber(p, PART_NAMES[i] as string, problems));
  let prerelease: (string | number)[] = [];
  if (dash !== -1) {
    const pre = head.slice(dash + 1);
    if (pre === '') problems.push('the pre-release after "-" is empty');
    else
      prerelease = checkIdentifiers(pre, 'pre-release', problems).map((id) =>
        DIGITS.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id,
      );
  }
  let build: string[] = [];
  if (plus !== -1) {
    const meta = body.slice(plus + 1);
    if (!opts.allowBuild) {
      problems.push(
        `it has build metadata ${quoteVersionText(`+${meta}`, 40)}, which the policy does not allow (versioning.build-metadata: false)`,
      );
    }
    if (meta === '') problems.push('the build metadata after "+" is empty');
    else build = checkIdentifiers(meta, 'build metadata', problems);
  }
  if (problems.length > 0) return { ok: false, problem: teach(text, problems, opts) };
  const [major, minor, patch] = numbers as [number, number, number];
  return { ok: true, version: body, major, minor, patch, prerelease, build };
}

/** The version without build metadata: what SemVer precedence looks at. */
export function formatPrecedenceVersion(v: SemVerParts): string {
  const core = `${v.major}.${v.minor}.${v.patch}`;
  return v.prerelease.length === 0 ? core : `${core}-${v.prerelease.join('.')}`;
}

/**
 * Compares two valid versions by SemVer precedence: numeric identifiers as
 * numbers (`rc.10` > `rc.2`), a pre-release below its release, build
 * metadata ignored. Negative, zero or positive.
 */
export function compareVersions(a: SemVerParts, b: SemVerParts): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/**
 * SemVer 2.0.0 §11 on the parts already parsed (sorting a thousand tags
 * compares about ten thousand pairs, so nothing is parsed again here): no
 * pre-release ranks above any; otherwise identifier by identifier, a longer
 * list ranking higher when all before are equal.
 */
function comparePrerelease(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const order = compareIdentifier(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Numeric identifiers by value and below alphanumeric ones, which compare in
 * ASCII order. A numeric identifier too large for a safe integer stays a
 * string of digits: without leading zeros, the longer one is the larger.
 */
function compareIdentifier(a: string | number, b: string | number): number {
  const aDigits = typeof a === 'number' ? String(a) : DIGITS.test(a) ? a : undefined;
  const bDigits = typeof b === 'number' ? String(b) : DIGITS.test(b) ? b : undefined;
  if (aDigits !== undefined && bDigits !== undefined) {
    return aDigits.length - bDigits.length || compareAscii(aDigits, bDigits);
  }
  if (aDigits !== undefined) return -1;
  if (bDigits !== undefined) return 1;
  return compareAscii(String(a), String(b));
}

function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `v` has pre-release identifiers. */
export function isPrerelease(v: SemVerParts): boolean {
  return v.prerelease.length > 0;
}

/** True when both versions share MAJOR.MINOR.PATCH. */
export function isSameCore(a: SemVerParts, b: SemVerParts): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}
