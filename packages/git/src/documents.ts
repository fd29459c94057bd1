/**
 * Gathers the required documents: the files each `documents` entry of the
 * policy matches in the working tree, read safely (inside the repository,
 * never through a link that leaves it, binary files and files over the size
 * limit reported rather than read), and whether each changed since the
 * previous release tag. The templates are read where the policy was: the
 * working tree, or the revision a pull request's policy came from.
 */
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import {
  analyzeVersion,
  checkDocumentLinks,
  checkMissingTemplates,
  collectFileVersionSource,
  ConfigError,
  convertDocumentBytes,
  MAX_DOCUMENT_BYTES,
  type DocumentLinkOutside,
  type DocumentTemplateMissing,
  type DocumentEntryFacts,
  type DocumentFacts,
  type DocumentFile,
  type Facts,
  type Policy,
} from '@release-policy/core';
import { GitError } from './errors.js';
import { isInsideRepository } from './inside.js';
import type { Git } from './git.js';

export { MAX_DOCUMENT_BYTES };

/** How many directory entries a glob may visit before the walk stops. */
const MAX_WALK_ENTRIES = 20_000;

const WILDCARD = /[*?[]/;

/** True when one path segment matches one glob segment (`*`, `?`; no `/`). */
function matchSegment(glob: string, name: string, g = 0, n = 0): boolean {
  while (g < glob.length) {
    const c = glob[g];
    if (c === '*') {
      for (let k = n; k <= name.length; k += 1) if (matchSegment(glob, name, g + 1, k)) return true;
      return false;
    }
    if (n >= name.length || (c !== '?' && c !== name[n])) return false;
    g += 1;
    n += 1;
  }
  return n === name.length;
}

/** True when the `/`-separated `path` matches `glob` (`**` spans any number of segments). */
export function matchGlob(glob: string, path: string): boolean {
  const globs = glob.split('/').filter((s) => s !== '' && s !== '.');
  const names = path.split('/');
  const walk = (gi: number, ni: number): boolean => {
    if (gi === globs.length) return ni === names.length;
    const segment = globs[gi] ?? '';
    if (segment === '**') {
      for (let k = ni; k <= names.length; k += 1) if (walk(gi + 1, k)) return true;
      return false;
    }
    return ni < names.length && matchSegment(segment, names[ni] ?? '') && walk(gi + 1, ni + 1);
  };
  return walk(0, 0);
}

/** Lists the files under `dir` (relative to `root`), links included but not followed. */
async function walkFiles(root: string, dir: string, budget: { left: number }): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(nodePath.join(root, dir), { withFileTypes: true });
  } catch {
    // A missing directory matches nothing; the rule reports the entry as missing.
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if ((budget.left -= 1) < 0) break;
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      files.push(...(await walkFiles(root, path, budget)));
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      files.push(path);
    }
  }
  return files;
}

/** The files `pattern` matches under `root`, sorted; a plain path is itself when it exists. */
export async function listMatchingFiles(root: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/^\.\//, '');
  if (!WILDCARD.test(clean)) {
    try {
      await lstat(nodePath.join(root, clean));
      return [clean];
    } catch {
      return [];
    }
  }
  const segments = clean.split('/');
  const fixed = segments
    .slice(
      0,
      segments.findIndex((s) => WILDCARD.test(s)),
    )
    .join('/');
  const files = await walkFiles(root, fixed, { left: MAX_WALK_ENTRIES });
  return files.filter((file) => matchGlob(clean, file)).sort();
}

/** What reading one document gives: the file, or that its link leaves the repository. */
export type DocumentRead = DocumentFile | { path: string; outside: true };

/**
 * Reads one document under `root` without trusting it: a link leaving the
 * repository (or entering its `.git`) is never followed and is said apart
 * (the caller makes it a policy error); a directory, a binary file (a NUL in
 * the first bytes, or invalid UTF-8) and a file over `MAX_DOCUMENT_BYTES`
 * are reported as problems and never read whole.
 */
export async function readDocument(root: string, path: string): Promise<DocumentRead> {
  try {
    const real = await realpath(nodePath.resolve(root, path));
    if (!isInsideRepository(await realpath(root), real)) return { path, outside: true };
    const info = await stat(real);
    if (!info.isFile()) return { path, size: info.size, problem: 'not-file' };
    if (info.size > MAX_DOCUMENT_BYTES) return { path, size: info.size, problem: 'too-large' };
    const handle = await open(real, 'r');
    try {
      const buffer = Buffer.alloc(info.size);
      const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
      return convertDocumentBytes(path, info.size, buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') {
      return {
        path,
        size: 0,
        problem: 'unreadable',
        detail: 'a symbolic link to a file that does not exist',
      };
    }
    return { path, size: 0, problem: 'unreadable', detail: (error as Error).message };
  }
}

/** The tag of the previous release, among the repository's tags; undefined when there is none. */
function findPreviousTag(facts: Facts, policy: Policy): string | undefined {
  if (!facts.version) return undefined;
  const previous = analyzeVersion(facts, policy).previous;
  if (previous === undefined) return undefined;
  const names = policy.versioning.tagPrefix.map((prefix) => `${prefix}${previous}`);
  return names.find((name) => facts.version?.tags.includes(name));
}

/**
 * The versions the policy's version files declare on the pull request's base
 * branch (`origin/<base>`, else `<base>`); undefined when the base cannot be
 * read in this clone.
 */
async function readBaseVersions(
  git: Git,
  policy: Policy,
  base: string,
): Promise<string[] | undefined> {
  for (const rev of [`origin/${base}`, base]) {
    try {
      const versions: string[] = [];
      for (const spec of policy.versioning.files) {
        const { source } = collectFileVersionSource(spec, await git.readFileAt(rev, spec.path));
        if (source) versions.push(source.value);
      }
      return versions;
    } catch (error) {
      // This name is not a revision here; the next one may be.
      if (!(error instanceof GitError)) throw error;
    }
  }
  return undefined;
}

/**
 * Where a run reads the documents' templates when not from the working
 * tree: where its policy was read (a pull request's base), since a template
 * is part of the policy and a pull request must not change what it is
 * checked against.
 */
export interface TemplateSource {
  /** Where, for messages, e.g. `the pull request's base commit "1a2b3c4"`. */
  where: string;
  /** The template `path` read there as `readDocument` reads one; undefined when it does not exist there. */
  read(path: string): Promise<DocumentRead | undefined>;
}

/** What `gatherDocumentFacts` needs. */
export interface GatherDocumentFactsInput {
  git: Git;
  /** The repository's working tree. */
  cwd: string;
  policy: Policy;
  /** The facts gathered so far (branch, version): the previous release tag comes from them. */
  facts: Facts;
  /** The release type the run was given, unchecked. */
  releaseType?: string;
  /** Where the templates are read; the working tree (`cwd`) when absent. */
  templates?: TemplateSource;
}

/**
 * The template of one entry: from `templates` when given (`'missing'` when
 * it has no such file), else from the working tree.
 */
async function readTemplate(
  cwd: string,
  path: string,
  templates: TemplateSource | undefined,
): Promise<DocumentRead | 'missing'> {
  if (templates === undefined) return readDocument(cwd, path);
  return (await templates.read(path)) ?? 'missing';
}

/**
 * Reads every file the policy's `documents` entries match, each with its
 * template comparison and whether it changed since the previous release tag.
 *
 * @throws ConfigError when an entry's path, a file its glob matches, or its
 *   template is a link leaving the repository, or its template is absent
 *   from `templates`: an error of the policy, at the entry's position
 */
export async function gatherDocumentFacts(input: GatherDocumentFactsInput): Promise<DocumentFacts> {
  const { git, cwd, policy, facts } = input;
  const since = findPreviousTag(facts, policy);
  const entries: DocumentEntryFacts[] = [];
  const outside: DocumentLinkOutside[] = [];
  const missing: DocumentTemplateMissing[] = [];
  for (const [entry, spec] of policy.documents.entries()) {
    const template = spec.template
      ? await readTemplate(cwd, spec.template, input.templates)
      : undefined;
    if (template === 'missing') missing.push({ entry, where: input.templates?.where ?? '' });
    else if (template && 'outside' in template)
      outside.push({ entry, field: 'template', file: template.path });
    const templateText =
      template && template !== 'missing' && !('outside' in template) ? template.text : undefined;
    const files: DocumentFile[] = [];
    for (const path of await listMatchingFiles(cwd, spec.path)) {
      const file = await readDocument(cwd, path);
      if ('outside' in file) {
        outside.push({ entry, field: 'path', file: path });
        continue;
      }
      const extra: Partial<DocumentFile> = {};
      if (templateText !== undefined && file.text !== undefined) {
        extra.sameAsTemplate = templateText === file.text;
      }
      if (since !== undefined && file.text !== undefined) {
        const before = await git.readFileAt(since, path);
        extra.changed = before !== file.text;
      }
      files.push({ ...file, ...extra });
    }
    entries.push({ path: spec.path, files });
  }
  if (outside.length > 0 || missing.length > 0) {
    throw new ConfigError([
      ...checkDocumentLinks(policy, outside),
      ...checkMissingTemplates(policy, missing),
    ]);
  }
  const base = facts.branch?.base;
  const baseVersions = base === undefined ? undefined : await readBaseVersions(git, policy, base);
  return {
    entries,
    ...(baseVersions === undefined ? {} : { baseVersions }),
    ...(input.releaseType === undefined ? {} : { releaseType: input.releaseType }),
    ...(since === undefined ? {} : { since }),
  };
}
