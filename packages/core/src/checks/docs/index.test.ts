import { describe, it, expect } from '@jest/globals';
import { makePolicy } from '../../testing/policies.js';
import { makeDocumentFacts } from '../../testing/document-facts.js';
import { docsCheck } from './index.js';

describe('the docs check', () => {
  const policy = makePolicy();

  it('summarizes the release type and the missing documents and sections', () => {
    const facts = makeDocumentFacts(policy, {
      releaseType: 'patch',
      files: {
        'docs/release/release-notes.md': '# Notes\n## Changes\nTODO\n',
        'docs/release/rollback.md': '# Rollback\n## Triggers\nerrors\n## Rollback\nredeploy\n',
      },
    });
    // Release notes: Changes is a placeholder, Risk is missing; rollback: Verification is missing.
    const values = docsCheck.summarize(facts, policy);
    expect(values).toEqual({ 'release-type': 'patch', missing: 3 });
    expect(docsCheck.describe(values, policy)).toEqual({ 'release type': 'patch', missing: '3' });
  });

  it('reports nothing to do on a run that does not release, and nothing without facts', () => {
    const values = docsCheck.summarize(makeDocumentFacts(policy), policy);
    expect(values).toEqual({ 'release-type': undefined, missing: 0 });
    expect(docsCheck.describe(values, policy)).toEqual({
      'release type': '(not a release)',
      missing: '0',
    });
    expect(docsCheck.summarize({}, policy)).toEqual({});
    expect(docsCheck.describe({}, policy)).toEqual({});
  });
});
