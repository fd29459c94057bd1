import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { DEFAULT_POLICY_PARSED } from './default-parsed.js';
import { defaultPolicy, parseDefaultPolicyYaml } from './load.js';

const PARSED_FILE = fileURLToPath(new URL('./default-parsed.ts', import.meta.url));

const HEADER = `/**
 * The default policy as \`parseDefaultPolicyYaml()\` returns it: the parse of
 * DEFAULT_POLICY_YAML, written out so that a run without a policy file
 * parses no YAML and builds no schema (most of a cold command's own start).
 *
 * Generated; never edit by hand. After changing a section's default, run:
 * UPDATE_DEFAULT_POLICY=1 NODE_OPTIONS=--experimental-vm-modules npx jest packages/core/src/config/default-parsed.test.ts
 */
import type { Policy } from './schema.js';

export const DEFAULT_POLICY_PARSED: Policy = `;

/**
 * A value as TypeScript source: JSON, except that a property whose value is
 * `undefined` is written out (the parse keeps such keys, and a deep equal
 * with `toStrictEqual` tells the difference).
 */
function printLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    // Plain objects only; the parse may build them in another realm (a test's vm context).
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    if (proto !== null && proto.constructor?.name !== 'Object') {
      throw new Error(
        `The default policy holds a ${String(proto.constructor?.name)}: only plain data can be written out.`,
      );
    }
    const entries = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}: ${printLiteral(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

async function renderParsedModule(): Promise<string> {
  const text = `${HEADER}${printLiteral(parseDefaultPolicyYaml())};\n`;
  const options = await resolveConfig(PARSED_FILE);
  return format(text, { ...options, filepath: PARSED_FILE });
}

describe('DEFAULT_POLICY_PARSED', () => {
  it('is the parse of DEFAULT_POLICY_YAML, written out in default-parsed.ts', async () => {
    const expected = await renderParsedModule();
    if (process.env['UPDATE_DEFAULT_POLICY'] === '1') writeFileSync(PARSED_FILE, expected);
    const committed = readFileSync(PARSED_FILE, 'utf8');
    if (committed !== expected) {
      throw new Error(
        'packages/core/src/config/default-parsed.ts is out of sync with DEFAULT_POLICY_YAML. ' +
          'Regenerate it with: UPDATE_DEFAULT_POLICY=1 NODE_OPTIONS=--experimental-vm-modules npx jest ' +
          'packages/core/src/config/default-parsed.test.ts',
      );
    }
    expect(committed).toBe(expected);
  });

  it('equals a fresh parse, own keys and undefined values alike', () => {
    expect(DEFAULT_POLICY_PARSED).toStrictEqual(parseDefaultPolicyYaml());
  });

  it('is handed out as a copy, so no caller changes the policy of the next', () => {
    const first = defaultPolicy();
    first.mainline = 'trunk';
    first.environments.pop();
    expect(defaultPolicy().mainline).toBe('main');
    expect(defaultPolicy().environments.map((e) => e.name)).toEqual([
      'dev',
      'test',
      'staging',
      'production',
    ]);
    expect(DEFAULT_POLICY_PARSED.mainline).toBe('main');
  });
});
