import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY_YAML } from './default.js';
import { parsePolicy } from './load.js';

const DOCS = readFileSync(
  fileURLToPath(new URL('../../../../docs/policy.md', import.meta.url)),
  'utf8',
);

/** The anchors GitHub derives from the page's headings. */
function headingAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^a-z0-9 _-]/g, '')
      .replace(/ /g, '-'),
  );
}

describe('docs/policy.md', () => {
  it('has a heading for every anchor that messages link to', () => {
    const anchors = headingAnchors(DOCS);
    for (const anchor of [
      'sections',
      'mainline',
      'branches',
      'placeholders',
      'versioning',
      'commits',
      'rules',
      'environments',
      'yaml',
      'errors',
    ]) {
      expect(anchors).toContain(anchor);
    }
  });

  it('shows the default policy exactly as init writes it', () => {
    expect(DOCS).toContain('```yaml\n' + DEFAULT_POLICY_YAML + '```');
  });

  it('shows the real output for its error example', () => {
    const example = /the output is:\n\n```text\n([\s\S]*?)```/.exec(DOCS)?.[1];
    const file = /For this\nfile:\n\n```yaml\n([\s\S]*?)```/.exec(DOCS)?.[1];
    expect(file?.slice(0, 14)).toBe('mainlin: main\n');
    const result = parsePolicy(file!, '.github/release-policy.yml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`);
    expect(example).toBe(`The policy has ${lines.length} problems:\n${lines.join('\n')}\n`);
  });
});
