import type { PlaceholderName } from './placeholders.js';

// Automaton: an expression tree compiled backwards into states, then matched
// by memoised backtracking (each state/position pair is explored at most once).

type Test = (c: number) => boolean;
export type Expr =
  | { t: 'lit'; text: string }
  | { t: 'cls'; test: Test }
  | { t: 'seq'; items: Expr[] }
  | { t: 'alt'; items: Expr[] }
  | { t: 'opt'; item: Expr }
  | { t: 'star'; item: Expr }
  | { t: 'cap'; slot: number; item: Expr };
export type State =
  | { k: 'char'; test: Test; next: number }
  | { k: 'split'; first: number; second: number }
  | { k: 'save'; slot: number; next: number }
  | { k: 'match' };

export const lit = (text: string): Expr => ({ t: 'lit', text });
const cls = (test: Test): Expr => ({ t: 'cls', test });
export const seq = (...items: Expr[]): Expr => ({ t: 'seq', items });
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

export function placeholderExpr(name: PlaceholderName, ticketKeys: readonly string[]): Expr {
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

export function emit(expr: Expr, next: number, states: State[]): number {
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

/**
 * Visited marks, shared by every run: a cell is visited when it holds the
 * current stamp, so a run needs neither a fresh buffer nor a clearing pass.
 */
let marks = new Uint32Array(0);
let stamp = 0;

/** Runs the automaton; returns capture positions, or undefined. O(states × length). */
export function runAutomaton(states: readonly State[], start: number, name: string, slots: number) {
  const width = name.length + 1;
  const size = states.length * width;
  if (marks.length < size) marks = new Uint32Array(Math.max(size, marks.length * 2));
  stamp += 1;
  if (stamp === 0xffffffff) {
    marks.fill(0);
    stamp = 1;
  }
  const visited = marks;
  const current = stamp;
  const captures = new Array<number>(slots * 2).fill(-1);
  const visit = (s: number, i: number): boolean => {
    const key = s * width + i;
    if (visited[key] === current) return false;
    visited[key] = current;
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
