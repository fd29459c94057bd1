import { describe, it, expect } from '@jest/globals';
import type { Facts, VersionFileProblem } from '../facts.js';
import { makePolicy } from '../testing/policies.js';
import { makeVersionFacts } from '../testing/version-facts.js';
import { evaluate } from '../engine.js';
import { versionFiles } from './version-files.js';

const now = new Date(0);
const policy = makePolicy({
  versioning: {
    files: [
      { path: 'package.json', format: 'auto', optional: false },
      { path: 'VERSION', format: 'auto', optional: true },
    ],
  },
});
const factsWith = (fileProblems?: VersionFileProblem[]): Facts =>
  makeVersionFacts({ fileProblems });

describe('version-files', () => {
  it('applies whenever version facts exist', () => {
    expect(versionFiles.applies({ facts: factsWith(), policy, now })).toBe(true);
    expect(versionFiles.applies({ facts: {}, policy, now })).toBe(false);
  });

  it.each([
    [
      { file: 'package.json', problem: 'missing' },
      {
        file: 'package.json',
        text: [
          '"package.json" listed in versioning.files does not exist',
          '{ path: "package.json", optional: true }',
        ],
        docs: 'docs/policy.md#versioning',
      },
    ],
    [
      {
        file: 'package.json',
        problem: 'unreadable',
        detail: 'not valid JSON: Unexpected token',
        line: 2,
        column: 3,
        syntax: true,
      },
      {
        file: 'package.json',
        line: 2,
        column: 3,
        text: ['could not be read: not valid JSON: Unexpected token', '"version": "1.4.0"'],
      },
    ],
    [
      { file: 'Cargo.toml', problem: 'no-version', detail: 'no "version" key under [package]' },
      {
        file: 'Cargo.toml',
        text: ['declares no version: no "version" key', 'version = "1.4.0" under [package]'],
      },
    ],
  ] as const)('%j', (problem, expected) => {
    const [finding, ...rest] = versionFiles.evaluate({ facts: factsWith([problem]), policy, now });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ file: expected.file });
    if ('line' in expected)
      expect(finding).toMatchObject({ line: expected.line, column: expected.column });
    for (const text of expected.text) expect(finding?.message).toContain(text);
    if ('docs' in expected) expect(finding?.docs).toBe(expected.docs);
    expect(finding?.hint).toBeTruthy();
  });

  it.each([
    [
      'a path refused by the adapter',
      'The version file "../x" contains "..", so it could read files outside the repository',
    ],
    ['a symbolic link leading outside', 'is a symbolic link that leads outside the working tree'],
    [
      'an ambiguous file',
      'the top-level "version" key appears 2 times (the first at line 2, column 3)',
    ],
  ])('%s: the detail teaches, without the parse advice', (_name, detail) => {
    const [finding] = versionFiles.evaluate({
      facts: factsWith([{ file: 'package.json', problem: 'unreadable', detail }]),
      policy,
      now,
    });
    expect(finding?.message).toBe(`The version file "package.json" could not be read: ${detail}.`);
    expect(finding?.message).not.toContain('so that it parses');
    expect(finding?.hint).toBeTruthy();
  });

  it('reports every problem, skips a missing optional file, and fails the check', () => {
    const facts = factsWith([
      { file: 'package.json', problem: 'no-version' },
      { file: 'VERSION', problem: 'missing' },
      { file: 'Cargo.toml', problem: 'missing' },
    ]);
    const result = evaluate(facts, policy, now, { rules: [versionFiles] });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['version-files', 'error', 'Cargo.toml'],
      ['version-files', 'error', 'package.json'],
    ]);
    expect(result.findings[1]?.docs).toBe('docs/rules.md#version-files');
  });

  it('quotes hostile file names', () => {
    const [finding] = versionFiles.evaluate({
      facts: factsWith([{ file: 'a\n::error::b', problem: 'missing' }]),
      policy,
      now,
    });
    expect(finding?.message).toContain('"a\\n::error::b"');
    expect(finding?.message).not.toContain('\n');
  });

  it('passes with no problems', () => {
    expect(versionFiles.evaluate({ facts: factsWith([]), policy, now })).toEqual([]);
  });
});
