/**
 * Git data of a repository: refs, commits, annotated tags and files. Seeded
 * records come first; a repository with `gitDir` also reads a real local git
 * repository (git is spawned with argument arrays, never through a shell).
 */
import { execFile } from 'node:child_process';
import type {
  CommitRecord,
  EmulatorState,
  RefRecord,
  RepoRecord,
  TagObjectRecord,
} from './state.js';
import { sameRepo } from './state.js';

/** One entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  path: string;
  type: 'file' | 'dir';
  size: number;
}

function runGit(gitDir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', gitDir, ...args],
      { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

const fullSha = /^[0-9a-f]{40}$/;

function parsePerson(text: string): { name: string; email: string; date: string } {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(text.trim());
  if (!m) return { name: text, email: '', date: new Date(0).toISOString() };
  const date = new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { name: m[1] ?? '', email: m[2] ?? '', date };
}

/** Splits a raw git object (`git cat-file -p`) into headers and message. */
function parseObject(raw: string): { headers: [string, string][]; message: string } {
  const split = raw.indexOf('\n\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const message = split >= 0 ? raw.slice(split + 2) : '';
  const headers: [string, string][] = [];
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation (signatures)
    const space = line.indexOf(' ');
    if (space > 0) headers.push([line.slice(0, space), line.slice(space + 1)]);
  }
  return { headers, message };
}

/** Reads git data for the emulator's repositories. */
export class GitStore {
  /** Commits read from git, by sha and repository (git objects never change). */
  private readonly gitCommits = new Map<string, CommitRecord>();

  constructor(private readonly state: EmulatorState) {}

  /** Every ref of the repository; seeded refs override those of `gitDir`. */
  async listRefs(repo: RepoRecord): Promise<RefRecord[]> {
    const seeded = this.state.refs.filter((r) => sameRepo(r.repo, repo.fullName));
    const names = new Set(seeded.map((r) => r.ref));
    const fromGit: RefRecord[] = [];
    if (repo.gitDir) {
      const out = await runGit(repo.gitDir, ['for-each-ref', '--format=%(objectname) %(refname)']);
      for (const line of (out ?? '').split('\n')) {
        const [sha, ref] = line.split(' ');
        if (sha && ref && !names.has(ref) && !ref.startsWith('refs/remotes/')) {
          fromGit.push({ repo: repo.fullName, ref, sha });
        }
      }
    }
    return [...fromGit, ...seeded].sort((a, b) => a.ref.localeCompare(b.ref));
  }

  /** Finds one ref by full name (`refs/heads/main`). */
  async getRef(repo: RepoRecord, ref: string): Promise<RefRecord | undefined> {
    return (await this.listRefs(repo)).find((r) => r.ref === ref);
  }

  /** The annotated tag object with this sha, if any. */
  async getTagObject(repo: RepoRecord, sha: string): Promise<TagObjectRecord | undefined> {
    const seeded = this.state.tagObjects.find(
      (t) => sameRepo(t.repo, repo.fullName) && t.sha === sha,
    );
    if (seeded || !repo.gitDir || !fullSha.test(sha)) return seeded;
    const type = await runGit(repo.gitDir, ['cat-file', '-t', sha]);
    if (type?.trim() !== 'tag') return undefined;
    const raw = await runGit(repo.gitDir, ['cat-file', 'tag', sha]);
    if (raw === undefined) return undefined;
    const { headers, message } = parseObject(raw);
    const get = (key: string) => headers.find(([k]) => k === key)?.[1] ?? '';
    return {
      repo: repo.fullName,
      sha,
      tag: get('tag'),
      message,
      tagger: parsePerson(get('tagger')),
      object: { sha: get('object'), type: get('type') as TagObjectRecord['object']['type'] },
    };
  }

  /** The commit with this sha (full, or a unique prefix for seeded ones). */
  async getCommit(repo: RepoRecord, sha: string): Promise<CommitRecord | undefined> {
    const seeded = this.state.commits.find(
      (c) =>
        sameRepo(c.repo, repo.fullName) &&
        (c.sha === sha || (sha.length >= 7 && c.sha.startsWith(sha))),
    );
    if (seeded || !repo.gitDir || !/^[0-9a-f]{4,40}$/.test(sha)) return seeded;
    const key = `${repo.gitDir}\0${sha}`;
    const cached = this.gitCommits.get(key);
    if (cached) return { ...cached, repo: repo.fullName };
    const raw = await runGit(repo.gitDir, ['cat-file', 'commit', sha]);
    const resolved = await runGit(repo.gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `${sha}^{commit}`,
    ]);
    if (raw === undefined || !resolved) return undefined;
    const { headers, message } = parseObject(raw);
    const get = (name: string) => headers.find(([k]) => k === name)?.[1] ?? '';
    const commit: CommitRecord = {
      repo: repo.fullName,
      sha: resolved.trim(),
      tree: get('tree'),
      parents: headers.filter(([k]) => k === 'parent').map(([, v]) => v),
      message,
      author: parsePerson(get('author')),
      committer: parsePerson(get('committer')),
    };
    this.gitCommits.set(key, commit);
    return commit;
  }

  /**
   * Resolves a branch, tag, full ref name or sha to a commit sha, peeling
   * annotated tags. Undefined when nothing matches.
   */
  async resolveCommit(repo: RepoRecord, refish: string): Promise<string | undefined> {
    const refs = await this.listRefs(repo);
    const candidates = refish.startsWith('refs/')
      ? [refish]
      : [`refs/heads/${refish}`, `refs/tags/${refish}`, `refs/${refish}`];
    let sha = candidates.map((c) => refs.find((r) => r.ref === c)?.sha).find(Boolean);
    sha ??= (await this.getCommit(repo, refish))?.sha;
    // Without a backing git repository any full sha counts as a commit.
    if (!sha && !repo.gitDir && fullSha.test(refish)) sha = refish;
    for (let depth = 0; sha && depth < 5; depth += 1) {
      const tag = await this.getTagObject(repo, sha);
      if (!tag) break;
      sha = tag.object.sha;
    }
    if (!sha) return undefined;
    return (await this.getCommit(repo, sha))?.sha ?? (fullSha.test(sha) ? sha : undefined);
  }

  /**
   * Commits reachable from `head` but not from `exclude`, newest first (by
   * committer date, then discovery order), at most `max`.
   */
  async listCommits(
    repo: RepoRecord,
    head: string,
    options: { exclude?: string; max?: number } = {},
  ): Promise<CommitRecord[]> {
    const max = options.max ?? 10_000;
    const excluded = new Set<string>();
    if (options.exclude)
      for (const c of await this.walk(repo, options.exclude, max)) excluded.add(c.sha);
    return (await this.walk(repo, head, max + excluded.size))
      .filter((c) => !excluded.has(c.sha))
      .slice(0, max);
  }

  private async walk(repo: RepoRecord, head: string, max: number): Promise<CommitRecord[]> {
    const seen = new Set<string>();
    const found: CommitRecord[] = [];
    const queue = [head];
    while (queue.length > 0 && found.length < max) {
      const sha = queue.shift() as string;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const commit = await this.getCommit(repo, sha);
      if (!commit) continue;
      found.push(commit);
      queue.push(...commit.parents);
    }
    return found
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.committer.date.localeCompare(a.c.committer.date) || a.i - b.i)
      .map(({ c }) => c);
  }

  /** Reads a file at a ref: seeded files first, then `gitDir`. */
  async readFile(repo: RepoRecord, ref: string, path: string): Promise<string | undefined> {
    const seeded = await this.seededFilesAt(repo, ref);
    const hit = seeded.find((f) => f.path === path);
    if (hit) return hit.content;
    if (!repo.gitDir) return undefined;
    const sha = await this.resolveCommit(repo, ref);
    if (!sha) return undefined;
    return runGit(repo.gitDir, ['cat-file', 'blob', `${sha}:${path}`]);
  }

  /** The target of a seeded symbolic link at a ref, or undefined when the path is no such link. */
  async readSymlinkTarget(
    repo: RepoRecord,
    ref: string,
    path: string,
  ): Promise<string | undefined> {
    const seeded = await this.seededFilesAt(repo, ref);
    return seeded.find((f) => f.path === path)?.symlinkTarget;
  }

  /** Lists a directory at a ref (`''` is the root), or undefined when it does not exist. */
  async listDirectory(
    repo: RepoRecord,
    ref: string,
    dir: string,
  ): Promise<DirectoryEntry[] | undefined> {
    const prefix = dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const file of await this.seededFilesAt(repo, ref)) {
      if (!file.path.startsWith(prefix)) continue;
      const [name, ...rest] = file.path.slice(prefix.length).split('/');
      if (!name) continue;
      const type = rest.length > 0 ? 'dir' : 'file';
      entries.set(name, {
        name,
        path: `${prefix}${name}`,
        type,
        size: type === 'file' ? Buffer.byteLength(file.content) : 0,
      });
    }
    const sha = repo.gitDir ? await this.resolveCommit(repo, ref) : undefined;
    if (repo.gitDir && sha) {
      const out = await runGit(repo.gitDir, ['ls-tree', '-l', '-z', `${sha}:${prefix}`]);
      for (const line of (out ?? '').split('\0')) {
        const m = /^\d+ (blob|tree) [0-9a-f]+\s+(-|\d+)\t(.+)$/.exec(line);
        if (!m || !m[3] || entries.has(m[3])) continue;
        entries.set(m[3], {
          name: m[3],
          path: `${prefix}${m[3]}`,
          type: m[1] === 'tree' ? 'dir' : 'file',
          size: m[2] === '-' ? 0 : Number(m[2]),
        });
      }
    }
    if (entries.size === 0) return undefined;
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private async seededFilesAt(repo: RepoRecord, ref: string) {
    const files = this.state.contents.filter((f) => sameRepo(f.repo, repo.fullName));
    if (files.length === 0) return [];
    const target = await this.resolveCommit(repo, ref);
    const result = [];
    for (const file of files) {
      if (file.ref === ref) result.push(file);
      else if (target && (await this.resolveCommit(repo, file.ref)) === target) result.push(file);
    }
    return result;
  }
}
