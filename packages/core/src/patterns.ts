/**
 * Branch name patterns: literal text plus typed placeholders such as
 * `feature/{ticket}-{slug}`. Patterns are compiled here into a small
 * automaton; no user-supplied regular expression ever runs, and matching a
 * name costs at most (pattern states × name length) steps.
 */
import { ReleasePolicyError } from './errors.js';
import { measureEditDistance } from './config/did-you-mean.js';

/** Where branch patterns are documented. */
const PATTERN_DOCS = 'docs/policy.md#branches';

/** Names longer than this are never matched (git hosts reject them anyway). */
export const MAX_BRANCH_NAME_LENGTH = 255;

/** Every placeholder a pattern may use, in documentation order. */
export const PLACEHOLDERS = [
  'major',
  'minor',
  'patch',
  'version',
  'ticket',
  'slug',
  'rest',
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** One line per placeholder: what it accepts, with an example. */
export const PLACEHOLDER_DESCRIPTIONS: Readonly<Record<PlaceholderName, string>> = {
  major: '{major} is a whole number without leading zeros, e.g. "1"',
  minor: '{minor} is a whole number without leading zeros, e.g. "4"',
  patch: '{patch} is a whole number without leading zeros, e.g. "3"',
  version: '{version} is a SemVer version without "v", e.g. "1.4.3" or "2.0.0-rc.1"',
  ticket: '{ticket} is an upper-case key, a dash and a number, e.g. "CHG-1234"',
  slug: '{slug} is lower-case letters and digits in words joined by single "-", "." or "_", e.g. "add-login"',
  rest: '{rest} is any non-empty text allowed in a git branch name, e.g. "npm_and_yarn/semver-7.7.0"',
};

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
  const close = PLACEHOLDERS.map((p) => ({ p, d: measureEditDistance(name.toLowerCase(), p) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  const hint = close ? `did you mean {${close.p}}? ` : '';
  return `unknown placeholder ${JSON.stringify(`{${name.slice(0, 40)}}`)}; ${hint}known placeholders are ${known}`;
}

const FORBIDDEN_CHARS: ReadonlyArray<[string, string]> = [
  ['~', 'a tilde "~"'],
  ['^', 'a caret "^"'],
  [':', 'a colon ":"'],
  ['?', 'a question mark "?"'],
  ['*', 'an asterisk "*"'],
  ['[', 'an opening bracket "["'],
  ['\\', 'a backslash "\\"'],
];

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
  for (const [ch, label] of FORBIDDEN_CHARS) {
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
// Automaton: an expression tree compiled backwards into states, then matched
// by memoised backtracking (each state/position pair is explored at most once).

type Test = (c: number) => boolean;
type Expr =
  | { t: 'lit'; text: string }
  | { t: 'cls'; test: Test }
  | { t: 'seq'; items: Expr[] }
  | { t: 'alt'; items: Expr[] }
  | { t: 'opt'; item: Expr }
  | { t: 'star'; item: Expr }
  | { t: 'cap'; slot: number; item: Expr };
type State =
  | { k: 'char'; test: Test; next: number }
  | { k: 'split'; first: number; second: number }
  | { k: 'save'; slot: number; next: number }
  | { k: 'match' };

const lit = (text: string): Expr => ({ t: 'lit', text });
const cls = (test: Test): Expr => ({ t: 'cls', test });
const seq = (...items: Expr[]): Expr => ({ t: 'seq', items });
const alt = (...items: Expr[]): Expr => ({ t: 'alt', items });
const opt = (item: Expr): Expr => ({ t: 'opt', item });
const star = (item: Expr): Expr => ({ t: 'star', item });
const plus = (item: Expr): Expr => seq(item, star(item));
const upTo = (item: Expr, n: number): Expr => (n === 0 ? seq() : opt(seq(item, upTo(item, n - 1))));
const listOf = (item: Expr, sep: string): Expr => seq(item, star(seq(lit(sep), item)));

const isDigit: Test = (c) => c >= 48 && c <= 57;
const isNonZeroDigit: Test = (c) => c >= 49 && c <= 57;
const isLower: Test = (c) => c >= 97 && c <= 122;
const isUpper: Test = (c) => c >= 65 && c <= 90;
const isIdentifier: Test = (c) => isDigit(c) || isLower(c) || isUpper(c) || c === 45;
const isSlugSeparator: Test = (c) => c === 45 || c === 46 || c === 95;
const REF_FORBIDDEN = new Set([...'~^:?*[\\'].map((c) => c.charCodeAt(0)));
const isRefChar: Test = (c) => c > 32 && c !== 127 && !REF_FORBIDDEN.has(c);

const integer = alt(lit('0'), seq(cls(isNonZeroDigit), upTo(cls(isDigit), 8)));
const identifiers = listOf(plus(cls(isIdentifier)), '.');

function placeholderExpr(name: PlaceholderName, ticketKeys: readonly string[]): Expr {
  switch (name) {
    case 'major':
    case 'minor':
    case 'patch':
      return integer;
    case 'version':
      return seq(
        integer,
        lit('.'),
        integer,
        lit('.'),
        integer,
        opt(seq(lit('-'), identifiers)),
        opt(seq(lit('+'), identifiers)),
      );
    case 'ticket': {
      const key =
        ticketKeys.length > 0
          ? alt(...ticketKeys.map(lit))
          : seq(
              cls(isUpper),
              upTo(
                cls((c) => isUpper(c) || isDigit(c)),
                19,
              ),
            );
      return seq(key, lit('-'), cls(isNonZeroDigit), upTo(cls(isDigit), 9));
    }
    case 'slug':
      return seq(
        plus(cls((c) => isLower(c) || isDigit(c))),
        star(seq(cls(isSlugSeparator), plus(cls((c) => isLower(c) || isDigit(c))))),
      );
    case 'rest':
      return plus(cls(isRefChar));
  }
}

function emit(expr: Expr, next: number, states: State[]): number {
  const push = (s: State): number => states.push(s) - 1;
  switch (expr.t) {
    case 'lit': {
      let at = next;
      for (let i = expr.text.length - 1; i >= 0; i -= 1) {
        const code = expr.text.charCodeAt(i);
        at = push({ k: 'char', test: (c) => c === code, next: at });
      }
      return at;
    }
    case 'cls':
      return push({ k: 'char', test: expr.test, next });
    case 'seq':
      return expr.items.reduceRight((at, item) => emit(item, at, states), next);
    case 'alt': {
      const [head, ...tail] = expr.items;
      if (!head) return next;
      if (tail.length === 0) return emit(head, next, states);
      const first = emit(head, next, states);
      return push({ k: 'split', first, second: emit(alt(...tail), next, states) });
    }
    case 'opt':
      return push({ k: 'split', first: emit(expr.item, next, states), second: next });
    case 'star': {
      const loop: State = { k: 'split', first: -1, second: next };
      const at = push(loop);
      loop.first = emit(expr.item, at, states);
      return at;
    }
    case 'cap': {
      const end = push({ k: 'save', slot: expr.slot * 2 + 1, next });
      return push({ k: 'save', slot: expr.slot * 2, next: emit(expr.item, end, states) });
    }
  }
}

/** Runs the automaton; returns capture positions, or undefined. O(states × length). */
function runAutomaton(states: readonly State[], start: number, name: string, slots: number) {
  const width = name.length + 1;
  const visited = new Uint8Array(states.length * width);
  const captures = new Array<number>(slots * 2).fill(-1);
  const visit = (s: number, i: number): boolean => {
    const key = s * width + i;
    if (visited[key]) return false;
    visited[key] = 1;
    const state = states[s] as State;
    switch (state.k) {
      case 'match':
        return i === name.length;
      case 'char':
        return i < name.length && state.test(name.charCodeAt(i)) && visit(state.next, i + 1);
      case 'split':
        return visit(state.first, i) || visit(state.second, i);
      case 'save':
        if (!visit(state.next, i)) return false;
        captures[state.slot] = i;
        return true;
    }
  };
  return visit(start, 0) ? captures : undefined;
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
  const compiled: CompiledPattern = {
    source: pattern,
    placeholders: [...placeholders],
    prefix: prefixTokens.map((t) => (t.kind === 'literal' ? t.text : '')).join(''),
    example: '',
    match(name: string): PatternMatch | undefined {
      if (name.length > MAX_BRANCH_NAME_LENGTH) return undefined;
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
