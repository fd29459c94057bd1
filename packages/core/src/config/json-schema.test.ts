import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { DEFAULT_POLICY_YAML, POLICY_SCHEMA_URL } from './default.js';
import { createPolicyJsonSchema } from './json-schema.js';

const SCHEMA_FILE = fileURLToPath(
  new URL('../../../../schema/release-policy.schema.json', import.meta.url),
);

function renderSchema(): string {
  return `${JSON.stringify(createPolicyJsonSchema(), null, 2)}\n`;
}

function compileValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(createPolicyJsonSchema());
}

describe('createPolicyJsonSchema', () => {
  it('matches the committed schema/release-policy.schema.json', () => {
    const expected = renderSchema();
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, expected);
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // reported below as out of sync
    }
    if (committed !== expected) {
      throw new Error(
        'schema/release-policy.schema.json is out of sync with packages/core/src/config/schema.ts. ' +
          'Regenerate it with: UPDATE_SCHEMA=1 NODE_OPTIONS=--experimental-vm-modules npx jest ' +
          'packages/core/src/config/json-schema.test.ts',
      );
    }
    expect(committed).toBe(expected);
  });

  it('names itself and describes the file', () => {
    const schema = createPolicyJsonSchema();
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: POLICY_SCHEMA_URL,
      title: 'release-policy',
      type: 'object',
      additionalProperties: false,
    });
  });

  it('accepts the default policy file', () => {
    const validate = compileValidator();
    const ok = validate(parse(DEFAULT_POLICY_YAML));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['an empty policy', {}],
    ['a minimal policy', { mainline: 'trunk' }],
    [
      'version files in both forms',
      { versioning: { files: ['VERSION', { path: 'package.json', optional: true }] } },
    ],
    [
      'an environments list',
      {
        environments: [
          { name: 'dev', after: 'none' },
          { name: 'prod', soak: '2d' },
        ],
      },
    ],
  ])('accepts %s', (_name, document) => {
    expect(compileValidator()(document)).toBe(true);
  });

  it.each([
    ['an unknown top-level key', { mainlin: 'main' }, ''],
    ['a number for mainline', { mainline: 2024 }, '/mainline'],
    ['an empty kinds mapping', { branches: { kinds: {} } }, '/branches/kinds'],
    [
      'an empty patterns list',
      { branches: { kinds: { feature: { patterns: [] } } } },
      '/branches/kinds/feature/patterns',
    ],
    [
      'a string for same-line',
      { branches: { kinds: { f: { patterns: ['f/{slug}'], 'same-line': 'NO' } } } },
      '/branches/kinds/f/same-line',
    ],
    ['an unknown severity', { rules: { 'version-bump': 'fatal' } }, '/rules/version-bump'],
    ['an unknown bump', { commits: { types: { feat: 'big' } } }, '/commits/types/feat'],
  ])('rejects %s', (_name, document, instancePath) => {
    const validate = compileValidator();
    expect(validate(document)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(instancePath);
  });
});
