import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, createTestRepo, type TestRepo } from '../testing/harness.js';

const committed = JSON.parse(
  readFileSync(join(REPO_ROOT, 'schema/release-policy.schema.json'), 'utf8'),
) as unknown;

let dir: TestRepo;
beforeAll(async () => {
  dir = await createTestRepo({ init: false });
});
afterAll(() => dir.cleanup());

describe('schema', () => {
  it.each([[['schema']], [['schema', '--json']]])(
    '%j prints the committed JSON Schema of the policy file',
    async (argv) => {
      const run = await dir.run(argv);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual(committed);
      expect(run.stdout.endsWith('}\n')).toBe(true);
    },
  );

  it('needs neither a repository nor a policy file', async () => {
    const run = await dir.run(['schema', '--policy', 'does-not-exist.yml']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(committed);
    expect(await dir.list()).toEqual([]);
  });
});
