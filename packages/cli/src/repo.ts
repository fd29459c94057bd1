import { UsageError } from '@release-policy/core';
import type { RepositoryRef } from '@release-policy/github';

// GitHub's own limits: an owner is letters, digits and single hyphens; a
// name also takes dots and underscores. Both are matched, never compiled from input.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** The `OWNER/NAME` form, or undefined when `text` is not in it. */
export function parseRepositoryName(text: string): RepositoryRef | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const [owner = '', repo = ''] = parts;
  if (!OWNER.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..') return undefined;
  return { owner, repo };
}

/**
 * Reads `--repo OWNER/NAME`.
 *
 * @throws UsageError when the value is not in the `OWNER/NAME` form.
 */
export function loadRepositoryOption(text: string): RepositoryRef {
  const parsed = parseRepositoryName(text);
  if (parsed) return parsed;
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  throw new UsageError(
    `--repo ${JSON.stringify(shown)} is not a repository name. Give OWNER/NAME as GitHub shows it, ` +
      'e.g. --repo octo-org/service (not a URL), or leave --repo out to use the origin remote. ' +
      'See docs/cli.md#github-api',
  );
}

/**
 * The repository a remote URL points at, in the three forms git takes:
 * `https://HOST/OWNER/NAME(.git)`, `git@HOST:OWNER/NAME(.git)` and
 * `ssh://git@HOST(:PORT)/OWNER/NAME(.git)`, on any host (GitHub Enterprise
 * Server too). Undefined for any other URL (a local path, a deeper path).
 */
export function parseRemoteUrl(url: string): RepositoryRef | undefined {
  const path = readRemotePath(url.trim());
  if (path === undefined) return undefined;
  return parseRepositoryName(
    path
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, ''),
  );
}

/** The path part of a remote URL, or undefined when it is not a network URL. */
function readRemotePath(url: string): string | undefined {
  // scp-like syntax: [user@]host:path, where the host part holds no slash.
  const scp = /^(?:[^@/:]+@)?[^@/:]+:(?!\/\/)(.+)$/.exec(url);
  if (scp) return scp[1];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Neither form: a local path, which names no repository on GitHub.
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || !parsed.host) {
    return undefined;
  }
  return decodeURIComponent(parsed.pathname);
}

/**
 * The web address of the GitHub server a repository lives on, for links in
 * release notes: `GITHUB_SERVER_URL` when set (GitHub Enterprise Server, as
 * Actions sets it), else the remote's host (`https://HOST`; an `http(s)`
 * remote keeps its scheme and port, an ssh remote's port is its ssh port and
 * is dropped). Credentials in the remote URL are never kept. Undefined for a
 * remote that is not a network URL.
 */
export function readServerUrl(remote: string, env: NodeJS.ProcessEnv): string | undefined {
  const server = parseWebOrigin(env.GITHUB_SERVER_URL ?? '');
  if (server !== undefined) return server;
  const url = remote.trim();
  const scp = /^(?:[^@/:]+@)?([^@/:]+):(?!\/\/)/.exec(url);
  if (scp) return `https://${scp[1] ?? ''}`;
  const web = parseWebOrigin(url);
  if (web !== undefined) return web;
  try {
    const parsed = new URL(url);
    if (['ssh:', 'git:'].includes(parsed.protocol) && parsed.hostname) {
      return `https://${parsed.hostname}`;
    }
  } catch {
    // Not a URL: a local path, which is on no server.
  }
  return undefined;
}

/** `scheme://host[:port]` of an http(s) URL, credentials and path dropped; undefined otherwise. */
function parseWebOrigin(text: string): string | undefined {
  try {
    const parsed = new URL(text);
    if (!['https:', 'http:'].includes(parsed.protocol) || !parsed.host) return undefined;
    return parsed.origin;
  } catch {
    // Not a URL at all: no origin.
    return undefined;
  }
}
