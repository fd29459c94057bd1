/**
 * Invisible characters in names: a zero-width space, a bidirectional control
 * or any other format character (Unicode category Cf) makes a mainline name,
 * kind name, pattern or ticket key differ from the one it looks like.
 */
import type { ConfigIssue } from '../errors.js';
import { quoteValue } from '../text.js';
import {
  anchorFor,
  escapeFormatCharacters,
  formatPath,
  seeDocs,
  type PathSegment,
} from './messages.js';
import type { IssueContext } from './zod-issues.js';
import { readAt } from './zod-issues.js';

const FORMAT_CHARACTER = /\p{Cf}/u;

/** Names of the format characters most often met in copied text. */
const CHARACTER_NAMES = new Map<number, string>([
  [0x00ad, 'SOFT HYPHEN'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** `U+200B (ZERO WIDTH SPACE)`, or `U+XXXX` for a character without a listed name. */
export function describeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES.get(code);
  return name === undefined ? hex : `${hex} (${name})`;
}

/** JSON-quotes a value with its format characters written as `\uXXXX`, so a reader sees them. */
function showInvisible(value: string): string {
  return escapeFormatCharacters(quoteValue(value));
}

/** One name to check: where it is, and whether it is a mapping key (a kind name). */
interface NameSite {
  path: PathSegment[];
  text: string;
  isKey: boolean;
  /** What the name is, for the message: `mainline`, `the kind name`. */
  noun: string;
  example: string;
}

function listNameSites(value: unknown): NameSite[] {
  const sites: NameSite[] = [];
  const mainline = readAt(value, ['mainline']);
  if (typeof mainline === 'string') {
    sites.push({
      path: ['mainline'],
      text: mainline,
      isKey: false,
      noun: 'mainline',
      example: 'mainline: main',
    });
  }
  const keys = readAt(value, ['branches', 'ticket-keys']);
  if (Array.isArray(keys)) {
    keys.forEach((key: unknown, index) => {
      if (typeof key !== 'string') return;
      const path = ['branches', 'ticket-keys', index];
      sites.push({
        path,
        text: key,
        isKey: false,
        noun: formatPath(path),
        example: 'ticket-keys: [CHG]',
      });
    });
  }
  const kinds = readAt(value, ['branches', 'kinds']);
  if (kinds === null || typeof kinds !== 'object' || Array.isArray(kinds)) return sites;
  for (const kind of Object.keys(kinds)) {
    const path = ['branches', 'kinds', kind];
    sites.push({ path, text: kind, isKey: true, noun: 'the kind name', example: 'feature:' });
    const patterns = readAt(value, [...path, 'patterns']);
    if (!Array.isArray(patterns)) continue;
    patterns.forEach((pattern: unknown, index) => {
      if (typeof pattern !== 'string') return;
      const at = [...path, 'patterns', index];
      sites.push({
        path: at,
        text: pattern,
        isKey: false,
        noun: formatPath(at),
        example: '"feature/{slug}"',
      });
    });
  }
  return sites;
}

/**
 * Reports the first format character of each mainline name, kind name,
 * pattern and ticket key, at its own column when the text is written as is.
 */
export function checkInvisibleCharacters(ctx: IssueContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const site of listNameSites(ctx.value)) {
    const match = FORMAT_CHARACTER.exec(site.text);
    if (match === null) continue;
    const start = ctx.source.locate(site.path, site.isKey ? 'key' : 'value');
    const written = site.isKey ? site.text : (ctx.source.sourceOf(site.path) ?? '');
    const inSource = written.indexOf(match[0]);
    const column = inSource === -1 ? start.column : start.column + inSource;
    issues.push({
      file: ctx.file,
      line: start.line,
      column,
      path: formatPath(site.path),
      message:
        `${site.noun} ${showInvisible(site.text)} contains the invisible character ` +
        `${describeCodePoint(match[0])}, so it differs from the name it looks like. Remove ` +
        `it; names hold visible characters only, for example: ${site.example}. ` +
        seeDocs(site.path[0] === 'mainline' ? anchorFor(site.path) : 'encoding'),
    });
  }
  return issues;
}
