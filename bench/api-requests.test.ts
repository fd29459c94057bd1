import { describe, expect, it } from '@jest/globals';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestLogEntry } from '@release-policy/github-emulator';
import {
  countOperations,
  renderApiTables,
  runApiScenarios,
  type ScenarioResult,
} from './api-requests.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function entry(method: string, path: string, operationId?: string): RequestLogEntry {
  return { method, path, operationId } as RequestLogEntry;
}

describe('countOperations', () => {
  it('counts per operation in first-seen order, unknown routes by method and path', () => {
    const counts = countOperations([
      entry('GET', '/repos/o/r/contents/x', 'repos/get-content'),
      entry('GET', '/repos/o/r/issues/1/comments', 'issues/list-comments'),
      entry('POST', '/repos/o/r/issues/1/comments', 'issues/create-comment'),
      entry('GET', '/repos/o/r/issues/1/comments', 'issues/list-comments'),
      entry('GET', '/nowhere'),
    ]);
    expect(Object.entries(counts)).toEqual([
      ['repos/get-content', 1],
      ['issues/list-comments', 2],
      ['issues/create-comment', 1],
      ['GET /nowhere', 1],
    ]);
  });
});

describe('renderApiTables', () => {
  it('makes one table per action with a column per operation seen, zeros where absent', () => {
    const base = { writes: 0, exitCode: 0 } as const;
    const results: ScenarioResult[] = [
      {
        ...base,
        action: 'a',
        scenario: 'first',
        expected: 'pass',
        outcome: 'pass',
        operations: { 'repos/get-content': 1 },
        total: 1,
        comments: 0,
      },
      {
        ...base,
        action: 'a',
        scenario: 'second',
        expected: 'pass',
        outcome: 'fail',
        exitCode: 1,
        operations: { 'issues/list-comments': 2, 'issues/create-comment': 1 },
        writes: 1,
        total: 3,
      },
      {
        ...base,
        action: 'b',
        scenario: 'push',
        expected: 'pass',
        outcome: 'pass',
        operations: {},
        total: 0,
      },
    ];
    const [a, b] = renderApiTables(results);
    expect(a?.title).toBe('API requests per scenario: a');
    expect(a?.columns).toEqual([
      'scenario',
      'result',
      'repos/get-content',
      'issues/list-comments',
      'issues/create-comment',
      'writes',
      'total',
      'comments after',
    ]);
    expect(a?.rows).toEqual([
      ['first', 'pass', 1, 0, 0, 0, 1, 0],
      ['second', 'fail (expected pass)', 0, 2, 1, 1, 3, '–'],
    ]);
    expect(b?.rows).toEqual([['push', 'pass', 0, 0, '–']]);
  });
});

describe('runApiScenarios', () => {
  it('runs every action’s scenarios with the expected outcome and counts the sticky-comment calls', async () => {
    const { results, violations } = await runApiScenarios(root);
    expect(violations).toEqual([]);
    expect(results.map((r) => [r.action, r.outcome === r.expected])).toEqual(
      results.map((r) => [r.action, true]),
    );
    for (const action of ['branch-name', 'version']) {
      const [passing, failing, rerun, fixed, push] = results.filter((r) => r.action === action);
      const comments = (r?: ScenarioResult) => ({
        list: r?.operations['issues/list-comments'] ?? 0,
        create: r?.operations['issues/create-comment'] ?? 0,
        update: r?.operations['issues/update-comment'] ?? 0,
      });
      // Passing with no earlier comment: look, write nothing.
      expect(comments(passing)).toEqual({ list: 1, create: 0, update: 0 });
      // Failing first: list, create, list again to converge on one comment.
      expect(comments(failing)).toEqual({ list: 2, create: 1, update: 0 });
      expect(failing?.comments).toBe(1);
      // The same failure again: the comment is unchanged, nothing is written.
      expect(comments(rerun)).toEqual({ list: 1, create: 0, update: 0 });
      // Fixed: the comment is updated to say so, still one comment.
      expect(comments(fixed)).toEqual({ list: 1, create: 0, update: 1 });
      expect(fixed?.comments).toBe(1);
      // A push reads the policy (absent here, so the commit is confirmed visible
      // before the default applies) and comments nowhere.
      expect(push?.operations).toEqual({ 'repos/get-content': 1, 'repos/get-commit': 1 });
      for (const r of [passing, failing, rerun, fixed, push]) {
        expect(r?.operations['repos/get-content']).toBe(1);
        expect(r?.operations['repos/get-commit']).toBe(1);
        expect(r?.total).toBe(Object.values(r?.operations ?? {}).reduce((a, b) => a + b, 0));
      }
    }
  });
});
