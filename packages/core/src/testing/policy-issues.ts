/**
 * Test helper: parse policy text that must fail and check the issue a case
 * expects, shared by the loader's error-message tables.
 */
import { expect } from '@jest/globals';
import type { ConfigIssue } from '../errors.js';
import { parsePolicy } from '../config/load.js';

/** The file name every policy in these tables is parsed as. */
export const POLICY_FILE = '.github/release-policy.yml';

/** One table row: policy text and the issue it must produce. */
export interface PolicyIssueCase {
  name: string;
  text: string;
  line: number;
  column: number;
  path: string;
  /** Parts the issue's message must contain. */
  includes: string[];
}

/** Parses `text` as {@link POLICY_FILE} and returns its issues; throws when it parsed. */
export function collectPolicyIssues(text: string): ConfigIssue[] {
  const result = parsePolicy(text, POLICY_FILE);
  if (result.ok) throw new Error(`expected problems in:\n${text}`);
  return result.issues;
}

/** Embeds `lines` in a valid branches section with one kind, `feature`. */
export function embedInKind(lines: string): string {
  const indented = lines.split('\n').map((l) => `      ${l}`);
  return ['branches:', '  kinds:', '    feature:', ...indented].join('\n') + '\n';
}

/**
 * Asserts that the case's text yields an issue in {@link POLICY_FILE} at its
 * path, line and column whose message contains every part of `includes`;
 * returns that issue for further checks.
 */
export function expectPolicyIssue(c: PolicyIssueCase): ConfigIssue {
  const { text, line, column, path, includes } = c;
  const issues = collectPolicyIssues(text);
  expect(issues).toContainEqual(expect.objectContaining({ path, line, column }));
  const issue = issues.find((i) => i.path === path && i.line === line && i.column === column);
  if (issue === undefined) throw new Error(`no issue at ${path} ${line}:${column}`);
  for (const part of includes) expect(issue.message).toContain(part);
  expect(issue.file).toBe(POLICY_FILE);
  return issue;
}
