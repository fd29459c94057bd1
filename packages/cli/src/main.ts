import {
  CHECKS,
  ConfigError,
  linkDocs,
  linkFindingDocs,
  convertConfigIssuesToFindings,
  neutralizeWorkflowCommands,
  quoteValue,
  ReleasePolicyError,
  UsageError,
  type Finding,
} from '@release-policy/core';
import { COMMANDS, parseCliArgs, renderHelp, type ParsedArgs } from './args.js';
import { DOCS_BASE_URL, EXIT, type CliIo, type CommandResult } from './io.js';
import { runCheckCommand } from './commands/check.js';
import { renderJson, sanitizeForTerminal } from './output.js';
import { suggestCommand } from './suggest.js';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';

/** The CLI's own version, kept equal to the package version by a test. */
export const CLI_VERSION = '0.1.0';

/**
 * Runs the CLI on argv (without node and script) and returns the exit code.
 * Never calls process.exit: the entry point does.
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  const io = guardOutput(given);
  let args: ParsedArgs | undefined;
  try {
    args = parseCliArgs(argv);
    if (args.version) {
      io.stdout(`${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    if (args.help) {
      io.stdout(`${linkDocs(renderHelp(), DOCS_BASE_URL)}\n`);
      return EXIT.ok;
    }
    if (!args.command) {
      throw new UsageError(
        `No command given. Commands: ${Object.keys(COMMANDS).join(', ')}. ` +
          'Example: release-policy check. Run "release-policy --help" for usage. See docs/cli.md',
      );
    }
    const cwd = resolve(io.cwd, args.cwd ?? '.');
    // The checks need an existing repository; init creates what it writes into.
    if (args.command !== 'init') await checkDirectory(cwd, args.cwd);
    const result = await dispatch(args, { ...io, cwd });
    if (args.json) given.stdout(`${renderJson(result.json)}\n`);
    else if (result.text)
      io.stdout(`${result.data ? result.text : linkDocs(result.text, DOCS_BASE_URL)}\n`);
    return result.exitCode;
  } catch (error) {
    return reportError(error, io, given, args?.json ?? argv.includes('--json'));
  }
}

/**
 * The CLI's output boundary. It runs in workflow steps, where the runner
 * executes a printed line that starts with `::` (after white space) or holds
 * `##[`, on stdout and stderr alike: every text line any command prints goes
 * out neutralized ({@link neutralizeWorkflowCommands}), so a commit message
 * or a file's content can never issue a workflow command. The `--json`
 * document is written with the unguarded `stdout`, byte for byte: it is one
 * JSON document whose strings are escaped, so no line of it starts with `::`
 * ({@link renderJson} covers `##[`), and a reader must get the exact values.
 * The files `--write` and `init` write are not step output and stay exact.
 */
function guardOutput(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(neutralizeWorkflowCommands(text)),
    stderr: (text) => io.stderr(neutralizeWorkflowCommands(text)),
  };
}

/**
 * Runs the command. The checks' command is loaded with the CLI; the others on
 * use, so a check does not load (compile and initialize) what only they need,
 * e.g. the GitHub API client that `changelog` may publish with.
 */
async function dispatch(args: ParsedArgs, io: CliIo): Promise<CommandResult> {
  if (args.command === 'changelog') {
    const { runChangelogCommand } = await import('./commands/changelog.js');
    return runChangelogCommand(args, io);
  }
  const single = CHECKS.find((check) => check.command.name === args.command);
  if (single) return runCheckCommand(args, io, [single]);
  switch (args.command) {
    case 'check':
      return runCheckCommand(
        args,
        io,
        CHECKS.filter((check) => check.command.standalone !== true),
      );
    case 'schema': {
      const { runSchemaCommand } = await import('./commands/schema.js');
      return runSchemaCommand(args);
    }
    case 'init': {
      const { runInitCommand } = await import('./commands/init.js');
      return runInitCommand(args, io);
    }
    case 'history': {
      const { runHistoryCommand } = await import('./commands/history.js');
      return runHistoryCommand(args, io);
    }
    case 'org-audit': {
      const { runOrgAuditCommand } = await import('./commands/org-audit.js');
      return runOrgAuditCommand(args, io);
    }
    default:
      throw new UsageError(unknownCommandMessage(args.command ?? ''));
  }
}

function unknownCommandMessage(command: string): string {
  const names = Object.keys(COMMANDS);
  const near = suggestCommand(command, names);
  return (
    `Unknown command ${quoteValue(command)}.` +
    (near ? ` Did you mean "${near}"?` : '') +
    ` Commands: ${names.join(', ')}. Example: release-policy check. See docs/cli.md`
  );
}

/** Converts a thrown error into output and an exit code, once, at the boundary. */
function reportError(error: unknown, io: CliIo, raw: CliIo, json: boolean): number {
  const findings: Finding[] = (
    error instanceof ConfigError ? convertConfigIssuesToFindings(error.issues) : []
  ).map((finding) => linkFindingDocs(finding, DOCS_BASE_URL));
  const kind = error instanceof ReleasePolicyError ? error.name : 'UnexpectedError';
  const message = linkDocs(error instanceof Error ? error.message : String(error), DOCS_BASE_URL);
  if (json) {
    raw.stdout(`${renderJson({ ok: false, findings, error: { type: kind, message } })}\n`);
  } else if (error instanceof ReleasePolicyError) {
    io.stderr(`release-policy: ${sanitizeForTerminal(message)}\n`);
  } else {
    io.stderr(
      `release-policy: unexpected error: ${sanitizeForTerminal(error instanceof Error ? (error.stack ?? message) : message)}\n` +
        'This is a bug in release-policy; please report it with the command you ran.\n',
    );
  }
  return EXIT.usage;
}

/** `-C DIR` must name a directory: said plainly, before git blames something else. */
async function checkDirectory(path: string, given: string | undefined): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return;
  throw new UsageError(
    `${JSON.stringify(given ?? path)} is ${info ? 'not a directory' : 'not there'}. ` +
      'Give the repository to check, e.g. -C ../service, or leave -C out to check the current directory. ' +
      'See docs/cli.md',
  );
}
