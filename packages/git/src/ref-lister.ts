/**
 * Ref listing shared by the callers that ask at the same moment: the
 * version check lists tags while the patches check, beside it, lists
 * branches. One `for-each-ref` answers both, so a run starts one git
 * process for them, not two (each start costs Node and git several
 * milliseconds).
 */
import { checkArgument } from './arguments.js';
import { REF_NAMES_ARGS, type ALL_REF_SPACES } from './head-start.js';
import type { GitRunner } from './runner.js';

/** The ref namespaces `Git.listTags` and `Git.listBranches` read. */
export type RefSpace = (typeof ALL_REF_SPACES)[number];

/** Lists the full names of every ref in `spaces` (e.g. `refs/tags/v1.0.0`), sorted by name. */
export type RefLister = (spaces: readonly RefSpace[]) => Promise<string[]>;

/** The calls one `for-each-ref` answers: the union of their spaces, and its read. */
interface RefBatch {
  spaces: Set<RefSpace>;
  read: Promise<string[]>;
}

/**
 * Creates a lister that answers every call made before the event loop next
 * turns (the calls of gatherers resumed by the same answer) with one
 * `for-each-ref` over the union of their spaces. The read starts after the
 * last call it answers, so no answer is older than its call: a fetch that
 * finished before a call is always seen. A later call starts a new read.
 */
export function createRefLister(runner: GitRunner): RefLister {
  let open: RefBatch | undefined;
  const startBatch = (): RefBatch => {
    const spaces = new Set<RefSpace>();
    const read = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      // Closed: a call from now on starts the next read.
      open = undefined;
      return readRefNames(runner, [...spaces]);
    });
    return { spaces, read };
  };
  return async (spaces) => {
    open ??= startBatch();
    const batch = open;
    for (const space of spaces) batch.spaces.add(space);
    return selectRefSpaces(await batch.read, spaces);
  };
}

/** The names of `names` in one of `spaces`. */
export function selectRefSpaces(names: readonly string[], spaces: readonly RefSpace[]): string[] {
  return names.filter((name) => spaces.some((space) => name.startsWith(`${space}/`)));
}

/**
 * Lists the full names of every ref in `spaces` now, in one `for-each-ref`,
 * sorted by name; with `mergedInto`, only the refs on commits reachable
 * from that revision.
 */
export async function readRefNames(
  runner: GitRunner,
  spaces: readonly RefSpace[],
  mergedInto?: string,
): Promise<string[]> {
  const args = [...REF_NAMES_ARGS];
  if (mergedInto !== undefined) {
    checkArgument(args, mergedInto, 'revision');
    args.push(`--merged=${mergedInto}`);
  }
  // for-each-ref sorts by full name whatever the order of its patterns.
  const { stdout } = await runner.run([...args, ...[...spaces].sort()]);
  return parseRefNames(stdout);
}

/** The ref names of `for-each-ref --format=%(refname)%00` output (each record is a name, NUL, newline). */
function parseRefNames(stdout: Buffer): string[] {
  return stdout
    .toString('utf8')
    .split('\0')
    .map((name) => (name.startsWith('\n') ? name.slice(1) : name))
    .filter((name) => name !== '');
}
