import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '@release-policy/github-emulator';
import {
  OWNER,
  POLICY_PATH,
  findHygieneProblems,
  readFindings,
  startE2eEmulator,
} from './helpers.js';
import {
  renderWorkflow,
  rulesOf,
  runAudit,
  seedCompliantRepo,
  WORKFLOW_PATH,
} from './audit-scenario.js';
import { cloneShallow, createRepo, type TempRepo } from './git-repo.js';

// One emulator for the file; each test audits its own repository in it, from a checkout
// of mainline with no maintenance line (nothing for the patch comparison to find).
let emulator: Emulator;
let checkout: TempRepo;
beforeAll(async () => {
  emulator = await startE2eEmulator();
  checkout = await createRepo([{ message: 'feat: start' }]);
});
afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
    await checkout.remove();
  }
});

function audit(repo: string, inputs: Record<string, string> = {}, cwd = checkout.dir) {
  return runAudit(emulator, repo, inputs, {}, cwd);
}

function statusIssues(repo: string) {
  return emulator.state.issues.filter(
    (i) => i.repo === repo && i.body?.startsWith('<!-- release-policy:status -->'),
  );
}

describe('audit action', () => {
  it('passes a repository that enforces the policy, and creates the status issue once', async () => {
    const repo = seedCompliantRepo(emulator, 'compliant');
    const first = await audit(repo);
    expect(rulesOf(first)).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['status-issue']).toBe(String(statusIssues(repo)[0]?.number));
    expect(first.summary).toContain('| 1.4 | v1.4.0 | — | — | v1.4.0<br>');
    expect(first.summary).toContain('- v1.4.0: staging → production');
    // The promotions' recorded versions, never the deployments GitHub made for the promoting jobs (ref main).
    expect(first.summary).toContain('| 1.3 | v1.3.0 | — | — | — | v1.3.0<br>');
    expect(first.summary).not.toContain('(other refs)');
    const second = await audit(repo);
    expect(second.exitCode).toBe(0);
    const issues = statusIssues(repo);
    expect(issues.map((i) => [i.title, i.state])).toEqual([['Release status', 'open']]);
    // The API's writes: only the issue's update (the artifact goes to the results service and its blob store).
    const writes = second.requests.filter(
      (r) => r.method !== 'GET' && !/^(?:results|blob)\//.test(r.operationId ?? ''),
    );
    expect(writes.map((r) => r.operationId)).toEqual(['issues/update']);
    expect(findHygieneProblems(second)).toEqual([]);
  });

  it('reports each kind of drift with the setting, its value and where to change it', async () => {
    const repo = seedCompliantRepo(emulator, 'drifted');
    const production = emulator.state.environments.find(
      (e) => e.repo === repo && e.name === 'production',
    );
    if (production) {
      production.preventSelfReview = false;
      production.deploymentBranchPolicy = null;
    }
    emulator.state.environments = emulator.state.environments.filter(
      (e) => !(e.repo === repo && e.name === 'staging'),
    );
    emulator.state.rulesets = emulator.state.rulesets.filter((r) => r.repo !== repo);
    emulator.seed.branchProtection({ repo, branch: 'main', allowForcePushes: true });
    emulator.seed.file({ repo, ref: 'main', path: WORKFLOW_PATH, content: renderWorkflow('main') });
    const run = await audit(repo);
    expect(run.exitCode).toBe(1);
    expect(rulesOf(run)).toEqual([
      'audit-branch-protection:error',
      'audit-branch-protection:error',
      'audit-branch-protection:error',
      'audit-environment-branches:error',
      'audit-environment-reviewers:error',
      'audit-environment:error',
      'audit-tag-protection:error',
      'audit-workflow-pin:error',
      'audit-workflow-pin:error',
    ]);
    const messages = readFindings(run).map((f) => f.message);
    expect(messages).toContain(
      'The mainline "main": the required status checks are none (by branch protection), but the policy needs the checks "release-policy / release policy" to pass before merging.',
    );
    expect(messages).toContain(
      'The release line "release/1.4" is not protected (no branch protection rule or active ruleset covers it), so anyone with write access can push to it, bypassing the policy\'s checks.',
    );
    const pin = readFindings(run).find((f) => f.rule === 'audit-workflow-pin');
    expect([pin?.file, pin?.line]).toEqual([WORKFLOW_PATH, 8]);
    // The failing audit still writes the status issue.
    expect(statusIssues(repo)).toHaveLength(1);
  });

  it('says which permission reads a setting answered 403, and 404 means unprotected', async () => {
    const repo = seedCompliantRepo(emulator, 'no-admin');
    const faults = [
      emulator.fault({ operationId: 'repos/get-branch-protection', kind: 'forbidden', times: 2 }),
      emulator.fault({ operationId: 'repos/get-all-environments', kind: 'forbidden', times: 1 }),
    ];
    const run = await audit(repo);
    expect(faults.map((f) => f.hits)).toEqual([2, 1]);
    expect(run.exitCode).toBe(0);
    expect(readFindings(run).map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'audit-permission',
        'notice',
        'The environments could not be read ("403 Resource not accessible by integration"), so it was not audited.',
      ],
      [
        'audit-permission',
        'notice',
        'The branch protection of "main" could not be read ("403 Resource not accessible by integration"), so it was not audited.',
      ],
      [
        'audit-permission',
        'notice',
        'The branch protection of "release/1.4" could not be read ("403 Resource not accessible by integration"), so it was not audited.',
      ],
    ]);
    expect(readFindings(run)[1]?.message).not.toContain('not protected');
  });

  it('finds every environment missing in a repository with none', async () => {
    const repo = seedCompliantRepo(emulator, 'no-envs');
    emulator.state.environments = emulator.state.environments.filter((e) => e.repo !== repo);
    const run = await audit(repo);
    // The four environments, and production's second approval gate.
    expect(rulesOf(run)).toEqual([
      'audit-approval-gates:error',
      'audit-environment:error',
      'audit-environment:error',
      'audit-environment:error',
      'audit-environment:error',
    ]);
  });

  it('reads environment names with unicode and spaces from the policy', async () => {
    const repo = seedCompliantRepo(emulator, 'unicode');
    emulator.seed.file({
      repo,
      ref: 'main',
      path: POLICY_PATH,
      content:
        "environments:\n  - name: 'pré prod 生产'\n    after: none\n    approvals: { required: 2 }\n",
    });
    emulator.seed.environment({ repo, name: 'pré prod 生产' });
    const run = await audit(repo);
    expect(readFindings(run).map((f) => f.message)).toEqual([
      'The gate environment "pré prod 生产-approval-2" does not exist, but the policy requires 2 approvals for "pré prod 生产", one gate per approval beyond the first; without it GitHub lets a promotion go on after fewer approvals.',
      'The environment "pré prod 生产" accepts deployments from any branch (setting "Deployment branches and tags": no restriction), but the policy promotes only mainline, release and tag refs to it.',
      'The environment "pré prod 生产" has no required reviewers (setting "Required reviewers": none), but the policy requires 2 approvals for "pré prod 生产".',
    ]);
  });

  it('audits another repository named by the repository input, with its own policy', async () => {
    const repo = seedCompliantRepo(emulator, 'target');
    emulator.seed.file({
      repo,
      ref: 'main',
      path: POLICY_PATH,
      content: 'audit:\n  status-issue-title: Status of target\n',
    });
    const central = seedCompliantRepo(emulator, 'central');
    const run = await audit(central, { repository: repo });
    expect(run.exitCode).toBe(0);
    expect(emulator.state.issues.filter((i) => i.repo === repo).map((i) => i.title)).toEqual([
      'Status of target',
    ]);
    expect(statusIssues(`${OWNER}/central`)).toEqual([]);
    // The checkout holds the running repository: the audited one's documents are not read from it.
    expect(run.summary).toContain(
      `Not read: The workspace holds "${central}", not the audited "${repo}"; the docs-gate action in that repository checks its documents.`,
    );
  });

  it('fails with the API URL problem itself when another repository is named and the URL is unusable', async () => {
    const central = seedCompliantRepo(emulator, 'central-url');
    const run = await runAudit(
      emulator,
      central,
      { repository: `${OWNER}/elsewhere` },
      { GITHUB_API_URL: 'ftp://github.example.com/api/v3' },
      checkout.dir,
    );
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'The GitHub API URL "ftp://github.example.com/api/v3" must use https (or http for a local server), e.g. "https://github.example.com/api/v3". Read more: https://github.com/release-policy/release-policy/blob/v0.1.0/docs/actions.md#github-enterprise-server',
    ]);
  });

  it('uploads the JSON report as the release-status artifact, and says so when it cannot', async () => {
    const repo = seedCompliantRepo(emulator, 'artifact');
    const run = await audit(repo);
    const uploaded = emulator.state.artifacts.filter((a) => a.name === 'release-status');
    expect(uploaded.map((a) => [String(a.id), a.finalized])).toEqual([
      [run.outputs['artifact-id'], true],
    ]);
    const outside = await runAudit(emulator, repo, {}, { ACTIONS_RUNTIME_TOKEN: '' }, checkout.dir);
    expect(outside.outputs['artifact-id']).toBe('');
    expect(outside.annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toContain(
      'The JSON report was not uploaded as the artifact "release-status": the run has no ACTIONS_RUNTIME_TOKEN (not on a GitHub Actions runner). It is in the file of the report output.',
    );
    const off = await audit(repo, { 'artifact-name': '' });
    expect([off.exitCode, off.outputs['artifact-id']]).toEqual([0, '']);
  });

  it('reopens and updates the status issue someone closed, never creating a second', async () => {
    const repo = seedCompliantRepo(emulator, 'reopen');
    const first = await audit(repo);
    const [issue] = statusIssues(repo);
    if (issue) issue.state = 'closed';
    const second = await audit(repo);
    expect([second.exitCode, second.outputs['status-issue']]).toEqual([
      0,
      first.outputs['status-issue'],
    ]);
    expect(statusIssues(repo).map((i) => [i.number, i.state])).toEqual([
      [Number(first.outputs['status-issue']), 'open'],
    ]);
    expect(second.stdout).toContain(
      `Reopened and updated the status issue #${first.outputs['status-issue']}`,
    );
  });

  it('fails on a patch of a maintenance line missing from mainline, and lists it in the status', async () => {
    const repo = seedCompliantRepo(emulator, 'patches');
    const clone = await createRepo([{ message: 'feat: start' }]);
    try {
      await clone.git('checkout', '-q', '-b', '1.3.x');
      const fix = await clone.commit({ message: 'fix: only on the line', files: { 'a.txt': 'b' } });
      await clone.git('checkout', '-q', 'main');
      const run = await audit(repo, {}, clone.dir);
      expect(run.exitCode).toBe(1);
      expect(rulesOf(run)).toEqual(['audit-patches:error']);
      expect(run.summary).toContain(
        `| 1.3.x | 1 | 1:<br>${fix.slice(0, 12)} fix: only on the line |`,
      );
    } finally {
      await clone.remove();
    }
  });

  it('says the lines were not compared in a shallow checkout or none, never passing silently', async () => {
    const repo = seedCompliantRepo(emulator, 'shallow');
    const source = await createRepo([{ message: 'feat: start' }, { message: 'feat: more' }]);
    const shallow = await cloneShallow(source);
    try {
      await shallow.git('remote', 'remove', 'origin');
      for (const cwd of [shallow.dir, undefined]) {
        const run = await runAudit(emulator, repo, {}, {}, cwd);
        expect([run.exitCode, rulesOf(run)]).toEqual([0, ['audit-patches:notice']]);
        const [notice] = readFindings(run);
        expect(notice?.message).toMatch(
          /^The maintenance lines were not compared with mainline, so patches missing from mainline are not reported: /,
        );
        expect(run.summary).toContain('Not compared: ');
      }
    } finally {
      await shallow.remove();
      await source.remove();
    }
  });

  it("shows the next release's documents from the checkout, present or incomplete, or why they were not read", async () => {
    const repo = seedCompliantRepo(emulator, 'documents');
    const clone = await createRepo([
      {
        message: 'docs: release notes and an installation template',
        files: {
          'docs/release/release-notes.md':
            '# Release notes\n\nVersion 1.5.0\n\n## Changes\n\n- Faster search.\n\n## Risk\n\nLow.\n',
          'docs/release/installation.md':
            '# Installation\n\n## Environment\n\nTODO\n\n## Steps\n\nTODO\n\n## Verification\n\nTODO\n',
        },
      },
    ]);
    const temp = await mkdtemp(join(tmpdir(), 'audit-documents-'));
    try {
      const run = await runAudit(emulator, repo, {}, { RUNNER_TEMP: temp }, clone.dir);
      // Incomplete documents are the docs check's to gate: the audit passes.
      expect([run.exitCode, rulesOf(run)]).toEqual([0, []]);
      expect(run.summary).toContain('| docs/release/release-notes.md | present | sections ');
      expect(run.summary).toContain(
        '| docs/release/installation.md | incomplete | placeholder: "Environment", "Steps", "Verification" |',
      );
      expect(run.summary).toContain('| docs/release/rollback.md | missing | no file matched |');
      const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8')) as {
        status: { nextReleaseDocuments?: { line: string; releaseType: string; items: unknown[] } };
      };
      expect(report.status.nextReleaseDocuments?.line).toBe('1.5');
      expect(report.status.nextReleaseDocuments?.releaseType).toBe('minor');
      expect(report.status.nextReleaseDocuments?.items.slice(0, 2)).toEqual([
        {
          path: 'docs/release/release-notes.md',
          state: 'present',
          detail: 'sections "Changes", "Risk"',
        },
        {
          path: 'docs/release/installation.md',
          state: 'incomplete',
          detail: 'placeholder: "Environment", "Steps", "Verification"',
        },
      ]);
    } finally {
      await clone.remove();
      await rm(temp, { recursive: true, force: true });
    }
    const unread = await runAudit(emulator, repo, {}, {}, undefined);
    expect(unread.exitCode).toBe(0);
    expect(unread.summary).toContain(
      'Not read: The workspace is not a git clone (check out the repository before the audit).',
    );
  });
});
