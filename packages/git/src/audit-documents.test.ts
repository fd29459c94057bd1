import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { defaultPolicy } from '@release-policy/core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gatherAuditDocumentFacts } from './audit-documents.js';
import { createGit } from './git.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';

const policy = defaultPolicy();
const NOTES = '# Notes\n\n## Changes\n\n- Search.\n\n## Risk\n\nLow.\n';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('feat: start', { 'docs/release/release-notes.md': NOTES });
});
afterEach(() => repo.cleanup());

function gather(cwd: string) {
  return gatherAuditDocumentFacts({ git: createGit({ cwd, env: repo.env }), policy });
}

describe('gatherAuditDocumentFacts', () => {
  it('reads the documents from the top of the working tree, also when run in a subdirectory', async () => {
    const sub = join(repo.dir, 'src');
    await mkdir(sub);
    const facts = await gather(sub);
    expect(
      'documents' in facts
        ? facts.documents.entries.map((e) => [e.path, e.files.map((f) => f.text)])
        : facts,
    ).toEqual([
      ['docs/release/release-notes.md', [NOTES]],
      ['docs/release/installation.md', []],
      ['docs/release/configuration.md', []],
      ['docs/release/backup-restore.md', []],
      ['docs/release/rollback.md', []],
    ]);
  });

  it('says the workspace is no clone instead of leaving the documents out', async () => {
    const empty = await repo.makeDir();
    expect(await gather(empty)).toEqual({
      documentsUnread: {
        reason: 'no-checkout',
        detail: 'The workspace is not a git clone (check out the repository before the audit).',
      },
    });
  });

  it('does not read another branch or commit as the mainline, naming what is checked out', async () => {
    repo.git(['checkout', '-q', '-b', 'feature']);
    const head = await repo.commit('docs: notes of the feature', {
      'docs/release/rollback.md': '# Rollback\n',
    });
    const short = head.slice(0, 12);
    const rest =
      'not the mainline "main": its documents are not those of the mainline\'s next release. ' +
      'Run the audit on the mainline to read them.';
    expect(await gather(repo.dir)).toEqual({
      documentsUnread: {
        reason: 'not-mainline',
        detail: `The checkout is the branch "feature" (commit ${short}), ${rest}`,
      },
    });
    repo.git(['checkout', '-q', '--detach', 'feature']);
    expect(await gather(repo.dir)).toEqual({
      documentsUnread: {
        reason: 'not-mainline',
        detail: `The checkout is commit ${short} (detached), ${rest}`,
      },
    });
  });

  it('reads the documents when HEAD is the mainline commit of a CI clone (origin/main, detached)', async () => {
    repo.git(['update-ref', 'refs/remotes/origin/main', repo.git(['rev-parse', 'HEAD']).trim()]);
    repo.git(['checkout', '-q', '--detach', 'HEAD']);
    repo.git(['branch', '-q', '-m', 'main', 'old-main']);
    const facts = await gather(repo.dir);
    expect('documents' in facts ? facts.documents.entries[0]?.files[0]?.text : facts).toBe(NOTES);
  });

  it('says a shallow clone of another branch holds no mainline to compare with', async () => {
    repo.git(['checkout', '-q', '-b', 'feature']);
    const head = await repo.commit('feat: more');
    // actions/checkout of a workflow_dispatch from "feature": that branch only, one commit.
    const clone = await repo.cloneShallow(['--single-branch', '--branch', 'feature']);
    expect(await gather(clone)).toEqual({
      documentsUnread: {
        reason: 'not-mainline',
        detail:
          `The checkout is the branch "feature" (commit ${head.slice(0, 12)}), not the mainline "main", ` +
          "which this clone does not hold: its documents are not those of the mainline's next release. " +
          'Run the audit on the mainline to read them.',
      },
    });
  });
});
