/**
 * The git commands the CLI starts before it loads its own code (see
 * `@release-policy/git/head-start`): for the commands that gather the
 * version facts, the ref listing and the HEAD probe they begin with. git
 * answers them on another core while Node compiles the CLI. This module
 * loads only Node built-ins and that one module, so the entry point stays
 * small; which commands qualify is kept equal to the checks' needs by a test.
 */
import {
  HEAD_PROBE_ARGS,
  REF_LISTING_ARGS,
  startGitHeadStart,
  type GitHeadStart,
} from '@release-policy/git/head-start';

/** The commands whose run lists the refs and probes HEAD first: their checks need the version facts. */
export const HEAD_START_COMMANDS: readonly string[] = ['check', 'version', 'docs'];

/**
 * The command word of a command line as the argument parser finds it in the
 * usual case: the first argument that is not an option; undefined without one.
 */
export function findCommandWord(argv: readonly string[]): string | undefined {
  return argv.find((arg) => !arg.startsWith('-'));
}

/**
 * Starts the ref listing and the HEAD probe for a command line whose command
 * needs them, in `cwd` with `env` (the settings its Git will have); undefined
 * for any other. A wrong guess of the command (an option's value read as
 * it) costs nothing but the head start: a command that does not take it runs
 * its own git, and the entry point stops what nobody took. Help, the CLI's
 * version (`--version`, `-v`, also as a release version) and another
 * directory (`--cwd`, `-C`) start nothing, as the runs would not be taken.
 */
export function startCliHeadStart(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): GitHeadStart | undefined {
  const command = findCommandWord(argv);
  if (command === undefined || !HEAD_START_COMMANDS.includes(command)) return undefined;
  const elsewhere = argv.some(
    (arg) =>
      ['--help', '--version', '--cwd'].includes(arg.replace(/=.*/s, '')) ||
      /^-[^-]*[hvC]/.test(arg),
  );
  if (elsewhere) return undefined;
  return startGitHeadStart({ cwd, gitBinary: 'git', env }, [REF_LISTING_ARGS, HEAD_PROBE_ARGS]);
}
