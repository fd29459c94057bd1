import { parseArgs } from 'node:util';
import { CHECKS, quoteValue, UsageError } from '@release-policy/core';
import { loadRepositoryOption } from './repo.js';
import { findCommandWord, splitReleaseVersion } from './command-line.js';
import { suggestCommand } from './suggest.js';

/** Options every command takes. */
export interface CommonOptions {
  policy?: string;
  json: boolean;
  cwd?: string;
  help: boolean;
}

/** The parsed command line. */
export interface ParsedArgs extends CommonOptions {
  command?: string;
  positionals: string[];
  base?: string;
  branch?: string;
  /** `--repo OWNER/NAME`: the repository on GitHub, for checks that need the API. */
  repo?: string;
  /** `--release-type TYPE`: the release type whose documents the docs check requires. */
  releaseType?: string;
  force: boolean;
  /** `init --docs`: also write the document templates and the pull request template. */
  docs: boolean;
  /** `init --dir REPO`: the repository to set up. */
  dir?: string;
  output?: string;
  version: boolean;
  /** `changelog --from REF`. */
  from?: string;
  /** `changelog --to REF`. */
  to?: string;
  /** `changelog --write FILE`. */
  write?: string;
  /** `changelog --all`; absent when not given. */
  all?: boolean;
  /** `changelog --package NAME`: the notes of one package of the policy's `changelog.packages`. */
  package?: string;
  /** `changelog --version V`: the release's version (elsewhere `--version` prints the CLI's). */
  releaseVersion?: string;
  /** `--mainline BRANCH`: the mainline the patches check compares with; the policy's when absent. */
  mainline?: string;
  /** `--line NAME`, repeatable: the maintenance lines the patches check compares; empty: the policy's. */
  lines: string[];
  /** `--environment NAME`: the environment `promote` and `history` are about. */
  environment?: string;
}

/** What a check command's positional argument is, for the help. */
const POSITIONAL_NOTES = {
  branch: 'NAME defaults to the current branch',
  version: 'VERSION is the declared version to check',
} as const;

/** Commands and what each one does, for help and for "did you mean". */
export const COMMANDS: Record<string, string> = {
  check: 'run every check that applies to the current branch',
  ...Object.fromEntries(CHECKS.map((c) => [c.command.name, c.command.summary])),
  schema: 'print the JSON Schema of the policy file',
  init: 'set up a repository: the commented policy, the workflows, the GitHub settings to make',
  history:
    "list an environment's deployments: versions, who, when, approvers, canary steps, rollbacks",
  'org-audit': 'list, split and merge the audits of an organisation’s repositories',
};

/** The arguments of each command, for the help. */
const USAGES: [string, string, string?][] = [
  ['check', '[--base BRANCH] [--branch NAME] [--repo OWNER/NAME]'],
  ...CHECKS.map((c): [string, string, string?] => [
    c.command.name,
    c.command.usage,
    c.command.positional ? POSITIONAL_NOTES[c.command.positional] : undefined,
  ]),
  ['schema', '', 'JSON Schema of .github/release-policy.yml'],
  ['init', '[--dir REPO] [--docs] [--force] [--output FILE]', 'never overwrites without --force'],
  ['history', '--environment NAME [--repo OWNER/NAME]', 'from the Deployments API; needs a token'],
  [
    'org-audit',
    'plan ORG [TOPIC] | split OWNER/NAME... | merge DIR',
    'JSON matrices; merged report',
  ],
];

/**
 * Parses argv (without node and script). Unknown options and missing values
 * are usage errors that name the offending argument.
 */
const OPTIONS = {
  policy: { type: 'string', short: 'p' },
  json: { type: 'boolean', default: false },
  cwd: { type: 'string', short: 'C' },
  base: { type: 'string', short: 'b' },
  branch: { type: 'string' },
  repo: { type: 'string' },
  'release-type': { type: 'string' },
  mainline: { type: 'string' },
  line: { type: 'string', multiple: true },
  environment: { type: 'string', short: 'e' },
  force: { type: 'boolean', default: false },
  docs: { type: 'boolean', default: false },
  dir: { type: 'string' },
  output: { type: 'string', short: 'o' },
  from: { type: 'string' },
  to: { type: 'string' },
  write: { type: 'string' },
  all: { type: 'boolean', default: false },
  package: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const { rest: options, releaseVersion } = extractReleaseVersion(argv);
  return { ...parseOptions(options), ...(releaseVersion !== undefined ? { releaseVersion } : {}) };
}

/**
 * The release's version given to `changelog` or `docs` (see
 * `splitReleaseVersion`), taken out before parsing.
 * @throws UsageError for an empty or a missing one
 */
function extractReleaseVersion(argv: readonly string[]): {
  rest: readonly string[];
  releaseVersion?: string;
} {
  const split = splitReleaseVersion(argv);
  if (split.releaseVersionMissing === true) {
    throw new UsageError(
      `--version needs a value after "${findCommandWord(argv) ?? ''}": the release's version, e.g. ${EMPTY_EXAMPLES.version}, ` +
        'or leave the option out. (The CLI\'s own version is "release-policy --version", without a command.) ' +
        'Run "release-policy --help" for usage.',
    );
  }
  if (split.releaseVersion === '') {
    throw new UsageError(
      "--version was given an empty value. Give the release's version, e.g. --version 1.4.0, or leave the option out. " +
        'Run "release-policy --help" for usage.',
    );
  }
  return split;
}

function parseOptions(argv: readonly string[]): ParsedArgs {
  checkLongOptions(argv);
  checkShortOptions(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(
      `${describeParseError(error, argv)} Run "release-policy --help" for usage.`,
      {
        cause: error,
      },
    );
  }
  const { values, positionals } = parsed;
  // An empty value is almost always an unset variable ("--branch $BRANCH"):
  // checking something else instead would pass silently.
  for (const name of [
    'policy',
    'cwd',
    'base',
    'branch',
    'repo',
    'release-type',
    'dir',
    'output',
    'from',
    'to',
    'write',
    'mainline',
    'environment',
    'package',
  ] as const) {
    if (values[name] === '') {
      throw new UsageError(
        `--${name} was given an empty value. Give a value, e.g. ${EMPTY_EXAMPLES[name]}, or leave the option out. ` +
          'Run "release-policy --help" for usage.',
      );
    }
  }
  if ((values.line ?? []).includes('')) {
    throw new UsageError(
      `--line was given an empty value. Give a value, e.g. ${EMPTY_EXAMPLES.line}, or leave the option out. ` +
        'Run "release-policy --help" for usage.',
    );
  }
  if (positionals.slice(1).includes('')) {
    throw new UsageError(
      `"${positionals[0]}" was given an empty argument. Give a value, e.g. release-policy branch feature/CHG-1234-add-login, ` +
        'or leave it out to check the current branch. Run "release-policy --help" for usage.',
    );
  }
  // Checked now, so a malformed value fails before anything runs, also when no check needs the API.
  if (values.repo !== undefined) loadRepositoryOption(values.repo);
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    policy: values.policy,
    json: values.json ?? false,
    cwd: values.cwd,
    base: values.base,
    branch: values.branch,
    repo: values.repo,
    releaseType: values['release-type'],
    force: values.force ?? false,
    docs: values.docs ?? false,
    dir: values.dir,
    output: values.output,
    help: values.help ?? false,
    version: values.version ?? false,
    from: values.from,
    to: values.to,
    write: values.write,
    ...(values.all === true ? { all: true } : {}),
    ...(values.package === undefined ? {} : { package: values.package }),
    mainline: values.mainline,
    lines: values.line ?? [],
    environment: values.environment,
  };
}

/** The help text. */
export function renderHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: release-policy <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d}`),
    '',
    'Commands and their arguments:',
    ...USAGES.map(([c, usage, note]) =>
      `  ${c.padEnd(width)} ${note ? `${usage.padEnd(31)} ${note}` : usage}`.trimEnd(),
    ),
    '',
    'Options:',
    '  -p, --policy FILE  policy file (default: .github/release-policy.yml if present,',
    '                     else the embedded default policy)',
    '  -C, --cwd DIR      repository to check (default: the current directory)',
    '      --repo O/NAME  repository on GitHub (OWNER/NAME) for checks that need the API;',
    '                     default: the origin remote. Token: GITHUB_TOKEN or GH_TOKEN',
    '  -e, --environment NAME  the environment promote and history are about',
    '      --json         machine-readable output: { "ok", "findings": [...], ... }',
    '  -h, --help         this help',
    '  -v, --version      the version of release-policy',
    '',
    'Exit codes: 0 passed, 1 policy failures, 2 usage or configuration error.',
    'Documentation: docs/cli.md',
  ].join('\n');
}

const EMPTY_EXAMPLES = {
  policy: '--policy .github/release-policy.yml',
  cwd: '-C ../service',
  base: '--base main',
  branch: '--branch feature/CHG-1234-add-login',
  repo: '--repo octo-org/service',
  'release-type': '--release-type minor',
  dir: '--dir ../service',
  output: '--output .github/release-policy.yml',
  from: '--from v1.3.0',
  to: '--to v1.4.0',
  write: '--write CHANGELOG.md',
  mainline: '--mainline main',
  environment: '--environment production',
  line: '--line 3.5.x',
  package: '--package api',
  version: '--version 1.4.0',
} as const;

type OptionName = keyof typeof OPTIONS;

/** The options that take a value, long and short, as written on the command line. */
export function listValueOptions(): Set<string> {
  const taking = new Set<string>();
  for (const [name, spec] of Object.entries(OPTIONS)) {
    if (spec.type !== 'string') continue;
    taking.add(`--${name}`);
    if ('short' in spec) taking.add(`-${spec.short}`);
  }
  return taking;
}

/**
 * Unknown short options (`-c`) get the option they were probably meant to be
 * (`-C`, the same letter in the other case) and the list of short options,
 * instead of the argument parser's own wording. The value after an option
 * that takes one is skipped: `--base -x` is the parser's case.
 */
function checkShortOptions(argv: readonly string[]): void {
  const shorts = new Map<string, OptionName>();
  for (const [name, spec] of Object.entries(OPTIONS)) {
    if ('short' in spec) shorts.set(spec.short, name as OptionName);
  }
  const taking = listValueOptions();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') return;
    if (taking.has(arg)) {
      i += 1;
      continue;
    }
    if (!/^-[^-]/.test(arg)) continue;
    for (const letter of arg.slice(1)) {
      if (shorts.has(letter)) {
        // A short option that takes a value ends the group: the rest is its value (-Capp).
        if (taking.has(`-${letter}`)) break;
        continue;
      }
      const near = [...shorts.keys()].find((s) => s.toLowerCase() === letter.toLowerCase());
      const listed = [...shorts].map(([s, name]) => `-${s} (--${name})`).join(', ');
      throw new UsageError(
        `Unknown option ${quoteValue(`-${letter}`)}.` +
          (near ? ` Did you mean "-${near}" (--${shorts.get(near)})?` : '') +
          ` Short options: ${listed}. Run "release-policy --help" for usage.`,
      );
    }
  }
}

/** The argument parser's complaint in our words: which option lacks or refuses a value. */
function describeParseError(error: unknown, argv: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-\w, )?(--[\w-]+)/.exec(message)?.[2];
  if (option && /argument missing|argument is ambiguous/.test(message)) {
    const name = option.slice(2);
    const example =
      name in EMPTY_EXAMPLES ? EMPTY_EXAMPLES[name as keyof typeof EMPTY_EXAMPLES] : option;
    return (
      `${option} needs a value, e.g. ${example}. ` +
      `A value that starts with "-" is written with "=", e.g. ${option}=-x.`
    );
  }
  if (option && /does not take an argument/.test(message)) {
    return `${option} is a switch and takes no value: write ${option} alone, not ${quoteValue(argv.find((a) => a.startsWith(`${option}=`)) ?? option)}.`;
  }
  return `${message.replace(/\.?$/, '.')}`;
}

/** Unknown long options get a "did you mean" before the generic parser error. */
function checkLongOptions(argv: readonly string[]): void {
  const names = Object.keys(OPTIONS);
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] ?? '';
    if (names.includes(name)) continue;
    const near = suggestCommand(name, names);
    throw new UsageError(
      `Unknown option ${quoteValue(`--${name}`)}.${near ? ` Did you mean "--${near}"?` : ''} ` +
        `Options: ${names.map((n) => `--${n}`).join(', ')}. Run "release-policy --help" for usage.`,
    );
  }
}
