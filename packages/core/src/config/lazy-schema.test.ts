/**
 * The zod schemas are built on first use, not when core loads. The tests in
 * this file share one module instance (and so one count of built schemas);
 * each expects the count that holds whether it runs after the ones above it
 * or alone (`-t`): the first must see nothing built yet.
 */
import { describe, it, expect } from '@jest/globals';
import { defaultPolicy, parsePolicy } from '../index.js';
import { versioningSection } from '../checks/version/section.js';
import { countBuiltSectionSchemas } from './section.js';
import { POLICY_SECTIONS } from './sections.js';
import { getPolicySchema } from './schema.js';

describe('policy schemas', () => {
  it('are not built by loading core and taking the default policy', () => {
    expect(defaultPolicy().mainline).toBe('main');
    expect(countBuiltSectionSchemas()).toBe(0);
  });

  it("build a section's schema on its first read, once, and hand out the same schema after", () => {
    const first = versioningSection.schema;
    expect(countBuiltSectionSchemas()).toBe(1);
    expect(versioningSection.schema).toBe(first);
    expect(countBuiltSectionSchemas()).toBe(1);
    expect(first.parse({})).toEqual({
      'tag-prefix': 'v',
      files: [],
      prerelease: ['alpha', 'beta', 'rc'],
      'build-metadata': false,
      initial: '0.1.0',
    });
  });

  it('build the policy schema once, from every section schema, each built once', () => {
    const schema = getPolicySchema();
    expect(countBuiltSectionSchemas()).toBe(POLICY_SECTIONS.length);
    expect(getPolicySchema()).toBe(schema);
    expect(Object.keys(schema.shape)).toEqual([
      'mainline',
      ...POLICY_SECTIONS.map((section) => section.key),
      'rules',
      'requires',
    ]);
  });

  it('validate a policy file with the schemas already built, building none again', () => {
    const result = parsePolicy('mainline: trunk\n', '.github/release-policy.yml');
    expect(result.ok && result.policy.mainline).toBe('trunk');
    expect(countBuiltSectionSchemas()).toBe(POLICY_SECTIONS.length);
  });
});
