/**
 * Links into this project's documentation. Rules and messages name pages
 * by their path in this repository (`docs/rules.md#version-bump`), which
 * means nothing in a user's repository; the adapters turn them into absolute
 * URLs of the docs of the release that is running, at their boundary.
 */
import { RELEASE_POLICY_VERSION } from './config/constants.js';
import type { Finding } from './findings.js';

/** Where this project lives. */
export const PROJECT_URL = 'https://github.com/release-policy/release-policy';

/** The documentation pages messages may name. */
const DOCS_PAGES = ['actions', 'cli', 'git', 'policy', 'rules'];

/**
 * A docs path in our own text: at the start or after a space or `(`, one of
 * our pages, an optional anchor. Untrusted values inside messages are quoted
 * JSON, so a path inside one follows a quote and is left alone.
 */
const DOCS_PATH = new RegExp(
  `(^|[\\s(])(docs/(?:${DOCS_PAGES.join('|')})\\.md(?:#[a-z0-9-]+)?)(?=$|[\\s).,;:])`,
  'g',
);

/** The base URL of the docs of a release, e.g. `https://github.com/release-policy/release-policy/blob/v0.1.0/`. */
export function formatReleaseDocsBaseUrl(version: string = RELEASE_POLICY_VERSION): string {
  return `${PROJECT_URL}/blob/v${version}/`;
}

/** `text` with every docs path of ours made absolute under `baseUrl` (which ends with `/`). Pure. */
export function linkDocs(text: string, baseUrl: string): string {
  return text.replace(
    DOCS_PATH,
    (_match, before: string, path: string) => `${before}${baseUrl}${path}`,
  );
}

/** A finding whose `docs`, message and hint link to absolute URLs under `baseUrl`. Pure. */
export function linkFindingDocs(finding: Finding, baseUrl: string): Finding {
  const linked: Finding = { ...finding, message: linkDocs(finding.message, baseUrl) };
  if (finding.hint !== undefined) linked.hint = linkDocs(finding.hint, baseUrl);
  if (finding.docs !== undefined) linked.docs = linkDocs(finding.docs, baseUrl);
  return linked;
}
