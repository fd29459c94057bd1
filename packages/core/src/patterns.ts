/**
 * Branch name patterns: literal text plus typed placeholders such as
 * `feature/{ticket}-{slug}`. Patterns are compiled here into a small
 * automaton; no user-supplied regular expression ever runs, and matching a
 * name costs at most (pattern states × name length) steps.
 */
import { ReleasePolicyError } from './errors.js';
import { quoteValue } from './text.js';
import { FORBIDDEN_REF_CHARS } from './branch-name-rules.js';
import { findClosest } from './config/did-you-mean.js';

import {
  emit,
  lit,
  placeholderExpr,
  runAutomaton,
  seq,
  type Expr,
  type State,
} from './pattern-automaton.js';
import { PLACEHOLDERS, type PlaceholderName } from './placeholders.js';

export { PLACEHOLDERS, PLACEHOLDER_DESCRIPTIONS, type PlaceholderName } from './placeholders.js';

/** Where branch patterns are documented. */
const PATTERN_DOCS = 'docs/policy.md#branches';

/** Names longer than this are never matched (git hosts reject them anyway). */
export const MAX_BRANCH_NAME_LENGTH = 255;

/** What a successful match captured, by placeholder. Numbers are parsed. */
export interface PatternMatch {
  major?: number;
  minor?: number;
  patch?: number;
  version?: string;
  ticket?: string;
  slug?: string;
  rest?: string;
}

/** A pattern ready to match branch names. */
export interface CompiledPattern {
  /** The pattern as written, e.g. `release/{major}.{minor}`. */
  source: string;
  /** Placeholder names in the order they appear. */
  placeholders: string[];
  /** The literal text before the first placeholder (`release/`); the whole pattern when it has none. */
  prefix: string;
  /** A concrete name this pattern accepts, e.g. `release/1.4`. */
  example: string;
  /** Matches a whole short branch name; undefined when it does not fit or is too long. */
  match(name: string): PatternMatch | undefined;
}

/** Options for {@link compilePattern}. */
export interface CompilePatternOptions {
  /** When non-empty, `{ticket}` accepts only these keys (`CHG` accepts `CHG-12`). */
  ticketKeys?: readonly string[];
}

/** A branch pattern cannot be compiled. `problems` lists every problem found. */
export class PatternError extends ReleasePolicyError {
  /** Printed as `error.type` and `name`; see {@link ReleasePolicyError.type}. */
  static override readonly type = 'PatternError';
  readonly pattern: string;
  readonly problems: readonly string[];
  constructor(pattern: string, problems: readonly string[], options?: { cause?: unknown }) {
    super(
      `Invalid branch pattern ${JSON.stringify(pattern)}: ${problems.join('; ')}. ` +
        `A valid pattern is literal text plus placeholders, e.g. "feature/{ticket}-{slug}" or ` +
        `"release/{major}.{minor}". See ${PATTERN_DOCS}`,
      options,
    );
    this.pattern = pattern;
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------
// Pattern syntax

type Token = { kind: 'literal'; text: string } | { kind: 'placeholder'; name: PlaceholderName };

/** Splits a pattern into literal and placeholder tokens, collecting every problem. */
function tokenize(pattern: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  const seen = new Set<string>();
  let literal = '';
  let open = -1;
  let previous: string | undefined; // the placeholder just closed, until literal text follows
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i] as string;
    if (open < 0) {
      if (c === '{') {
        if (literal) tokens.push({ kind: 'literal', text: literal });
        literal = '';
        open = i;
      } else if (c === '}') {
        problems.push(`"}" at position ${i + 1} has no opening "{"`);
      } else {
        literal += c;
        previous = undefined;
      }
      continue;
    }
    if (c === '{') {
      problems.push(`"{" at position ${open + 1} is not closed before the next "{"`);
      open = i;
    } else if (c === '}') {
      const name = pattern.slice(open + 1, i);
      open = -1;
      if (previous !== undefined) {
        problems.push(
          `{${previous}} and {${name}} need literal text between them, e.g. "{${previous}}.{${name}}"`,
        );
      }
      previous = name;
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        problems.push(describeUnknownPlaceholder(name));
        continue;
      }
      if (seen.has(name)) problems.push(`the placeholder {${name}} appears more than once`);
      seen.add(name);
      tokens.push({ kind: 'placeholder', name: name as PlaceholderName });
    }
  }
  if (open >= 0) problems.push(`"{" at position ${open + 1} is never closed`);
  else if (literal) tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

function describeUnknownPlaceholder(name: string): string {
  const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  const close = findClosest(name, PLACEHOLDERS);
  const hint = close ? `did you mean {${close}}? ` : '';
  return `unknown placeholder ${quoteValue(`{${name}}`, 44)}; ${hint}known placeholders are ${known}`;
}

/** Checks the literal text against git's ref-name rules (see git check-ref-format). */
function checkLiterals(pattern: string, tokens: readonly Token[], problems: string[]): void {
  const literals = tokens.flatMap((t) => (t.kind === 'literal' ? [t.text] : []));
  if (literals.some((l) => /\s/u.test(l))) {
    problems.push('it contains whitespace, which git forbids in branch names');
  }
  // eslint-disable-next-line no-control-regex
  if (literals.some((l) => /[\u0000-\u0008\u000e-\u001f\u007f]/u.test(l))) {
    problems.push('it contains a control character, which git forbids in branch names');
  }
  for (const [ch, label] of FORBIDDEN_REF_CHARS) {
    if (literals.some((l) => l.includes(ch))) {
      problems.push(`it contains ${label}, which git forbids in branch names`);
    }
  }
  if (literals.some((l) => l.includes('..'))) problems.push('it contains "..", which git forbids');
  if (literals.some((l) => l.includes('//'))) problems.push('it contains "//", an empty path part');
  if (pattern.startsWith('/') || pattern.endsWith('/')) {
    problems.push('it starts or ends with "/"; git forbids that');
  }
  if (pattern.startsWith('.') || literals.some((l) => l.includes('/.'))) {
    problems.push('a path part starts with "."; git forbids that');
  }
  if (pattern.endsWith('.')) problems.push('it ends with "."; git forbids that');
  if (pattern.endsWith('.lock') || literals.some((l) => l.includes('.lock/'))) {
    problems.push('a path part ends with ".lock"; git forbids that');
  }
  if (pattern === '@') problems.push('"@" alone is not a valid branch name');
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Compiles a branch pattern such as `feature/{ticket}-{slug}`.
 * Literal text matches itself exactly (a `.` is a dot); placeholders match
 * their typed grammar (see {@link PLACEHOLDER_DESCRIPTIONS}).
 * @throws PatternError listing every problem: empty pattern, unbalanced braces,
 *   unknown or repeated placeholders, adjacent placeholders, characters git forbids.
 */
export function compilePattern(
  pattern: string,
  options: CompilePatternOptions = {},
): CompiledPattern {
  const problems: string[] = [];
  if (pattern.length === 0) {
    throw new PatternError(pattern, ['the pattern is empty']);
  }
  const tokens = tokenize(pattern, problems);
  checkLiterals(pattern, tokens, problems);
  if (problems.length > 0) throw new PatternError(pattern, problems);

  const ticketKeys = options.ticketKeys ?? [];
  const placeholders: PlaceholderName[] = [];
  const expr = seq(
    ...tokens.map((token): Expr => {
      if (token.kind === 'literal') return lit(token.text);
      placeholders.push(token.name);
      const slot = placeholders.length - 1;
      return { t: 'cap', slot, item: placeholderExpr(token.name, ticketKeys) };
    }),
  );
  const states: State[] = [{ k: 'match' }];
  const start = emit(expr, 0, states);
  const firstPlaceholder = tokens.findIndex((t) => t.kind === 'placeholder');
  const prefixTokens = firstPlaceholder < 0 ? tokens : tokens.slice(0, firstPlaceholder);
  const prefix = prefixTokens.map((t) => (t.kind === 'literal' ? t.text : '')).join('');
  const compiled: CompiledPattern = {
    source: pattern,
    placeholders: [...placeholders],
    prefix,
    example: '',
    match(name: string): PatternMatch | undefined {
      // The literal prefix rejects most names before the automaton runs.
      if (name.length > MAX_BRANCH_NAME_LENGTH || !name.startsWith(prefix)) return undefined;
      const captures = runAutomaton(states, start, name, placeholders.length);
      if (!captures) return undefined;
      const result: PatternMatch = {};
      placeholders.forEach((p, slot) => {
        const text = name.slice(captures[slot * 2], captures[slot * 2 + 1]);
        if (p === 'major' || p === 'minor' || p === 'patch') result[p] = Number(text);
        else result[p] = text;
      });
      return result;
    },
  };
  compiled.example = renderPatternExample(compiled, {}, options);
  return compiled;
}

/**
 * Renders a concrete name for a pattern, e.g. `feature/CHG-1234-add-login`.
 * `values` overrides the example values (`{ major: 1, minor: 5 }` gives
 * `release/1.5` and `hotfix/1.5.1`); the ticket key defaults to the first
 * configured key, or `CHG`.
 */
export function renderPatternExample(
  pattern: Pick<CompiledPattern, 'source'>,
  values: PatternMatch = {},
  options: CompilePatternOptions = {},
): string {
  const major = values.major ?? 1;
  const minor = values.minor ?? 4;
  const patch = values.patch ?? (values.major !== undefined ? 1 : 3);
  const text: Record<PlaceholderName, string> = {
    major: String(major),
    minor: String(minor),
    patch: String(patch),
    version: values.version ?? `${major}.${minor}.${patch}`,
    ticket: values.ticket ?? `${options.ticketKeys?.[0] ?? 'CHG'}-1234`,
    slug: values.slug ?? 'add-login',
    rest: values.rest ?? 'npm_and_yarn/semver-7.7.0',
  };
  return pattern.source.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in text ? text[name as PlaceholderName] : whole,
  );
}
