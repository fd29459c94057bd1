/**
 * Test helper: facts for the docs check, built by hand. Files are given by
 * path with their text (or the whole file record); each policy entry gets
 * the files whose path equals its own.
 */
import type { Policy } from '../config/schema.js';
import type { DocumentFile, Facts, PullRequestFacts } from '../facts.js';

/** What {@link makeDocumentFacts} builds the facts from. */
export interface DocumentFactsInput {
  /** The documents in the tree: text, or a whole file record. */
  files?: Record<string, string | Omit<DocumentFile, 'path'>>;
  /** The release type given; absent: not a release unless `version` is given. */
  releaseType?: string;
  /** A version given as input (a release). */
  version?: string;
  since?: string;
}

/** Facts with `documents` for the entries of `policy`, and a version given when asked. */
export function makeDocumentFacts(policy: Policy, input: DocumentFactsInput = {}): Facts {
  const files = Object.entries(input.files ?? {}).map(([path, file]): DocumentFile =>
    typeof file === 'string'
      ? { path, size: Buffer.byteLength(file), text: file }
      : { path, ...file },
  );
  return {
    ...(input.version === undefined
      ? {}
      : {
          version: {
            sources: [{ kind: 'input', value: input.version, label: 'the version input' }],
            tags: [],
          },
        }),
    documents: {
      entries: policy.documents.map((spec) => ({
        path: spec.path,
        files: files.filter((f) => f.path === spec.path),
      })),
      ...(input.releaseType === undefined ? {} : { releaseType: input.releaseType }),
      ...(input.since === undefined ? {} : { since: input.since }),
    },
  };
}

/** A pull request as the API gives it, with `overrides` applied. */
export function makePullRequest(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    number: 7,
    title: 'CHG-12: add login',
    body: '',
    labels: [],
    author: 'octocat',
    authorType: 'User',
    draft: false,
    head: { ref: 'feature/CHG-12-login', sha: 'a'.repeat(40) },
    base: { ref: 'main', sha: 'b'.repeat(40) },
    ...overrides,
  };
}

/** A filled-in change request with the default policy's sections. */
export const FILLED_CHANGE_REQUEST = [
  '## Reason',
  'Users cannot log in with SSO.',
  '',
  '## Impact analysis',
  'Only the login page.',
  '',
  '## Verification plan',
  'Log in with SSO on staging.',
  '',
  '## Risk',
  'Low: behind a flag.',
  '',
].join('\n');
