/**
 * Command-line options of `npm run bench`.
 */

/** The parts of the bench, in the order they run. */
export const SECTIONS = [
  'cold',
  'api',
  'core',
  'history',
  'audit',
  'changelog',
  'patches',
] as const;
export type Section = (typeof SECTIONS)[number];

/** What the command line asked for. */
export interface BenchArgs {
  sections: Section[];
  /** Smaller inputs and fewer rounds, to try the harness; numbers are not comparable. */
  quick: boolean;
  /** The CLI bundle folder the history section runs (`--cli=DIR`); `packages/cli/dist` when absent. */
  cli?: string;
}

/** A bad command line; the message names the argument and the expected form. */
export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchUsageError';
  }
}

/**
 * Parses `--only=cold,api,core,history,audit,changelog,patches`, `--quick` and `--cli=DIR` (a CLI
 * bundle built elsewhere, e.g. to measure a change before the committed
 * bundle is rebuilt). Collects every problem and
 * throws one {@link BenchUsageError} listing them all.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let sections: Section[] = [...SECTIONS];
  let quick = false;
  let cli: string | undefined;
  const problems: string[] = [];
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--cli=') && arg.length > '--cli='.length)
      cli = arg.slice('--cli='.length);
    else if (arg.startsWith('--only=')) {
      const asked = arg
        .slice('--only='.length)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (unknown.length > 0 || asked.length === 0) {
        problems.push(
          `${JSON.stringify(arg)} names ${unknown.length > 0 ? `unknown sections ${JSON.stringify(unknown.join(','))}` : 'no section'}; ` +
            `expected a comma-separated list of ${SECTIONS.join(', ')}, e.g. --only=core`,
        );
      } else {
        sections = SECTIONS.filter((s) => asked.includes(s));
      }
    } else {
      problems.push(
        `unknown argument ${JSON.stringify(arg.slice(0, 80))}; expected --only=<sections>, --quick or --cli=<folder of the CLI bundle>`,
      );
    }
  }
  if (problems.length > 0) {
    throw new BenchUsageError(
      `The bench command line has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ` +
        `${problems.join('; ')}. See bench/README.md#options`,
    );
  }
  return cli === undefined ? { sections, quick } : { sections, quick, cli };
}
