import { describe, it, expect } from '@jest/globals';
import {
  collectFileVersionSource,
  detectVersionFileFormat,
  explainVersionFilePath,
  readVersionFromText,
} from './version-files.js';

describe('explainVersionFilePath', () => {
  const outside = 'so it could read a file outside the repository';
  it.each([
    ['package.json', undefined],
    ['./VERSION', undefined],
    ['a..b/version.txt', undefined],
    ['../x', `contains "..", ${outside}`],
    ['packages\\..\\x', `contains "..", ${outside}`],
    ['/etc/passwd', `is absolute, ${outside}`],
    ['\\\\server\\share', `is absolute, ${outside}`],
    ['C:relative', `is absolute, ${outside}`],
    ['a\0b', 'contains a NUL character'],
  ])('explains %j as %j', (path, expected) => {
    expect(explainVersionFilePath(path)).toBe(expected);
  });
});

describe('detectVersionFileFormat', () => {
  it.each([
    ['package.json', 'json'],
    ['packages/app/Package.JSON', 'json'],
    ['Cargo.toml', 'toml'],
    ['pyproject.toml', 'toml'],
    ['VERSION', 'text'],
    ['version.txt', 'text'],
    ['json/VERSION', 'text'],
  ] as const)('%s -> %s', (path, format) => {
    expect(detectVersionFileFormat(path)).toBe(format);
  });
});

describe('readVersionFromText: JSON', () => {
  it.each([
    ['{"version":"1.2.3"}', { value: '1.2.3', line: 1, column: 13 }],
    ['{\n  "name": "x",\n  "version": "1.2.3"\n}\n', { value: '1.2.3', line: 3, column: 15 }],
    [
      '{\r\n  "name": "x",\r\n  "version" :   "v1.2.3"\r\n}',
      { value: 'v1.2.3', line: 3, column: 18 },
    ],
    ['\ufeff{"version": "1.0.0"}', { value: '1.0.0', line: 1, column: 14 }],
    [
      '{\n  "config": { "version": "9.9.9" },\n  "list": ["version", "x"],\n  "version": "1.2.3"\n}',
      { value: '1.2.3', line: 4, column: 15 },
    ],
    ['{"v": "version", "version": "2.0.0"}', { value: '2.0.0', line: 1, column: 30 }],
    ['{"\\u0076ersion": "3.0.0"}', { value: '3.0.0', line: 1, column: 19 }],
    ['{"na\\"me": "a,{", "version": "4.5.6"}', { value: '4.5.6', line: 1, column: 31 }],
  ])('%j', (text, expected) => {
    expect(readVersionFromText('package.json', text, 'auto')).toEqual({ ok: true, ...expected });
  });

  it.each(['{"version": "1.2.3",}', ''])('%j is unreadable: not valid JSON', (text) => {
    const read = readVersionFromText('package.json', text, 'json');
    // The rest of the detail is the JSON parser's own message.
    expect(read).toEqual({
      ok: false,
      problem: 'unreadable',
      detail: expect.stringMatching(/^not valid JSON: ./),
      syntax: true,
    });
  });

  it.each([
    [
      '{\n"name": x\n::error::pwned\n}\n',
      `not valid JSON: Unexpected token 'x' at ..."{\\n\\"name\\": x\\n::error:"...`,
    ],
    [
      '{"a":\n\u001b[31m}',
      `not valid JSON: Unexpected token '\\u001b' at "{\\"a\\":\\n\\u001b[31m}"`,
    ],
  ])(
    'shows the piece of %j the parser quotes on one line, JSON-quoted, so no file line starts an output line',
    (text, detail) => {
      expect(readVersionFromText('package.json', text, 'json')).toEqual({
        ok: false,
        problem: 'unreadable',
        detail,
        syntax: true,
      });
    },
  );

  it.each([
    ['[1, 2]', { detail: 'the document is an array, not an object' }],
    ['"1.2.3"', { detail: 'the document is a string ("1.2.3"), not an object' }],
    ['{"name": "x"}', { detail: 'no top-level "version" field', absent: true }],
    ['{"config": {"version": "1.2.3"}}', { detail: 'no top-level "version" field', absent: true }],
  ])('%j declares no version: %j', (text, expected) => {
    const read = readVersionFromText('package.json', text, 'json');
    expect(read).toEqual({ ok: false, problem: 'no-version', ...expected });
  });

  it.each([
    ['{"version": "1.0.0", "version": "1.0.1"}', 2, 1, 2, 1, 22],
    ['{\n  "version": "1.0.0",\n  "x": {"version": "0"},\n  "version": "1.0.0"\n}', 2, 2, 3, 4, 3],
    ['{"version": "1", "\\u0076ersion": "2", "version": "3"}', 3, 1, 2, 1, 18],
  ])(
    'a duplicate top-level "version" key is ambiguous: %j',
    (text, times, l1, c1, line, column) => {
      const read = readVersionFromText('package.json', text, 'auto');
      expect(read).toMatchObject({ ok: false, problem: 'unreadable', line, column });
      expect(read).not.toHaveProperty('syntax');
      expect(!read.ok && read.detail).toBe(
        `the top-level "version" key appears ${times} times (the first at line ${l1}, column ${c1}), ` +
          'so which version the file declares is ambiguous (JSON readers differ: most keep the ' +
          'last). Keep exactly one top-level "version" key',
      );
    },
  );

  it('marks parse errors as syntax problems and a missing field as absent', () => {
    expect(readVersionFromText('a.json', '{"version": "1.2.3",}', 'json')).toMatchObject({
      syntax: true,
    });
    expect(readVersionFromText('a.json', '{"name": "x"}', 'json')).toMatchObject({ absent: true });
    expect(readVersionFromText('a.json', '[]', 'json')).not.toHaveProperty('absent');
    expect(readVersionFromText('a.toml', '[package\nversion = "1"', 'toml')).toMatchObject({
      syntax: true,
    });
    expect(readVersionFromText('a.toml', '[package]\nname = "x"', 'toml')).toMatchObject({
      absent: true,
    });
  });

  it('points at a version that is not a string', () => {
    expect(readVersionFromText('a.json', '{\n  "version": 1.2\n}', 'json')).toEqual({
      ok: false,
      problem: 'no-version',
      detail: 'the top-level "version" is a number (1.2), expected a string like "1.2.3"',
      line: 2,
      column: 14,
    });
  });
});

describe('readVersionFromText: TOML', () => {
  it.each([
    ['[package]\nname = "x"\nversion = "1.2.3"\n', { value: '1.2.3', line: 3, column: 12 }],
    [
      '[project]\r\nversion="2.0.0-rc.1" # comment\r\n',
      { value: '2.0.0-rc.1', line: 2, column: 10 },
    ],
    ["[tool.poetry]\n  version = '0.3.0'\n", { value: '0.3.0', line: 2, column: 14 }],
    ['[ tool . "poetry" ]\nversion = "0.4.0"\n', { value: '0.4.0', line: 2, column: 12 }],
    ['[workspace.package]\nversion = "5.0.0"\n', { value: '5.0.0', line: 2, column: 12 }],
    ['package.version = "6.0.0"\n', { value: '6.0.0', line: 1, column: 20 }],
    [
      '# version = "0.0.1"\n[dependencies]\nversion = "9.9.9"\n[package]\nversion = "1.0.0"\n',
      { value: '1.0.0', line: 5, column: 12 },
    ],
    [
      '[project]\nversion = "1.0.0"\n[package]\nversion = "2.0.0"\n',
      { value: '2.0.0', line: 4, column: 12 },
    ],
    [
      '[[bin]]\nversion = "9.9.9"\n[package]\nversion = "1.1.1"\n',
      { value: '1.1.1', line: 4, column: 12 },
    ],
    ['[package]\nversion = "1.2.3\\u0041"\n', { value: '1.2.3A', line: 2, column: 12 }],
  ])('%j', (text, expected) => {
    expect(readVersionFromText('Cargo.toml', text, 'auto')).toEqual({ ok: true, ...expected });
  });

  it.each([
    [
      '[dependencies]\nversion = "1.0.0"\n',
      'no-version',
      'no "version" key under [package], [project], [tool.poetry], [workspace.package]',
      undefined,
    ],
    ['[package]\nversion.workspace = true\n', 'no-version', 'no "version" key', undefined],
    [
      '[package]\nversion = 1\n',
      'no-version',
      '[package] "version" is "1", expected a one-line string like "1.2.3"',
      2,
    ],
    ['[package]\nversion = """1.0.0"""\n', 'no-version', 'expected a one-line string', 2],
    ['[package\nversion = "1.0.0"\n', 'unreadable', 'unclosed table header "[package"', 1],
  ])('%j -> %s', (text, problem, detail, line) => {
    const read = readVersionFromText('pyproject.toml', text, 'toml');
    expect(read).toMatchObject({ ok: false, problem });
    expect(!read.ok && read.detail).toContain(detail);
    expect(!read.ok && read.line).toBe(line);
  });
});

describe('readVersionFromText: text', () => {
  it.each([
    ['1.2.3\n', { value: '1.2.3', line: 1, column: 1 }],
    ['\n\n  v1.2.3  \r\n2.0.0\n', { value: 'v1.2.3', line: 3, column: 3 }],
    ['\ufeff1.0.0', { value: '1.0.0', line: 1, column: 1 }],
  ])('%j', (text, expected) => {
    expect(readVersionFromText('VERSION', text, 'auto')).toEqual({ ok: true, ...expected });
  });

  it('reports an empty file', () => {
    expect(readVersionFromText('VERSION', ' \n\r\n', 'text')).toEqual({
      ok: false,
      problem: 'no-version',
      detail: 'the file is empty',
      absent: true,
    });
  });

  it('uses the declared format over the file name', () => {
    expect(readVersionFromText('version.cfg', '{"version": "1.0.0"}', 'json')).toMatchObject({
      ok: true,
      value: '1.0.0',
    });
    expect(readVersionFromText('package.json', '1.0.0', 'text')).toMatchObject({
      ok: true,
      value: '1.0.0',
    });
  });
});

describe('collectFileVersionSource', () => {
  const spec = (path: string, optional = false) => ({ path, format: 'auto' as const, optional });

  it.each([
    [
      spec('package.json'),
      '{\n "version": "1.2.3"\n}',
      {
        source: {
          kind: 'file',
          value: '1.2.3',
          file: 'package.json',
          line: 2,
          column: 14,
          label: 'package.json "version"',
        },
      },
    ],
    [
      spec('Cargo.toml'),
      '[package]\nversion = "1.2.3"',
      {
        source: {
          kind: 'file',
          value: '1.2.3',
          file: 'Cargo.toml',
          line: 2,
          column: 12,
          label: 'Cargo.toml version',
        },
      },
    ],
    [
      spec('VERSION'),
      '1.2.3',
      {
        source: {
          kind: 'file',
          value: '1.2.3',
          file: 'VERSION',
          line: 1,
          column: 1,
          label: 'VERSION',
        },
      },
    ],
    [spec('VERSION'), undefined, { problem: { file: 'VERSION', problem: 'missing' } }],
    [spec('VERSION', true), undefined, {}],
    // An optional file without a version field is skipped like a missing one ...
    [spec('package.json', true), '{"private": true}', {}],
    [spec('Cargo.toml', true), '[workspace]\nmembers = ["a"]', {}],
    [spec('VERSION', true), '\n', {}],
    // ... a required one is an error.
    [
      spec('package.json'),
      '{"private": true}',
      {
        problem: {
          file: 'package.json',
          problem: 'no-version',
          detail: 'no top-level "version" field',
        },
      },
    ],
    // An optional file whose version is of the wrong kind, or that does not parse, is reported.
    [
      spec('package.json', true),
      '{"version": null}',
      {
        problem: {
          file: 'package.json',
          problem: 'no-version',
          detail: 'the top-level "version" is null, expected a string like "1.2.3"',
          line: 1,
          column: 13,
        },
      },
    ],
    [
      spec('package.json', true),
      '{"version": "1.0.0",}',
      {
        problem: {
          file: 'package.json',
          problem: 'unreadable',
          detail: expect.stringContaining('not valid JSON'),
          syntax: true,
        },
      },
    ],
    [
      spec('a.json'),
      '{"version": 1}',
      {
        problem: {
          file: 'a.json',
          problem: 'no-version',
          detail: 'the top-level "version" is a number (1), expected a string like "1.2.3"',
          line: 1,
          column: 13,
        },
      },
    ],
  ])('%j with %j', (s, text, expected) => {
    expect(collectFileVersionSource(s, text)).toEqual(expected);
  });
});
