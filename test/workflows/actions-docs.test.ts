import { describe, expect, it } from '@jest/globals';
import { posix } from 'node:path';
import { parse } from 'yaml';
import { collectAnchors } from './doc-anchors.js';
import { collectRelativeLinks, extractSection, readNamedRows } from './markdown-sections.js';
import {
  existsInRepo,
  listActionNames,
  listWorkflowTemplates,
  readActionManifest,
  readRepoFile,
} from './repo-files.js';

const DOC = 'docs/actions.md';
const doc = readRepoFile(DOC);

/** The table rows of `### <action> inputs` / `### <action> outputs` inside `## <action> action`. */
function documentedEntries(action: string, kind: 'inputs' | 'outputs'): Map<string, string[]> {
  const section = extractSection(doc, `${action}-action`);
  if (section === undefined) throw new Error(`${DOC} has no "## ${action} action" section`);
  const sub = extractSection(section, `${action}-${kind}`);
  if (sub === undefined) throw new Error(`${DOC} has no "### ${action} ${kind}" section`);
  return readNamedRows(sub);
}

describe('extractSection and readNamedRows', () => {
  const sample = [
    '## a action',
    'intro',
    '### a inputs',
    '| input | default | meaning |',
    '| --- | --- | --- |',
    '| `x` | `1` | the x |',
    '| plain | 2 | not named |',
    '### a outputs',
    '| `y` | why |',
    '## b action',
    '| `z` | zed |',
  ].join('\n');

  it('cuts a section at the next heading of the same level, keeping subsections', () => {
    const a = extractSection(sample, 'a-action') ?? '';
    expect(a).toContain('### a outputs');
    expect(a).not.toContain('b action');
    expect(extractSection(sample, 'missing')).toBeUndefined();
  });

  it('reads only rows whose first cell is an inline-code name', () => {
    const inputs = readNamedRows(extractSection(sample, 'a-inputs') ?? '');
    expect([...inputs.entries()]).toEqual([['x', ['`1`', 'the x']]]);
  });
});

describe.each(listActionNames())('docs/actions.md documents actions/%s', (action) => {
  const manifest = readActionManifest(action);

  it('is referenced with the published path in its section', () => {
    expect(extractSection(doc, `${action}-action`)).toContain(
      `release-policy/release-policy/actions/${action}@v1`,
    );
  });

  it('lists exactly the inputs of action.yml, with their defaults', () => {
    const declared = manifest.inputs ?? {};
    const rows = documentedEntries(action, 'inputs');
    expect([...rows.keys()].sort()).toEqual(Object.keys(declared).sort());
    for (const [name, spec] of Object.entries(declared)) {
      const [defaultCell = ''] = rows.get(name) ?? [];
      if (spec?.default !== undefined)
        expect([name, defaultCell]).toEqual([name, `\`${spec.default}\``]);
      else expect([name, defaultCell.startsWith('`')]).toEqual([name, false]);
    }
  });

  it('lists exactly the outputs of action.yml', () => {
    const rows = documentedEntries(action, 'outputs');
    expect([...rows.keys()].sort()).toEqual(Object.keys(manifest.outputs ?? {}).sort());
  });

  it('every input and output name of action.yml appears in docs/actions.md', () => {
    const names = [...Object.keys(manifest.inputs ?? {}), ...Object.keys(manifest.outputs ?? {})];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});

interface WorkflowCallSpec {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean }>;
  outputs: Record<string, unknown>;
  secrets?: Record<string, unknown>;
}

/** The reusable workflows of workflows-templates/ (those called with on: workflow_call). */
const reusable = listWorkflowTemplates().flatMap((path) => {
  const on = (parse(readRepoFile(path)) as { on: Record<string, unknown> }).on;
  const call = on.workflow_call as WorkflowCallSpec | undefined;
  return call ? [[path.split('/').pop() ?? path, call] as const] : [];
});

describe.each(reusable)('docs/actions.md documents the reusable workflow %s', (file, call) => {
  // "### pr-policy.yml" has the anchor pr-policyyml.
  const section =
    extractSection(extractSection(doc, 'reusable-workflow') ?? '', file.replace('.', '')) ?? '';

  it('lists its inputs with their defaults', () => {
    const rows = readNamedRows(section);
    expect([...rows.keys()].sort()).toEqual(Object.keys(call.inputs).sort());
    for (const [name, spec] of Object.entries(call.inputs)) {
      const [defaultCell = ''] = rows.get(name) ?? [];
      const expected =
        spec.default === undefined || spec.default === ''
          ? spec.required
            ? 'required'
            : 'empty'
          : `\`${String(spec.default)}\``;
      expect([name, defaultCell]).toEqual([name, expected]);
    }
  });

  it('names every one of its outputs and secrets', () => {
    const names = [...Object.keys(call.outputs), ...Object.keys(call.secrets ?? {})];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });
});

it('docs/actions.md documents every reusable workflow of workflows-templates/', () => {
  expect(reusable.map(([file]) => file).sort()).toEqual([
    'continuous.yml',
    'org-audit.yml',
    'patch-audit.yml',
    'pr-policy.yml',
    'promote.yml',
    'release.yml',
  ]);
});

describe.each([DOC, 'docs/git.md', 'workflows-templates/README.md'])('links in %s', (file) => {
  it('every relative link leads to an existing file and heading', () => {
    const text = readRepoFile(file);
    const links = collectRelativeLinks(text);
    expect(links.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const link of links) {
      const target = link.path
        ? posix.normalize(posix.join(posix.dirname(file), link.path)).replace(/\/$/, '')
        : file;
      if (target.startsWith('..') || !existsInRepo(target)) {
        broken.push(`${file}:${link.line}: ${link.path} does not exist`);
        continue;
      }
      if (link.anchor !== undefined && !collectAnchors(readRepoFile(target)).has(link.anchor))
        broken.push(`${file}:${link.line}: ${target}#${link.anchor} has no heading`);
    }
    expect(broken).toEqual([]);
  });
});

describe('docs/actions.md has the sections error messages link to', () => {
  it.each([
    'token-and-permissions',
    'rate-limits',
    'troubleshooting',
    'github-enterprise-server',
    'policy-file',
    'outputs',
    'retries',
    'pull-requests-from-forks',
    'reusable-workflow',
  ])('#%s', (anchor) => {
    expect(collectAnchors(doc)).toContain(anchor);
  });
});
