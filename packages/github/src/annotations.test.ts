import { describe, expect, it } from '@jest/globals';
import type { Finding, Severity } from '@release-policy/core';
import {
  ANNOTATIONS_PER_SEVERITY,
  emitAnnotations,
  formatAnnotationMessage,
  planAnnotations,
} from './annotations.js';
import { captureStdout } from './testing/actions-env.js';

function findings(severity: Severity, n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: `r${i}`,
    severity,
    message: `${severity} ${i}`,
  }));
}

function countCommands(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of stdout.split('\n')) {
    const name = /^::(\w+)/.exec(line)?.[1];
    if (name) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe('planAnnotations', () => {
  it.each([
    // errors, warnings, notices -> shown per severity, hidden
    // (any error means the step fails: its failure message takes the 10th error slot)
    [3, 2, 1, [3, 2, 1], 0],
    [9, 10, 10, [9, 10, 10], 0],
    [10, 10, 10, [9, 10, 9], 2],
    [15, 0, 0, [9, 0, 0], 6],
    [0, 12, 10, [0, 10, 9], 3],
    [11, 11, 11, [9, 10, 9], 5],
  ])('%i errors, %i warnings, %i notices', (e, w, n, shown, hidden) => {
    const all = [...findings('notice', n), ...findings('warning', w), ...findings('error', e)];
    const plan = planAnnotations(all);
    const count = (s: Severity) => plan.shown.filter((f) => f.severity === s).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual(shown);
    expect(plan.hidden).toBe(hidden);
    expect(plan.shown[0]?.severity).toBe(e ? 'error' : w ? 'warning' : 'notice');
  });

  it.each([
    [false, 10, 0],
    [true, 9, 1],
  ])(
    'keeps an error slot for the failure message only when failing=%s',
    (failing, shown, hidden) => {
      const plan = planAnnotations(findings('error', 10), ANNOTATIONS_PER_SEVERITY, { failing });
      expect(plan.shown).toHaveLength(shown);
      expect(plan.hidden).toBe(hidden);
    },
  );

  it("takes the failure message's slot from errors only: warnings keep all 10", () => {
    const plan = planAnnotations(findings('warning', 10), ANNOTATIONS_PER_SEVERITY, {
      failing: true,
    });
    expect(plan).toMatchObject({ hidden: 0 });
    expect(plan.shown).toHaveLength(10);
  });
});

describe('emitAnnotations', () => {
  it('never goes over the per-severity limit, the "more" notice included', async () => {
    const all = [...findings('error', 25), ...findings('warning', 3), ...findings('notice', 14)];
    const { result, stdout } = await captureStdout(() =>
      emitAnnotations(all, { title: 'Version' }),
    );
    const counts = countCommands(stdout);
    expect(counts).toEqual({ error: 9, warning: 3, notice: 10 });
    expect(result).toEqual({ emitted: 21, hidden: 21 });
    expect(stdout).toContain(
      '::notice title=Version%3A more findings::21 more findings are not annotated',
    );
    expect(Math.max(...Object.values(counts))).toBeLessThanOrEqual(ANNOTATIONS_PER_SEVERITY);
  });

  it('points at the exact file, line and column', async () => {
    const finding: Finding = {
      rule: 'version-agree',
      severity: 'warning',
      message: 'Versions differ.',
      file: 'packages/a/package.json',
      line: 3,
      column: 14,
      hint: 'Make them equal.',
    };
    const { stdout } = await captureStdout(() => emitAnnotations([finding], { title: 'Version' }));
    expect(stdout.trim()).toBe(
      '::warning title=Version%3A version-agree,file=packages/a/package.json,line=3,col=14::Versions differ.%0AHow to fix: Make them equal.',
    );
  });

  it('writes no location when the finding has none, and nothing for no findings', async () => {
    const { stdout } = await captureStdout(() => {
      emitAnnotations([{ rule: 'branch-name', severity: 'error', message: 'bad' }]);
      emitAnnotations([]);
    });
    expect(stdout.trim()).toBe('::error title=branch-name::bad');
  });
});

describe('formatAnnotationMessage', () => {
  it('adds how to fix and the docs link', () => {
    const f: Finding = {
      rule: 'r',
      severity: 'error',
      message: 'm',
      hint: 'h',
      docs: 'docs/rules.md#r',
    };
    expect(formatAnnotationMessage(f, 'https://x.test/blob/v1')).toBe(
      'm\nHow to fix: h\nRead more: https://x.test/blob/v1/docs/rules.md#r',
    );
    expect(formatAnnotationMessage(f)).toBe('m\nHow to fix: h\nRead more: docs/rules.md#r');
  });
});
