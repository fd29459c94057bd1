import { describe, expect, it } from '@jest/globals';
import type { Facts } from '../../facts.js';
import { makeAuditFacts } from '../../testing/audit-facts.js';
import { makeDocumentFacts } from '../../testing/document-facts.js';
import { makePolicy } from '../../testing/policies.js';
import { makeCommit, makeVersionFacts } from '../../testing/version-facts.js';
import { renderDocumentTemplates } from '../docs/templates.js';
import { inspectNextReleaseDocuments } from './documents.js';
import { computeReleaseStatus } from './status.js';

const policy = makePolicy();

const NOTES = '# Notes\n\n## Changes\n\n- Faster search.\n\n## Risk\n\nLow: a new index.\n';

/** The audit facts of a repository with `tagNames`, and the documents in its tree. */
function factsOf(files: Record<string, string>, tagNames: string[] = ['v1.4.2']): Facts {
  return { audit: makeAuditFacts({ tagNames }), ...makeDocumentFacts(policy, { files }) };
}

describe('inspectNextReleaseDocuments', () => {
  it('is undefined without documents facts', () => {
    expect(inspectNextReleaseDocuments({ audit: makeAuditFacts({}) }, policy)).toBeUndefined();
  });

  it('takes a minor release on the line after the newest tag without version facts, and states each document required for it', () => {
    const templates = renderDocumentTemplates(policy);
    const installation = templates.find((t) => t.path === 'docs/release/installation.md');
    const status = inspectNextReleaseDocuments(
      factsOf({
        'docs/release/release-notes.md': NOTES,
        'docs/release/installation.md': installation?.text ?? '',
        'docs/release/configuration.md': '# Configuration\n\n## Parameters\n',
        'docs/release/backup-restore.md': '# Backup\n\n## Backup\n\nNightly dumps.\n',
      }),
      policy,
    );
    expect(status).toEqual({
      branch: 'main',
      line: '1.5',
      releaseType: 'minor',
      releaseTypeFrom: 'default',
      items: [
        {
          path: 'docs/release/release-notes.md',
          state: 'present',
          detail: 'sections "Changes", "Risk"',
        },
        {
          path: 'docs/release/installation.md',
          state: 'incomplete',
          detail: 'placeholder: "Environment", "Steps", "Verification"',
        },
        {
          path: 'docs/release/configuration.md',
          state: 'incomplete',
          detail: 'empty: "Parameters"',
        },
        {
          path: 'docs/release/backup-restore.md',
          state: 'incomplete',
          detail: 'missing: "Restore"',
        },
        { path: 'docs/release/rollback.md', state: 'missing', detail: 'no file matched' },
      ],
    });
  });

  it('calls a file still identical to its template, a binary file and an empty file incomplete', () => {
    const facts: Facts = {
      audit: makeAuditFacts({ tagNames: [] }),
      ...makeDocumentFacts(policy, {
        files: {
          'docs/release/release-notes.md': {
            size: NOTES.length,
            text: NOTES,
            sameAsTemplate: true,
          },
          'docs/release/installation.md': { size: 12, problem: 'binary' },
          'docs/release/configuration.md': ' \n',
        },
      }),
    };
    const status = inspectNextReleaseDocuments(facts, policy);
    expect(status?.line).toBe('0.1');
    expect(status?.items.slice(0, 3)).toEqual([
      { path: 'docs/release/release-notes.md', state: 'incomplete', detail: 'still its template' },
      { path: 'docs/release/installation.md', state: 'incomplete', detail: 'a binary file' },
      { path: 'docs/release/configuration.md', state: 'incomplete', detail: 'empty' },
    ]);
  });

  it("takes the version analysis's next version for mainline when version facts are there", () => {
    const version = makeVersionFacts({
      branch: 'main',
      tags: ['v1.4.2'],
      commits: [makeCommit('b2', 'fix: round the totals')],
    });
    const facts: Facts = { ...factsOf({ 'docs/release/release-notes.md': NOTES }), ...version };
    const status = inspectNextReleaseDocuments(facts, policy);
    expect(status).toEqual({
      branch: 'main',
      line: '1.4',
      releaseType: 'patch',
      releaseTypeFrom: 'version',
      items: [
        {
          path: 'docs/release/release-notes.md',
          state: 'present',
          detail: 'sections "Changes", "Risk"',
        },
        { path: 'docs/release/rollback.md', state: 'missing', detail: 'no file matched' },
      ],
    });
  });

  it('opens a new major line when the commits break compatibility', () => {
    const version = makeVersionFacts({
      branch: 'main',
      tags: ['v1.4.2'],
      commits: [makeCommit('c3', 'feat!: drop the old API')],
    });
    const status = inspectNextReleaseDocuments({ ...factsOf({}), ...version }, policy);
    expect([status?.line, status?.releaseType, status?.items.length]).toEqual(['2.0', 'major', 5]);
  });
});

describe('computeReleaseStatus with documents', () => {
  it('carries the next release documents, and why they were not read', () => {
    const read = computeReleaseStatus(factsOf({}), policy, new Date(0));
    expect(read?.nextReleaseDocuments?.items.map((i) => i.state)).toEqual([
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
    ]);
    expect(read?.documentsUnread).toBeUndefined();
    const unread = computeReleaseStatus(
      {
        audit: makeAuditFacts({}),
        documentsUnread: { reason: 'no-checkout', detail: 'The workspace is not a git clone.' },
      },
      policy,
      new Date(0),
    );
    expect(unread?.nextReleaseDocuments).toBeUndefined();
    expect(unread?.documentsUnread).toEqual({
      reason: 'no-checkout',
      detail: 'The workspace is not a git clone.',
    });
  });
});
