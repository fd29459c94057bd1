import { describe, expect, it } from '@jest/globals';
import { defaultPolicy, loadPolicy } from '../../config/load.js';
import { checkDocumentLinks } from './links.js';

describe('checkDocumentLinks', () => {
  it('places each link at its entry in the policy file, path and template apart', () => {
    const policy = loadPolicy(
      'documents:\n' +
        '  - path: docs/*.md\n' +
        '    required-for: [major]\n' +
        '  - path: docs/rollback.md\n' +
        '    required-for: [patch]\n' +
        '    template: docs/templates/rollback.md\n',
      'policy.yml',
    );
    const issues = checkDocumentLinks(policy, [
      { entry: 0, field: 'path', file: 'docs/a.md' },
      { entry: 1, field: 'template', file: 'docs/templates/rollback.md' },
    ]);
    expect(issues.map(({ file, line, column, path }) => [file, line, column, path])).toEqual([
      ['policy.yml', 2, 11, 'documents[0].path'],
      ['policy.yml', 6, 15, 'documents[1].template'],
    ]);
    expect(issues[0]?.message).toBe(
      'documents[0].path "docs/*.md" matches "docs/a.md", which is a symbolic link whose target ' +
        'leaves the repository (or enters its .git folder), so it is never read. Commit the ' +
        'document itself at that path, or point the entry at a file inside the repository, for ' +
        'example: path: docs/release/rollback.md. See docs/policy.md#documents.',
    );
    expect(issues[1]?.message).toMatch(
      /^documents\[1\]\.template "docs\/templates\/rollback\.md" is a symbolic link whose target/,
    );
  });

  it("says an entry of the default policy is the default's, at the policy file's first line", () => {
    const policy = { ...defaultPolicy(), source: '.github/release-policy.yml' };
    const [issue] = checkDocumentLinks(policy, [
      { entry: 4, field: 'path', file: 'docs/release/rollback.md' },
    ]);
    expect([issue?.file, issue?.line, issue?.column]).toEqual(['.github/release-policy.yml', 1, 1]);
    expect(issue?.message).toMatch(
      /^documents\[4\]\.path \(the default policy's entry\) "docs\/release\/rollback\.md" is a symbolic link/,
    );
  });
});
