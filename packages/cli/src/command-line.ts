/**
 * What can be read from a command line before the argument parser (and the
 * core it needs) has loaded: the command word, and which short options are
 * set. Imports nothing, so the entry point can use it first; `args.ts` uses
 * the same rules, and a test keeps the short options equal to its own.
 */

/** The commands where `--version V` names the version being released, not the CLI's version switch. */
export const RELEASE_VERSION_COMMANDS: readonly string[] = ['changelog', 'docs'];

/** The short options that take a value (`-p FILE`, `-pFILE`), as the parser defines them. */
export const VALUE_SHORT_OPTIONS = 'Cbeop';

/**
 * The command word as the parser finds it in the usual case: the first
 * argument that is not an option; undefined without one.
 */
export function findCommandWord(argv: readonly string[]): string | undefined {
  return argv.find((arg) => !arg.startsWith('-'));
}

/**
 * The letters of the short options set, group by group as the parser reads
 * them: `-jC dir` sets `j` and `C`; in `-pfile.yml` and `-p -h` everything
 * after `p` is its value. Stops at `--`.
 */
export function listShortOptions(argv: readonly string[]): string[] {
  const letters: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (!/^-[^-]/.test(arg)) continue;
    for (const [index, letter] of [...arg.slice(1)].entries()) {
      letters.push(letter);
      if (!VALUE_SHORT_OPTIONS.includes(letter)) continue;
      // The rest of the group is the value; with nothing left, the next argument is.
      if (index === arg.length - 2) i += 1;
      break;
    }
  }
  return letters;
}

/**
 * True when the command line asks for the CLI's own version (`--version`,
 * `-v`), not a release's: for `changelog` and `docs`, `--version V` and
 * `--version=V` name the release.
 */
export function asksCliVersion(argv: readonly string[]): boolean {
  const releaseVersion = RELEASE_VERSION_COMMANDS.includes(findCommandWord(argv) ?? '');
  const long = argv.some((arg, i) => {
    if (arg.startsWith('--version=')) return !releaseVersion;
    if (arg !== '--version') return false;
    const next = argv[i + 1];
    return !(releaseVersion && next !== undefined && !next.startsWith('-'));
  });
  return long || listShortOptions(argv).includes('v');
}
