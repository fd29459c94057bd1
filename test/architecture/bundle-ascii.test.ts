/**
 * The committed bundles stay ASCII. Node reads a bundle's bytes into a
 * string at every start: one non-ASCII character anywhere makes V8 keep the
 * whole file as a two-byte string, decoded and scanned more slowly (about
 * 10 ms of the CLI's start, measured). A character like `：` or `•` in our
 * source is written as an escape (`\uff1a`, `\u2022`) instead; a license
 * comment of a dependency (`/*! ... *\/`) may keep its names as written.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every committed JavaScript bundle: each action's `dist` and the CLI's chunks. */
function listBundles(): string[] {
  const dists = [
    ...readdirSync(join(ROOT, 'actions')).map((name) => join(ROOT, 'actions', name, 'dist')),
    join(ROOT, 'packages', 'cli', 'dist'),
  ].filter((dir) => existsSync(dir));
  return dists.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(dir, name)),
  );
}

/** The non-ASCII characters of `text` outside `/*! ... *\/` license comments, each with what surrounds it. */
function findNonAscii(text: string): string[] {
  const code = text.replace(/\/\*![\s\S]*?\*\//g, (comment) => ' '.repeat(comment.length));
  const found: string[] = [];
  for (const match of code.matchAll(/[^\p{ASCII}]/gu)) {
    const at = match.index;
    const codePoint = match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    const around = code.slice(Math.max(0, at - 30), at + 10).trim();
    found.push(`U+${codePoint} in ${JSON.stringify(around)}`);
  }
  return found;
}

describe('findNonAscii', () => {
  it('finds a character in code, strings and regular expressions, not in a license comment', () => {
    expect(findNonAscii('/*! MIT License. Jimmy Wärting */const a=/[:：]$/,b="•";')).toEqual([
      'U+FF1A in "const a=/[:：]$/,b=\\"•\\""',
      'U+2022 in "const a=/[:：]$/,b=\\"•\\";"',
    ]);
    expect(findNonAscii('const a=/[:\\uff1a]$/;')).toEqual([]);
  });
});

describe('the committed bundles', () => {
  it('are ASCII outside license comments (escape such a character in the source)', () => {
    const bundles = listBundles();
    expect(bundles.length).toBeGreaterThan(8);
    const found = bundles.flatMap((file) =>
      findNonAscii(readFileSync(file, 'utf8')).map((where) => `${relative(ROOT, file)}: ${where}`),
    );
    expect(found).toEqual([]);
  });
});
