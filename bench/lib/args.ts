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
  /** Timed rounds of the history section (`--rounds=N`), at any size; its default when absent. */
  rounds?: number;
}

/** A bad command line; the message names the argument and the expected form. */
export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchUsageError';
  }
}

/** The most timed rounds `--rounds` takes: a typo (110 for 11) would run for hours. */
export const MAX_ROUNDS = 50;

/**
 * Parses `--only=cold,api,core,history,audit,changelog,patches`, `--quick`, `--cli=DIR` (a CLI
 * bundle built elsewhere, e.g. to measure a change before the committed
 * bundle is rebuilt) and `--rounds=N` (the history section's timed rounds).
 * Collects every problem and throws one {@link BenchUsageError} listing them all.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let sections: Section[] = [...SECTIONS];
  let quick = false;
  let cli: string | undefined;
  let rounds: number | undefined;
  const problems: string[] = [];
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--cli=') && arg.length > '--cli='.length)
      cli = arg.slice('--cli='.length);
    else if (arg.startsWith('--rounds=')) {
      const text = arg.slice('--rounds='.length);
      const n = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
      if (n >= 1 && n <= MAX_ROUNDS) rounds = n;
      else
        problems.push(
          `${JSON.stringify(arg.slice(0, 80))} is not a number of rounds; expected a whole number from 1 to ${MAX_ROUNDS}, e.g. --rounds=3`,
        );
    } else if (arg.startsWith('--only=')) {
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
        `unknown argument ${JSON.stringify(arg.slice(0, 80))}; expected --only=<sections>, --quick, --cli=<folder of the CLI bundle> or --rounds=<N>`,
      );
    }
  }
  if (problems.length > 0) {
    throw new BenchUsageError(
      `The bench command line has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ` +
        `${problems.join('; ')}. See bench/README.md#options`,
    );
  }
  return {
    sections,
    quick,
    ...(cli === undefined ? {} : { cli }),
    ...(rounds === undefined ? {} : { rounds }),
  };
}
