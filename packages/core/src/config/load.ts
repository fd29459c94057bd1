/**
 * Loads `.github/release-policy.yml`: YAML with positions, schema validation
 * and semantic checks, every problem collected and reported at once, then
 * the sections merged over the default policy.
 */
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { defaultPolicy } from './default.js';
import { describeValue, seeDocs } from './messages.js';
import { policySchema, type Policy, type VersionFileSpec } from './schema.js';
import { checkPolicySemantics } from './semantic.js';
import { readPolicySource } from './yaml-source.js';
import { convertZodIssues, type IssueContext } from './zod-issues.js';

/** Where the policy lives in a repository. */
export const POLICY_PATH = '.github/release-policy.yml';

/** The policy as the schema outputs it: file keys, defaults applied inside present sections. */
export type ParsedPolicy = z.output<typeof policySchema>;

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
        `The policy's top level must be a mapping of sections, but it is ${describeValue(value)}. ` +
        `Write one "key: value" per section, for example: mainline: main. ${seeDocs('sections')}`,
    });
    return { ok: false, issues: sortIssues(issues) };
  }

  const ctx: IssueContext = { file, source, value: value ?? {} };
  const result = policySchema.safeParse(value ?? {});
  if (!result.success) issues.push(...convertZodIssues(result.error.issues, ctx));
  issues.push(...checkPolicySemantics(ctx));
  if (issues.length > 0 || !result.success) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, policy: resolvePolicy(result.data, file) };
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

type VersionFileEntry = NonNullable<ParsedPolicy['versioning']>['files'][number];

function normaliseFile(entry: VersionFileEntry): VersionFileSpec {
  return typeof entry === 'string'
    ? { path: entry, format: 'auto', optional: false }
    : { path: entry.path, format: entry.format, optional: entry.optional };
}

/**
 * Turns the schema's output into the effective `Policy`. Each top-level
 * section present in the file replaces the default section as a whole; an
 * absent section takes the default; `rules` defaults to `{}`. Reserved
 * sections are passed through only when present.
 *
 * @param parsed - the schema's output for one policy file
 * @param source - where the policy came from (a file path, or `(default policy)`)
 */
export function resolvePolicy(parsed: ParsedPolicy, source: string): Policy {
  const fallback = (): Policy => defaultPolicy();
  const branches = parsed.branches
    ? {
        ticketKeys: [...parsed.branches['ticket-keys']],
        kinds: structuredClone(parsed.branches.kinds),
      }
    : fallback().branches;
  const versioning = parsed.versioning
    ? {
        tagPrefix: parsed.versioning['tag-prefix'],
        files: parsed.versioning.files.map(normaliseFile),
        prerelease: [...parsed.versioning.prerelease],
        buildMetadata: parsed.versioning['build-metadata'],
        initial: parsed.versioning.initial,
      }
    : fallback().versioning;
  const commits = parsed.commits
    ? { types: { ...parsed.commits.types }, breaking: parsed.commits.breaking }
    : fallback().commits;
  const policy: Policy = {
    mainline: parsed.mainline,
    branches,
    versioning,
    commits,
    rules: { ...parsed.rules },
    source,
  };
  if (parsed['change-request']) policy.changeRequest = structuredClone(parsed['change-request']);
  if (parsed.documents) policy.documents = structuredClone(parsed.documents);
  if (parsed.patches) policy.patches = structuredClone(parsed.patches);
  if (parsed.environments) policy.environments = structuredClone(parsed.environments);
  return policy;
}
