import { describe, it, expect } from '@jest/globals';
import { formatReleaseDocsBaseUrl, linkDocs, linkFindingDocs } from './docs-links.js';

const BASE = 'https://github.com/release-policy/release-policy/blob/v9.9.9/';

describe('docs links', () => {
  it('names the docs of a release', () => {
    expect(formatReleaseDocsBaseUrl('9.9.9')).toBe(BASE);
  });

  it.each([
    ['See docs/policy.md#versioning.', `See ${BASE}docs/policy.md#versioning.`],
    ['docs/rules.md#version-bump', `${BASE}docs/rules.md#version-bump`],
    ['(see docs/cli.md)', `(see ${BASE}docs/cli.md)`],
    ['Read more: docs/actions.md#retries', `Read more: ${BASE}docs/actions.md#retries`],
    // A value quoted in a message is data: a path inside quotes stays as written.
    ['Branch "docs/rules.md" matches no kind.', 'Branch "docs/rules.md" matches no kind.'],
    ['feature/docs/rules.md', 'feature/docs/rules.md'],
    // Only this project's pages are linked, and an absolute link is not linked twice.
    ['See docs/other.md.', 'See docs/other.md.'],
    [`See ${BASE}docs/git.md#shallow-clone`, `See ${BASE}docs/git.md#shallow-clone`],
  ])('links %j', (text, linked) => {
    expect(linkDocs(text, BASE)).toBe(linked);
  });

  it('links the docs, message and hint of a finding and keeps the rest', () => {
    expect(
      linkFindingDocs(
        {
          rule: 'version-bump',
          severity: 'error',
          message: 'Wrong. See docs/policy.md#commits.',
          hint: 'Read docs/rules.md#version-bump first.',
          docs: 'docs/rules.md#version-bump',
          file: 'package.json',
          line: 3,
        },
        BASE,
      ),
    ).toEqual({
      rule: 'version-bump',
      severity: 'error',
      message: `Wrong. See ${BASE}docs/policy.md#commits.`,
      hint: `Read ${BASE}docs/rules.md#version-bump first.`,
      docs: `${BASE}docs/rules.md#version-bump`,
      file: 'package.json',
      line: 3,
    });
  });
});
