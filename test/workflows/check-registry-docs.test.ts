import { describe, expect, it } from '@jest/globals';
import { CHECKS, RULES } from '@release-policy/core';
import { COMMANDS } from '../../packages/cli/src/args.js';
import { extractSection, readNamedRows } from './markdown-sections.js';
import { readActionManifest, readRepoFile } from './repo-files.js';

const cliDoc = readRepoFile('docs/cli.md');
const policyDoc = readRepoFile('docs/policy.md');

/** action.yml folds long descriptions (`>-`): compare the words. */
function words(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

describe('the check registry and what is derived from it', () => {
  it('docs/cli.md lists every command of the CLI, in its order, a check command with its usage and summary', () => {
    const rows = readNamedRows(extractSection(cliDoc, 'commands') ?? '');
    const byName = new Map([...rows].map(([cell, rest]) => [cell.split(' ')[0], { cell, rest }]));
    expect([...byName.keys()]).toEqual(Object.keys(COMMANDS));
    for (const [name, summary] of Object.entries(COMMANDS)) {
      expect(byName.get(name)?.rest).toEqual([summary]);
    }
    for (const check of CHECKS) {
      expect(byName.get(check.command.name)).toEqual({
        cell: `${check.command.name} ${check.command.usage}`,
        rest: [check.command.summary],
      });
    }
  });

  it("docs/cli.md's check outputs table is every check's outputs, in order", () => {
    const rows = readNamedRows(extractSection(cliDoc, 'check-outputs') ?? '');
    expect([...rows]).toEqual(
      CHECKS.flatMap((check) =>
        check.outputs.map((o) => [`${check.name}.${o.name}`, [check.name, o.description]]),
      ),
    );
  });

  it.each(CHECKS.map((check) => [check.action, check] as const))(
    'actions/%s/action.yml declares the check outputs, then ok and findings',
    (action, check) => {
      const outputs = readActionManifest(action).outputs ?? {};
      expect(Object.keys(outputs)).toEqual([...check.outputs.map((o) => o.name), 'ok', 'findings']);
      for (const output of check.outputs) {
        expect(words(outputs[output.name]?.description)).toBe(output.description);
      }
    },
  );

  it("docs/policy.md's list of rule ids is the registry's, in order", () => {
    const start = policyDoc.indexOf('The rule ids are ');
    const sentence = policyDoc.slice(start, policyDoc.indexOf(';', start));
    expect([...sentence.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual(
      RULES.map((rule) => rule.id),
    );
  });

  it('docs/policy.md names every rule whose default severity is not error', () => {
    const start = policyDoc.indexOf('(`error` for every rule except ');
    const sentence = policyDoc.slice(start, policyDoc.indexOf(').', start));
    const named = [...sentence.matchAll(/`([a-z-]+)`, an? `([a-z]+)`/g)].map((m) => [m[1], m[2]]);
    expect(named).toEqual(
      RULES.filter((rule) => rule.defaultSeverity !== 'error').map((r) => [
        r.id,
        r.defaultSeverity,
      ]),
    );
  });
});
