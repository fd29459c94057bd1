/**
 * The git commands the CLI starts before it loads its own code (see
 * `@release-policy/git/head-start`): for the commands that gather the
 * version facts, the ref listing and the HEAD probe they begin with. git
 * answers them on another core while Node compiles the CLI. This module
 * loads only Node built-ins, that module and `command-line.ts`, so the entry
 * point stays small; which commands qualify is kept equal to the checks'
 * needs by a test.
 */
import {
  HEAD_PROBE_ARGS,
  REF_LISTING_ARGS,
  startGitHeadStart,
  type GitHeadStart,
} from '@release-policy/git/head-start';
import {
  asksCliVersion,
  findCommandWord,
  listShortOptions,
  splitReleaseVersion,
} from './command-line.js';

/** The commands whose run lists the refs and probes HEAD first: their checks need the version facts. */
export const HEAD_START_COMMANDS: readonly string[] = ['check', 'version', 'docs'];

/**
 * Starts the ref listing and the HEAD probe for a command line whose command
 * needs them, in `cwd` with `env` (the settings its Git will have); undefined
 * for any other. A wrong guess of the command (an option's value read as
 * it) costs nothing but the head start: a command that does not take it runs
 * its own git, and the entry point stops what nobody took. Help (`--help`,
 * `-h`), the CLI's version (`--version`, `-v`; a release's version given to
 * `docs` is not that), a release's `--version` without a value (a usage
 * error) and another directory (`--cwd`, `-C`) start nothing, as the runs
 * would not be taken.
 */
export function startCliHeadStart(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): GitHeadStart | undefined {
  const command = findCommandWord(argv);
  if (command === undefined || !HEAD_START_COMMANDS.includes(command)) return undefined;
  const elsewhere =
    argv.some((arg) => arg === '--help' || arg === '--cwd' || arg.startsWith('--cwd=')) ||
    listShortOptions(argv).some((letter) => letter === 'h' || letter === 'C') ||
    asksCliVersion(argv) ||
    splitReleaseVersion(argv).releaseVersionMissing === true;
  if (elsewhere) return undefined;
  return startGitHeadStart({ cwd, gitBinary: 'git', env }, [REF_LISTING_ARGS, HEAD_PROBE_ARGS]);
}
