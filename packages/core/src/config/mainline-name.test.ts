import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from './load.js';

const MESSAGE_TAIL =
  'a branch name is path parts separated by "/", without spaces, control characters, ' +
  '~ ^ : ? * [ \\ or "..", no part starting with "." or ending with ".lock", ' +
  'not starting with "-" nor ending with "." or "/", e.g. main or trunk';

describe('mainline must be a branch name git accepts', () => {
  it.each([
    ['"ma\\nin"', 'ma\nin', 'it contains white space; it contains a control character'],
    ['"\\u0000main"', '\u0000main', 'it contains a control character'],
    ['"main branch"', 'main branch', 'it contains white space'],
    ['"main..x"', 'main..x', 'it contains ".."'],
    ['"-main"', '-main', 'it starts with "-"'],
    ['"heads/main.lock"', 'heads/main.lock', 'a path part ends with ".lock"'],
    ['"main@{1}"', 'main@{1}', 'it contains "@{"'],
    ['"@"', '@', '"@" alone is not a branch name'],
    ['"release/"', 'release/', 'it starts or ends with "/"'],
    ['"x:y"', 'x:y', 'it contains a colon ":"'],
  ])(
    'refuses mainline: %s at its position, saying what a branch name may hold',
    (yaml, value, why) => {
      const result = parsePolicy(`# policy\nmainline: ${yaml}\n`, 'policy.yml');
      expect(result.ok ? [] : result.issues).toEqual([
        {
          file: 'policy.yml',
          line: 2,
          column: 11,
          path: 'mainline',
          message:
            `mainline: is not a branch name git accepts (${why}); ${MESSAGE_TAIL} ` +
            `(got ${JSON.stringify(value)}). Expected the mainline branch name, a string, ` +
            'for example: mainline: main. See docs/policy.md#mainline.',
        },
      ]);
    },
  );

  it.each(['main', 'trunk', 'release/2.x', 'dev-1.0_rc', 'ä-branch'])(
    'accepts mainline: %s',
    (name) => {
      const result = parsePolicy(`mainline: ${JSON.stringify(name)}\n`, 'policy.yml');
      expect(result.ok ? result.policy.mainline : result.issues).toBe(name);
    },
  );
});
