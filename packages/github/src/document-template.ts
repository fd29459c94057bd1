/**
 * The documents' templates of a pull request's run, read through the
 * contents API at the commit its policy was read at (the base), never from
 * the checkout: a template is part of the policy, and a pull request that
 * edits one must not make its own unfilled document pass.
 */
import {
  convertDocumentBytes,
  MAX_DOCUMENT_BYTES,
  quoteValue,
  type DocumentFile,
} from '@release-policy/core';
import type { RunContext } from './context.js';
import { InputError } from './errors.js';
import type { Octokit } from './octokit.js';
import {
  fetchRawContent,
  readRawBytes,
  type ContentSubject,
  type PolicyLocation,
} from './policy.js';
import { resolvePolicyRef } from './run-policy.js';
import { ACTIONS_DOCS } from './text.js';

/** A template as read: the file, or that it is a link leaving the repository (an error of the policy). */
export type TemplateRead = DocumentFile | { path: string; outside: true };

/** Where a pull request's templates are read, in the shape the document gatherer takes. */
export interface BaseTemplateSource {
  /** Where, for messages, e.g. `the pull request's base commit "1a2b3c4"`. */
  where: string;
  /** The template `path` there; undefined when the base has no such file. */
  read(path: string): Promise<TemplateRead | undefined>;
}

const TEMPLATE_SUBJECT: ContentSubject = {
  noun: 'The document template',
  fallback: 'The template is NOT treated as absent',
};

/**
 * Reads a document template through the contents API at `location.ref`, as
 * a document of the working tree is read: a link GitHub does not resolve
 * inside the repository is `outside`; a folder or submodule is `not-file`; a
 * file over `MAX_DOCUMENT_BYTES`, or binary, is a problem and not text.
 * Undefined when the commit is visible and holds no such file.
 *
 * @throws GitHubApiError when the file cannot be read and the commit is not visible either
 */
export async function fetchDocumentTemplate(
  octokit: Octokit,
  location: PolicyLocation,
): Promise<TemplateRead | undefined> {
  const answer = await fetchRawContent(octokit, location, TEMPLATE_SUBJECT);
  if ('commitSha' in answer) return undefined;
  return convertTemplateData(location.path, answer.data);
}

/** A raw contents answer as a template. */
function convertTemplateData(path: string, data: unknown): TemplateRead {
  const bytes = readRawBytes(data);
  if (bytes !== undefined) {
    if (bytes.length > MAX_DOCUMENT_BYTES)
      return { path, size: bytes.length, problem: 'too-large' };
    return convertDocumentBytes(path, bytes.length, bytes);
  }
  const type =
    typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  // GitHub answers a link as the link itself only when its target is no file of the repository.
  if (type === 'symlink') return { path, outside: true };
  return { path, size: 0, problem: 'not-file' };
}

/**
 * The templates of this run when it is a pull request's: at the commit its
 * policy was read at ({@link resolvePolicyRef}); undefined for any other
 * run, whose working tree is the commit checked.
 *
 * @throws InputError on a pull request without a token (the policy cannot be read either)
 */
export function createBaseTemplateSource(
  context: RunContext,
  octokit: Octokit | undefined,
): BaseTemplateSource | undefined {
  const ref = resolvePolicyRef(context);
  if (ref === undefined) return undefined;
  if (octokit === undefined) {
    throw new InputError(
      "A pull request's document templates are read from its base commit through the GitHub API, " +
        'but no token was given. Pass the token input (the default, ${{ github.token }}, works) with contents: read. ' +
        `Read more: ${ACTIONS_DOCS}#policy-file`,
    );
  }
  const at = /^[0-9a-f]{40,64}$/i.test(ref)
    ? `base commit ${quoteValue(ref.slice(0, 7))}`
    : `base ${quoteValue(ref)}`;
  return {
    where: `the pull request's ${at}`,
    read: (path) => fetchDocumentTemplate(octokit, { ...context.repo, ref, path }),
  };
}
