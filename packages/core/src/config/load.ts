/**
 * Loads `.github/release-policy.yml`: YAML with positions, schema validation
 * and semantic checks, every problem collected and reported at once, then
 * the sections merged over the default policy.
 */
import {
  ConfigError,
  formatConfigIssues,
  ReleasePolicyError,
  type ConfigIssue,
} from '../errors.js';
import { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_YAML } from './default.js';
import { DEFAULT_POLICY_PARSED } from './default-parsed.js';
import { describeValue, seeDocs, type PathSegment } from './messages.js';
import { getPolicySchema, type ParsedPolicy, type Policy } from './schema.js';
import { POLICY_SECTIONS } from './sections.js';
import type { PolicyPosition } from './section.js';
import { checkInvisibleCharacters } from './invisible.js';
import { describeInvalidUtf8, findInvalidUtf8, locateOffset } from './policy-text.js';
import { checkRequirement, classifyRequirement } from './requires.js';
import { checkPolicySemantics } from './semantic.js';
import { readPolicySource, type PolicySource } from './yaml-source.js';
import { convertZodIssues, type IssueContext } from './zod-issues.js';

/**
 * How much of a file that is not a policy at all (its top level is no
 * mapping: a credential file, an environment dump) a message quotes.
 */
const MAX_UNPARSED_QUOTE = 24;

/** Where the policy lives in a repository. */
export const POLICY_PATH = '.github/release-policy.yml';

/** The policy as the schema outputs it (defined with the schema, in `schema.ts`). */
export type { ParsedPolicy };

/** The outcome of `parsePolicy`: the effective policy, or every problem found. */
export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; issues: ConfigIssue[] };

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses and validates policy text. Never throws for bad input: every
 * problem (YAML syntax, duplicate or unknown keys, wrong types, semantic
 * errors) comes back as a positioned issue, sorted by position. An empty
 * file, or one with only comments, is the default policy.
 *
 * @param text - the file's contents
 * @param file - the name used in issues and as the policy's `source`
 */
export function parsePolicy(text: string, file: string): PolicyParseResult {
  return parsePolicyWith(text, file, defaultPolicy, true);
}

/**
 * `parsePolicy` with the policy that fills in absent sections; `locate`:
 * add the file positions sections ask for (a user's file; not the default
 * policy, whose entries no user can edit where they stand).
 */
function parsePolicyWith(
  text: string,
  file: string,
  fallback: () => Policy,
  locate: boolean,
): PolicyParseResult {
  const source = readPolicySource(text, file);
  const issues = [...source.issues];
  if (!source.usable) return { ok: false, issues: sortIssues(issues) };

  const value = source.value;
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    issues.push({
      file,
      ...source.locate([]),
      path: '(top level)',
      message:
        `The policy's top level must be a mapping of sections, but it is ${describeValue(value, MAX_UNPARSED_QUOTE)}. ` +
        `Write one "key: value" per section, for example: mainline: main. ${seeDocs('sections')}`,
    });
    return { ok: false, issues: sortIssues(issues) };
  }

  const requirement = classifyRequirement(value);
  const ctx: IssueContext = { file, source, value: value ?? {}, requirement };
  // One parse per run: zod's compiled fast path (built with `new Function` on first use) would
  // cost more to build than it saves.
  const result = getPolicySchema().safeParse(value ?? {}, { jitless: true });
  const invisible = checkInvisibleCharacters(ctx);
  // An invisible character explains why its name is also malformed: report that once.
  const explained = new Set(invisible.map((issue) => issue.path));
  if (!result.success) {
    const schemaIssues = convertZodIssues(result.error.issues, ctx);
    issues.push(...schemaIssues.filter((issue) => !explained.has(issue.path)));
  }
  issues.push(...invisible, ...checkPolicySemantics(ctx));
  const requires = checkRequirement(requirement, value, source, file);
  if (requires !== undefined) {
    // An unmet requires explains the problems after it, so it comes first.
    const rest = sortIssues(issues);
    return {
      ok: false,
      issues: requirement.state === 'unmet' ? [requires, ...rest] : sortIssues([requires, ...rest]),
    };
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues: sortIssues(issues) };
  const policy = resolvePolicy(result.data, file, fallback);
  return { ok: true, policy: locate ? locatePolicy(policy, source) : policy };
}

/**
 * The policy with the file positions of the entries of each section the file
 * has and that asks for them ({@link PolicySection.locate}); sections taken
 * from the default policy keep the default's positions.
 */
type PolicyLocator = (path: readonly PathSegment[]) => PolicyPosition;

function locatePolicy(policy: Policy, source: PolicySource): Policy {
  const value = source.value;
  if (value === null || typeof value !== 'object') return policy;
  const sections: Record<string, unknown> = {};
  for (const section of POLICY_SECTIONS) {
    if (!section.locate || !(section.key in value)) continue;
    const at: PolicyLocator = (path) => ({
      file: policy.source,
      ...source.locate([section.key, ...path], 'value'),
    });
    // Each section locates its own effective value (typed in its definition).
    const locate = section.locate as (value: unknown, at: PolicyLocator) => unknown;
    sections[section.property] = locate(policy[section.property as keyof Policy], at);
  }
  return { ...policy, ...sections };
}

/**
 * Parses and validates the policy file's bytes: they must be UTF-8 (a byte
 * order mark is dropped). The first byte that is not is reported at its line
 * and column, instead of being read as U+FFFD inside a name or pattern.
 * Otherwise as {@link parsePolicy}.
 *
 * @param bytes - the file's contents as read
 * @param file - the name used in issues and as the policy's `source`
 */
export function parsePolicyBytes(bytes: Uint8Array, file: string): PolicyParseResult {
  const text = decodeUtf8(bytes);
  if (text !== undefined) return parsePolicy(text, file);
  // Only a file that is not UTF-8 gets here: the scan points at its first bad byte.
  const invalid = findInvalidUtf8(bytes) ?? 0;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, invalid));
  const issue: ConfigIssue = {
    file,
    ...locateOffset(before, before.length),
    path: '(top level)',
    message: describeInvalidUtf8(bytes[invalid] ?? 0),
  };
  return { ok: false, issues: [issue] };
}

/**
 * The bytes as text when they are well-formed UTF-8 (a byte order mark
 * dropped), else undefined. The native decoder rejects exactly what
 * `findInvalidUtf8` finds (cut sequences, overlong forms, surrogates, code
 * points past U+10FFFF) and costs nothing on a cold start, where that
 * byte-by-byte scan costs a few milliseconds.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Parses and validates the policy file's bytes, like `parsePolicyBytes`, but throws.
 *
 * @throws ConfigError carrying every issue found
 */
export function loadPolicyBytes(bytes: Uint8Array, file: string): Policy {
  const result = parsePolicyBytes(bytes, file);
  if (!result.ok) throw new ConfigError(result.issues);
  return result.policy;
}

/**
 * Parses and validates policy text, like `parsePolicy`, but throws.
 *
 * @throws ConfigError carrying every issue found
 */
export function loadPolicy(text: string, file: string): Policy {
  const result = parsePolicy(text, file);
  if (!result.ok) throw new ConfigError(result.issues);
  return result.policy;
}

/**
 * Turns the schema's output into the effective `Policy`. Each check's
 * section present in the file replaces the default section as a whole; an
 * absent section takes `fallback`'s (the default policy's); `rules` defaults
 * to `{}`. Reserved sections are passed through only when present.
 *
 * @param parsed - the schema's output for one policy file
 * @param source - where the policy came from (a file path, or `(default policy)`)
 * @param fallback - the policy whose sections fill in absent ones; the default policy when absent
 */
export function resolvePolicy(
  parsed: ParsedPolicy,
  source: string,
  fallback: () => Policy = defaultPolicy,
): Policy {
  let defaults: Policy | undefined;
  const sections: Record<string, unknown> = {};
  for (const section of POLICY_SECTIONS) {
    const value: unknown = parsed[section.key];
    if (value === undefined) {
      defaults ??= fallback();
      sections[section.property] = defaults[section.property];
    } else {
      // Each section resolves its own schema's output (typed in its definition).
      sections[section.property] = (section.resolve as (value: unknown) => unknown)(value);
    }
  }
  const policy = {
    mainline: parsed.mainline,
    ...sections,
    rules: { ...parsed.rules },
    source,
  } as Policy;
  return policy;
}

/** The default policy failed to parse: a bug in this package, never a user error. */
export class DefaultPolicyError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'DefaultPolicyError';
}

/**
 * Returns the default policy, a copy on every call so callers may change
 * their copy freely. It is `DEFAULT_POLICY_PARSED`, the result of
 * {@link parseDefaultPolicyYaml} written out (a test keeps the two equal),
 * so a run without a policy file parses no YAML and validates nothing.
 */
export function defaultPolicy(): Policy {
  return structuredClone(DEFAULT_POLICY_PARSED);
}

/**
 * Parses `DEFAULT_POLICY_YAML` as a policy file: what `DEFAULT_POLICY_PARSED`
 * must equal, and what regenerates it.
 *
 * @throws DefaultPolicyError if the built-in YAML does not parse or leaves a section out (a bug)
 */
export function parseDefaultPolicyYaml(): Policy {
  const result = parsePolicyWith(
    DEFAULT_POLICY_YAML,
    DEFAULT_POLICY_SOURCE,
    () => {
      throw new DefaultPolicyError(
        'The built-in default policy leaves a section out: DEFAULT_POLICY_YAML must write out every section that has a default.',
      );
    },
    false,
  );
  if (!result.ok) {
    throw new DefaultPolicyError(
      `The built-in default policy is invalid:\n${formatConfigIssues(result.issues)}`,
    );
  }
  return result.policy;
}
