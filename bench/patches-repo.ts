/**
 * The synthetic repository of the patches bench: a mainline of N commits
 * and one maintenance line of M commits forked off its middle, half of the
 * line's fixes picked into mainline afterwards (the same change, so the same
 * patch id), as one `git fast-import` stream, cached under the temporary
 * folder like the history of `history-repo.ts`.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importHistory } from './history-repo.js';

/** The size of the made repository. */
export interface PatchRepoOptions {
  /** Commits on mainline, picks included (at least 10). */
  mainline: number;
  /** Commits on the maintenance line (at least 2). */
  line: number;
}

/** The branch name of the maintenance line. */
export const PATCH_LINE = '3.5.x';

/** What the check must find: the line's commits, how many mainline holds, how many it lacks. */
export interface PatchRepoAnswer {
  lineCommits: number;
  picked: number;
  missing: number;
}

/** The answer for `options`: every second line commit is picked, the others are missing. */
export function computePatchAnswer(options: PatchRepoOptions): PatchRepoAnswer {
  const picked = Math.floor(options.line / 2);
  return { lineCommits: options.line, picked, missing: options.line - picked };
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/**
 * The stream: mainline commits edit one of 400 source files each; at the
 * middle the line forks, its commit `i` writing `fixes/fix-<i>.txt`; after
 * the fork, mainline picks every second fix (same file, same content: the
 * same patch), spread over its commits.
 */
export function renderPatchStream(options: PatchRepoOptions): string {
  const parts: string[] = [];
  const fork = Math.floor(options.mainline / 2);
  const picks = computePatchAnswer(options).picked;
  const regular = options.mainline - picks;
  const pickEvery = Math.max(1, Math.floor((regular - fork) / Math.max(1, picks)));
  let mark = 0;
  let when = 1_600_000_000;
  const commit = (
    branch: string,
    message: string,
    path: string,
    content: string,
    from?: number,
  ) => {
    mark += 1;
    when += 60;
    const person = `Synthetic Dev <dev${mark % 7}@example.com> ${when} +0000`;
    parts.push(
      `commit refs/heads/${branch}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n`,
    );
    parts.push(data(message));
    if (from !== undefined) parts.push(`from :${from}\n`);
    parts.push(`M 100644 inline ${path}\n`, data(content), '\n');
    return mark;
  };
  const fix = (i: number) =>
    [`fix: repair ${i} on the line\n`, `fixes/fix-${i}.txt`, `fix ${i}\n`] as const;
  let forkMark = 0;
  let picked = 0;
  for (let i = 0; i < regular; i += 1) {
    commit(
      'main',
      `feat(core): step ${i}\n`,
      `src/module-${i % 400}.ts`,
      `export const step = ${i};\n`,
    );
    if (i === fork) {
      forkMark = mark;
      for (let j = 0; j < options.line; j += 1) {
        commit(PATCH_LINE, ...fix(j), j === 0 ? forkMark : undefined);
      }
      // Back on main: the next main commit continues from the fork point.
      parts.push(`reset refs/heads/main\nfrom :${forkMark}\n\n`);
    }
    if (i > fork && (i - fork) % pickEvery === 0 && picked < picks) {
      commit('main', ...fix(picked * 2));
      picked += 1;
    }
  }
  while (picked < picks) {
    commit('main', ...fix(picked * 2));
    picked += 1;
  }
  return parts.join('');
}

/** Where a made repository lives, checked out on mainline. */
export interface PatchRepo {
  dir: string;
  answer: PatchRepoAnswer;
  reused: boolean;
}

/** Makes the repository for `options`, or reuses an earlier run's (renamed into place when complete). */
export async function ensurePatchRepo(
  options: PatchRepoOptions,
  base = tmpdir(),
): Promise<PatchRepo> {
  const answer = computePatchAnswer(options);
  const cache = join(
    base,
    'release-policy-bench-patches',
    `v1-${options.mainline}m-${options.line}l`,
  );
  const dir = join(cache, 'repo');
  if (existsSync(join(cache, 'complete'))) return { dir, answer, reused: true };
  const partial = `${cache}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  importHistory(partial, renderPatchStream(options), 'the patches repository');
  await rm(cache, { recursive: true, force: true });
  await rename(partial, cache);
  await writeFile(join(cache, 'complete'), '');
  return { dir, answer, reused: false };
}
