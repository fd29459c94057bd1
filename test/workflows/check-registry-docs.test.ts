import { describe, expect, it } from '@jest/globals';
import { CHECKS } from '@release-policy/core';
import { extractSection, readNamedRows } from './markdown-sections.js';
import { readActionManifest, readRepoFile } from './repo-files.js';

const cliDoc = readRepoFile('docs/cli.md');

/** action.yml folds long descriptions (`>-`): compare the words. */
function words(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

describe('the check registry and what is derived from it', () => {
  it('docs/cli.md lists every command, a check command with its usage and summary', () => {
    const rows = readNamedRows(extractSection(cliDoc, 'commands') ?? '');
    const byName = new Map([...rows].map(([cell, rest]) => [cell.split(' ')[0], { cell, rest }]));
    expect([...byName.keys()]).toEqual([
      'check',
      ...CHECKS.map((c) => c.command.name),
      'schema',
      'init',
      'history',
    ]);
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
});
