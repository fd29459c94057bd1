/**
 * What can be read from a command line before the argument parser (and the
 * core it needs) has loaded: the command word, a release's version, and
 * which short options are set. Imports nothing, so the entry point can use
 * it first; `args.ts` uses the same rules, and a test keeps the short
 * options equal to its own.
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
 * For `changelog` and `docs`, takes out `--version V` and `--version=V`,
 * which name the release's version (the last one given wins); for the other
 * commands the arguments stay as they are. What is left is parsed, where
 * `--version` is the switch that prints the CLI's own version. A `--version`
 * there without a value (last, or followed by an option) is taken out too and
 * marked `releaseVersionMissing`: it is a missing value, never the CLI's
 * version switch.
 */
export function splitReleaseVersion(argv: readonly string[]): {
  rest: readonly string[];
  releaseVersion?: string;
  releaseVersionMissing?: true;
} {
  if (!RELEASE_VERSION_COMMANDS.includes(findCommandWord(argv) ?? '')) return { rest: argv };
  const rest: string[] = [];
  let releaseVersion: string | undefined;
  let missing = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--version=')) releaseVersion = arg.slice('--version='.length);
    else if (arg === '--version' && argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('-')) {
      releaseVersion = argv[i + 1];
      i += 1;
    } else if (arg === '--version') missing = true;
    else rest.push(arg);
  }
  return {
    rest,
    ...(releaseVersion === undefined ? {} : { releaseVersion }),
    ...(missing ? { releaseVersionMissing: true as const } : {}),
  };
}

/**
 * True when the command line asks for the CLI's own version (`--version`,
 * `-v`), not a release's (see {@link splitReleaseVersion}).
 */
export function asksCliVersion(argv: readonly string[]): boolean {
  const { rest } = splitReleaseVersion(argv);
  return (
    rest.some((arg) => arg === '--version' || arg.startsWith('--version=')) ||
    listShortOptions(rest).includes('v')
  );
}
