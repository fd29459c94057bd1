import { describe, expect, it } from '@jest/globals';
import { createPolicyJsonSchema, RULES } from '@release-policy/core';
import { GitError, type GitFailureKind } from '@release-policy/git';
import { toGitHubApiError } from '@release-policy/github';
import { anchorFor, seeDocs } from '../../packages/core/src/config/messages.js';
import {
  collectAnchors,
  collectDocConstants,
  collectDocReferences,
  extractDocLinks,
  slugifyHeading,
  type DocReference,
} from './doc-anchors.js';
import { existsInRepo, listSourceFiles, listSourceRoots, readRepoFile } from './repo-files.js';

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(doc: string): Set<string> {
  let anchors = anchorCache.get(doc);
  if (!anchors) {
    anchors = collectAnchors(readRepoFile(doc));
    anchorCache.set(doc, anchors);
  }
  return anchors;
}

/** Every reference whose file or anchor does not exist, described for the failure message. */
function findBroken(
  refs: readonly (Omit<DocReference, 'line' | 'source'> & Partial<DocReference>)[],
): string[] {
  const broken: string[] = [];
  for (const ref of refs) {
    const where = ref.source ? ` (${ref.source}:${ref.line ?? 0})` : '';
    if (!existsInRepo(ref.doc)) broken.push(`${ref.doc} does not exist${where}`);
    else if (ref.anchor !== undefined && !anchorsOf(ref.doc).has(ref.anchor))
      broken.push(`${ref.doc}#${ref.anchor} has no heading${where}`);
  }
  return [...new Set(broken)];
}

describe('slugifyHeading (GitHub heading anchors)', () => {
  it.each([
    ['Token and permissions', 'token-and-permissions'],
    ['Rate limits', 'rate-limits'],
    ['GitHub Enterprise Server', 'github-enterprise-server'],
    ['`mainline`', 'mainline'],
    ['branch-name', 'branch-name'],
    ['Inputs & outputs', 'inputs--outputs'],
    ['What "resolved" means?', 'what-resolved-means'],
    ['The `version` action (actions/version)', 'the-version-action-actionsversion'],
    ['[Link text](https://example.com) here', 'link-text-here'],
    ['snake_case stays', 'snake_case-stays'],
    ['✅ Passed', '-passed'],
    ['Ünïcode Létters', 'ünïcode-létters'],
  ])('%j gives #%s', (heading, slug) => {
    expect(slugifyHeading(heading)).toBe(slug);
  });
});

describe('collectAnchors', () => {
  it('takes ATX headings outside code fences, numbers repeats, and keeps HTML anchors', () => {
    const markdown = [
      '# Title',
      '## Setup ##',
      '```yaml',
      '# not a heading',
      '```',
      '~~~',
      '## inside tilde fence',
      '~~~',
      '### Setup',
      '    ',
      '#NoSpace',
      '<a id="custom-anchor"></a>',
      '   ## Indented three',
    ].join('\n');
    expect([...collectAnchors(markdown)].sort()).toEqual(
      ['custom-anchor', 'indented-three', 'setup', 'setup-1', 'title'].sort(),
    );
  });
});

describe('collectDocReferences', () => {
  it('finds literal links, constant-based links and derived constants, not run-time anchors', () => {
    const files = [
      {
        path: 'a.ts',
        text: [
          "export const A_DOCS = 'docs/a.md';",
          'const A_PART = `${A_DOCS}#part-one`;',
          'const msg = `Read more: ${A_DOCS}#two and docs/b.md#three.`;',
          'const dyn = `See ${A_DOCS}#${anchor} and docs/c.md#${id} and docs/d.md#<anchor>`;',
          '// See docs/e.md for more.',
        ].join('\n'),
      },
    ];
    expect(collectDocConstants(files)).toEqual(
      new Map([
        ['A_DOCS', 'docs/a.md'],
        ['A_PART', 'docs/a.md#part-one'],
      ]),
    );
    const refs = collectDocReferences(files).map((r) => `${r.line}:${r.doc}#${r.anchor ?? ''}`);
    expect(refs.sort()).toEqual(
      [
        '1:docs/a.md#',
        '2:docs/a.md#part-one',
        '3:docs/a.md#two',
        '3:docs/b.md#three',
        '5:docs/e.md#',
      ].sort(),
    );
  });
});

describe('documentation links in the sources', () => {
  const files = listSourceFiles(listSourceRoots()).map((path) => ({
    path,
    text: readRepoFile(path),
  }));

  it('scans the packages and actions, and finds the links the error messages use', () => {
    const refs = collectDocReferences(files);
    const links = new Set(refs.map((r) => `${r.doc}#${r.anchor ?? ''}`));
    // A few links known to be in the sources: if the scan stops finding them, it is broken.
    for (const known of [
      'docs/actions.md#token-and-permissions',
      'docs/actions.md#rate-limits',
      'docs/actions.md#policy-file',
      'docs/actions.md#outputs',
    ]) {
      expect(links).toContain(known);
    }
    expect(files.some((f) => f.path.endsWith('.test.ts'))).toBe(false);
  });

  it('every docs/<file>.md#<anchor> written in the sources has its file and heading', () => {
    expect(findBroken(collectDocReferences(files))).toEqual([]);
  });

  it('every git failure kind links to an existing section of docs/git.md', () => {
    const kinds = [
      'not-a-repository',
      'no-work-tree',
      'unknown-revision',
      'shallow',
      'dubious-ownership',
      'no-commits',
      'git-not-found',
      'invalid-argument',
      'other',
    ] as const satisfies readonly GitFailureKind[];
    // Fails to compile when a kind is added to GitFailureKind but not to the list above.
    const complete: [Exclude<GitFailureKind, (typeof kinds)[number]>] extends [never]
      ? true
      : false = true;
    expect(complete).toBe(true);
    const refs = kinds.flatMap((kind) => {
      const message = new GitError({ args: ['status'], exitCode: 128, stderr: 'x', kind }).message;
      expect(message).toContain('docs/git.md');
      return extractDocLinks(message);
    });
    // Every kind with a hint links to its own section; `other` links to the whole page.
    expect(refs).toHaveLength(kinds.length - 1);
    expect(findBroken(refs)).toEqual([]);
  });

  it('every GitHub API failure links to an existing section of docs/actions.md', () => {
    const failures: unknown[] = [
      { status: 401, message: 'Bad credentials', response: { headers: {} } },
      { status: 403, message: 'Resource not accessible', response: { headers: {} } },
      {
        status: 403,
        message: 'API rate limit exceeded',
        response: { headers: { 'x-ratelimit-remaining': '0' } },
      },
      { status: 404, message: 'Not Found', response: { headers: {} } },
      { status: 422, message: 'Validation Failed', response: { headers: {} } },
      { status: 502, message: 'Bad Gateway', response: { headers: {} } },
      { status: 500, message: 'fetch failed' },
      { status: 418, message: "I'm a teapot", response: { headers: {} } },
      new Error('getaddrinfo ENOTFOUND'),
    ];
    const refs = failures.flatMap((error) =>
      extractDocLinks(toGitHubApiError(error, 'GET /repos/{owner}/{repo}').message),
    );
    expect(refs).toHaveLength(failures.length);
    expect(findBroken(refs)).toEqual([]);
  });

  it('every rule id has a section in docs/rules.md (findings link to it)', () => {
    expect(RULES.length).toBeGreaterThan(0);
    expect(findBroken(RULES.map((rule) => ({ doc: 'docs/rules.md', anchor: rule.id })))).toEqual(
      [],
    );
  });

  it('every policy section, known or not, links to an existing section of docs/policy.md', () => {
    const properties = (createPolicyJsonSchema() as { properties?: Record<string, unknown> })
      .properties;
    const sections = [...Object.keys(properties ?? {}), 'no-such-section'];
    expect(sections.length).toBeGreaterThan(1);
    const literalAnchors = files.flatMap((f) =>
      [...f.text.matchAll(/seeDocs\(\s*'([\w-]+)'\s*\)/g)].map((m) => m[1] ?? ''),
    );
    const refs = [...sections.map((s) => anchorFor([s])), ...literalAnchors].flatMap((anchor) =>
      extractDocLinks(seeDocs(anchor)),
    );
    expect(findBroken(refs)).toEqual([]);
  });
});
