import { describe, expect, it } from '@jest/globals';
import { loadPolicy, parsePolicy } from '../../config/load.js';

const FILE = '.github/release-policy.yml';

describe('versioning.tag-prefix', () => {
  it.each<[string, string[]]>([
    ['versioning: {}\n', ['v']],
    ['versioning:\n  tag-prefix: release-\n', ['release-']],
    ["versioning:\n  tag-prefix: ''\n", ['']],
    // Imitates a repository that switched from 20.3.13 to v20.3.14.
    ["versioning:\n  tag-prefix: [v, '']\n", ['v', '']],
    ["versioning:\n  tag-prefix: [v, '', v]\n", ['v', '']],
  ])('%j resolves to the prefix list %j', (text, tagPrefix) => {
    expect(loadPolicy(text, FILE).versioning.tagPrefix).toEqual(tagPrefix);
  });

  it('rejects an empty list, naming the list form', () => {
    const result = parsePolicy('versioning:\n  tag-prefix: []\n', FILE);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message])).toEqual([
      [
        'versioning.tag-prefix',
        'versioning.tag-prefix is an empty list; it needs at least 1 item. Expected the text before the version in release tags, at most 50 characters (may be ""), or a non-empty list of them, for example: tag-prefix: v, or tag-prefix: [v, \'\'] for tags with and without it. See docs/policy.md#versioning.',
      ],
    ]);
  });
});
