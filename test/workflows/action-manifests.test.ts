import { describe, expect, it } from '@jest/globals';
import { validateActionManifest } from './github-parser.js';
import {
  existsInRepo,
  listActionNames,
  listSourceFiles,
  readActionManifest,
  readRepoFile,
} from './repo-files.js';
import { hasDynamicInputRead, readInputNames } from './source-inputs.js';

/** The shared flow every action runs through; it reads the common inputs. */
const SHARED_FLOW = 'packages/github/src/action.ts';

describe('validateActionManifest (GitHub action parser)', () => {
  const valid = [
    "name: 'x'",
    'description: y',
    'inputs:',
    '  a:',
    '    description: the a',
    '    default: ${{ github.token }}',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
  ].join('\n');

  it('accepts a minimal node24 action', () => {
    expect(validateActionManifest('action.yml', valid)).toEqual([]);
  });

  it.each([
    ['an unknown runtime', valid.replace('node24', 'node99'), /node99/],
    ['a missing runs.main', valid.replace('  main: dist/index.js', ''), /main/],
    ['an unknown top-level key', `${valid}\nrun: x`, /run/],
    ['broken YAML', 'name: [x\n', /.+/],
  ])('reports %s', (_what, content, pattern) => {
    const problems = validateActionManifest('action.yml', content);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(pattern);
  });
});

describe('readInputNames', () => {
  it.each([
    ["core.getInput('token')", ['token']],
    ['core.getInput("bot-login", { required: false })', ['bot-login']],
    ["getBooleanInput('comment') || core.getMultilineInput('files')", ['comment', 'files']],
    ["core.getInput('a') + core.getInput('a')", ['a']],
    ["// core.getInput('commented')\n/* getInput('block') */ core.getInput('real')", ['real']],
    ["const url = 'https://x'; core.getInput('after-url')", ['after-url']],
    ['core.getInput(name)', []],
  ])('%s reads %j', (source, names) => {
    expect(readInputNames(source)).toEqual(names);
  });

  it('tells a read it cannot follow', () => {
    expect(hasDynamicInputRead('core.getInput(name)')).toBe(true);
    expect(hasDynamicInputRead("core.getInput('name')")).toBe(false);
  });
});

describe.each(listActionNames())('actions/%s', (action) => {
  const text = readRepoFile(`actions/${action}/action.yml`);
  const manifest = readActionManifest(action);

  it("passes GitHub's action parser without errors", () => {
    expect(validateActionManifest(`actions/${action}/action.yml`, text)).toEqual([]);
  });

  it('runs its committed ESM bundle on node24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsInRepo(`actions/${action}/dist/index.js`)).toBe(true);
    expect(JSON.parse(readRepoFile(`actions/${action}/dist/package.json`))).toEqual({
      type: 'module',
    });
  });

  it('has a name, a description, and a description for every input and output', () => {
    expect(manifest.name).toMatch(/^release-policy: /);
    // One sentence, folded onto one line, that says what the action checks.
    expect(manifest.description).toMatch(/^Checks [^\n]+\.$/);
    const entries = { ...manifest.inputs, ...manifest.outputs };
    const undescribed = Object.entries(entries)
      .filter(([, spec]) => !spec?.description?.trim())
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  it('src/index.ts only calls run() from main.ts, then ends the step with its outcome', () => {
    const entry = readRepoFile(`actions/${action}/src/index.ts`)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'));
    expect(entry).toEqual([
      "import { run } from './main.js';",
      'await run();',
      'process.exit(process.exitCode ?? 0);',
    ]);
  });

  it('declares every input its sources read, and reads every input it declares', () => {
    const sources = [...listSourceFiles([`actions/${action}/src`]), SHARED_FLOW];
    const texts = sources.map((path) => readRepoFile(path));
    expect(texts.filter(hasDynamicInputRead)).toEqual([]);
    const read = new Set(texts.flatMap(readInputNames));
    const declared = Object.keys(manifest.inputs ?? {});
    // The shared flow's inputs are always read; the scan must see them.
    for (const common of ['token', 'policy', 'comment', 'bot-login'])
      expect(read).toContain(common);
    expect([...read].filter((name) => !declared.includes(name))).toEqual([]);
    expect(declared.filter((name) => !read.has(name))).toEqual([]);
  });
});
