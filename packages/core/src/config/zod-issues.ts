/**
 * Turns zod validation issues into positioned, teaching `ConfigIssue`s:
 * what is wrong, the offending value, the expected form with an example,
 * and where to read more.
 */
import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import { formatDidYouMean } from './did-you-mean.js';
import { describeField, listAllowedKeys, type FieldInfo } from './fields.js';
import { anchorFor, describeValue, formatPath, seeDocs, type PathSegment } from './messages.js';
import { quoteValue } from '../text.js';
import { describeUnknownSection, type Requirement } from './requires.js';
import type { PolicySource } from './yaml-source.js';

type ZodIssue = z.core.$ZodIssue;

/** What converting issues needs: the file name, the YAML with positions, the plain value. */
export interface IssueContext {
  file: string;
  source: PolicySource;
  value: unknown;
  /** What the policy's `requires` says about the running release. */
  requirement: Requirement;
}

/** Reads the plain value at `path`, or `undefined` when it is absent. */
export function readAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const nouns: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  const last = path.at(-1);
  return typeof last === 'string' ? last : undefined;
}

/** Converts every zod issue to one or more positioned config issues. */
export function convertZodIssues(issues: readonly ZodIssue[], ctx: IssueContext): ConfigIssue[] {
  return issues.flatMap((issue) => convertIssue(issue, [], ctx));
}

type MakeIssue = (at: PathSegment[], target: 'key' | 'value', message: string) => ConfigIssue;

/** Where an issue stands, and what every message about it shares. */
interface IssueSite {
  path: PathSegment[];
  /** The offending value, `undefined` when absent. */
  value: unknown;
  /** The path as messages print it. */
  name: string;
  field: FieldInfo;
  /** `Expected <form>, for example: <example>.` */
  expectation: string;
  /** Builds a positioned issue that ends with its docs link. */
  make: MakeIssue;
}

/**
 * Converts one zod issue: find where it stands, then word it by kind (keys,
 * unions, values), as {@link convertZodIssues} needs.
 */
function convertIssue(issue: ZodIssue, prefix: PathSegment[], ctx: IssueContext): ConfigIssue[] {
  const site = locateIssue(issue, prefix, ctx);
  switch (issue.code) {
    case 'unrecognized_keys':
      return convertUnknownKeys(issue.keys, site, ctx.requirement);
    case 'invalid_key':
      return [convertInvalidKey(site)];
    case 'invalid_union':
      return convertUnion(issue, site.path, site.value, ctx, site.make, site.expectation);
    default:
      return [site.make(site.path, 'value', describeValueProblem(issue, site, ctx))];
  }
}

function locateIssue(issue: ZodIssue, prefix: PathSegment[], ctx: IssueContext): IssueSite {
  const path = [...prefix, ...toPath(issue.path)];
  const field = describeField(path);
  return {
    path,
    value: readAt(ctx.value, path),
    name: formatPath(path),
    field,
    expectation: `Expected ${field.expected}, for example: ${field.example}.`,
    make: (at, target, message) => ({
      file: ctx.file,
      ...ctx.source.locate(at, target),
      path: formatPath(at),
      message: `${message} ${seeDocs(anchorFor(at))}`,
    }),
  };
}

/**
 * Unknown keys: "did you mean" when a known key is close; else, from the
 * policy's `requires`, whether the key is probably from a newer release.
 */
function convertUnknownKeys(
  keys: readonly string[],
  site: IssueSite,
  requirement: Requirement,
): ConfigIssue[] {
  const { path, make } = site;
  const allowed = listAllowedKeys(path);
  const where = path.length === 0 ? 'at the top level' : `in ${site.name}`;
  return keys.map((key) => {
    const hint =
      formatDidYouMean(key, allowed) || describeUnknownSection(requirement, path.length === 0);
    return make(
      [...path, key],
      'key',
      `Unknown key ${quoteValue(key)} ${where}.${hint} Allowed keys here: ${allowed.join(', ')}.`,
    );
  });
}

function convertInvalidKey({ path, make }: IssueSite): ConfigIssue {
  const key = lastKey(path) ?? '';
  const info = describeField(path, true);
  return make(
    path,
    'key',
    `${quoteValue(key)} is not a valid key in ${formatPath(path.slice(0, -1))}. ` +
      `Expected ${info.expected}, for example: ${info.example}.`,
  );
}

/** Words a problem with a value: its type, size, format or allowed values. */
function describeValueProblem(issue: ZodIssue, site: IssueSite, ctx: IssueContext): string {
  const { path, value, name, field, expectation } = site;
  switch (issue.code) {
    case 'invalid_type': {
      // A boolean's expected form is already spelled out by the problem itself.
      const tail = issue.expected === 'boolean' ? `For example: ${field.example}.` : expectation;
      return `${describeTypeProblem(issue.expected, path, value, ctx)} ${tail}`;
    }
    case 'too_small':
      return Array.isArray(value)
        ? `${name} is an empty list; it needs at least ${String(issue.minimum)} item. ${expectation}`
        : `${name} must not be empty, but it is ${quoteValue(value)}. ${expectation}`;
    case 'too_big':
      return (
        `${name} is too long: at most ${String(issue.maximum)} characters, but it is ` +
        `${quoteValue(value)}. ${expectation}`
      );
    case 'invalid_format':
      return `${name} has an invalid value ${quoteValue(value)}. ${expectation}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion = typeof value === 'string' ? formatDidYouMean(value, options) : '';
      return (
        `${name} must be one of ${options.join(', ')}, but it is ${describeValue(value)}.` +
        `${suggestion} For example: ${field.example}.`
      );
    }
    default:
      return `${name}: ${issue.message} (got ${quoteValue(value)}). ${expectation}`;
  }
}

/**
 * Explains a wrong type, with the YAML-specific advice that usually fixes it:
 * quote numbers and booleans meant as strings, write `true`/`false` for
 * booleans, quote values that start with `{`.
 */
function describeTypeProblem(
  expected: string,
  path: readonly PathSegment[],
  value: unknown,
  ctx: IssueContext,
): string {
  const name = formatPath(path);
  if (value === undefined) {
    const parent = formatPath(path.slice(0, -1));
    return `${parent} is missing the required key ${quoteValue(lastKey(path) ?? name)}.`;
  }
  const noun = nouns[expected] ?? expected;
  const base = `${name} must be ${noun}, but it is ${describeValue(value)}.`;
  if (expected === 'boolean' && typeof value === 'string') {
    return (
      `${base} The policy is read as YAML 1.2, where only true and false are booleans: ` +
      `yes, no, on, off, y and n are plain strings. Write true or false.`
    );
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = ctx.source.sourceOf(path) ?? String(value);
    const key = lastKey(path);
    const quoted = quoteValue(text);
    return (
      `${base} YAML reads ${quoted.slice(1, -1)} as a ${typeof value}; quote it to make it a string, ` +
      `for example ${key === undefined ? `- ${quoted}` : `${key}: ${quoted}`}.`
    );
  }
  if (value !== null && typeof value === 'object' && expected === 'string') {
    const text = ctx.source.sourceOf(path)?.trimStart() ?? '';
    if (text.startsWith('{')) {
      return (
        `${base} A value that starts with "{" is YAML flow syntax (a mapping); quote it to ` +
        `make it a string, for example ${quoteValue(text)}.`
      );
    }
  }
  if (value === null) {
    return `${name} is empty: it has no value. Write a value, or remove the key or item.`;
  }
  return base;
}

/** A union failed: report the alternative that matches the value's shape, else what is accepted. */
function convertUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: PathSegment[],
  value: unknown,
  ctx: IssueContext,
  make: MakeIssue,
  expectation: string,
): ConfigIssue[] {
  const rootTypeError = (list: readonly ZodIssue[]): boolean =>
    list.length > 0 && list.every((i) => i.code === 'invalid_type' && i.path.length === 0);
  const relevant = issue.errors.filter((list) => !rootTypeError(list));
  if (relevant.length === 1) {
    return relevant[0]!.flatMap((inner) => convertIssue(inner, path, ctx));
  }
  const problem =
    value === null
      ? `${formatPath(path)} is empty: it has no value.`
      : `${formatPath(path)} has the wrong form: it is ${describeValue(value)}.`;
  return [make(path, 'value', `${problem} ${expectation}`)];
}
