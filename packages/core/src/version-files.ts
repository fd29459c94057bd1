import type { VersionFileSpec } from './config/schema.js';
import { escapeInvisible } from './text.js';
import type { VersionFileProblem, VersionSource } from './facts.js';

/** How a version file is read. `auto` picks by file name. */
export type VersionFileFormat = 'auto' | 'json' | 'text' | 'toml';

/** The version found in a file, with where its text starts (1-based). */
export interface VersionFound {
  ok: true;
  /** The version text exactly as written (quotes removed, nothing else changed). */
  value: string;
  line: number;
  column: number;
}

/** Why no version could be read from a file. */
export interface VersionNotFound {
  ok: false;
  /** `unreadable`: the file does not parse; `no-version`: it parses but declares no version. */
  problem: 'unreadable' | 'no-version';
  /** What went wrong, for people. */
  detail: string;
  line?: number;
  column?: number;
  /** True when the text does not parse in its format (see `VersionFileProblem.syntax`). */
  syntax?: boolean;
  /**
   * True when the file parses but has no version field at all (no top-level
   * `"version"`, no `version` key in the TOML tables, an empty text file), as
   * opposed to a version field of the wrong kind. An optional file is then skipped.
   */
  absent?: boolean;
}

export type VersionFileRead = VersionFound | VersionNotFound;

/** TOML tables whose `version` key declares the version, in the order they are preferred. */
export const TOML_VERSION_TABLES = ['package', 'project', 'tool.poetry', 'workspace.package'];

/**
 * Explains why a version-file path could leave the repository (absolute, a
 * `..` segment, a NUL character), or returns undefined for a plain relative
 * path. The one check of such paths: the policy loader reports it as a
 * policy problem, and the git adapter refuses to read the file.
 */
export function explainVersionFilePath(path: string): string | undefined {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
    return 'is absolute, so it could read a file outside the repository';
  }
  if (path.split(/[\\/]/).includes('..')) {
    return 'contains "..", so it could read a file outside the repository';
  }
  return undefined;
}

/**
 * Picks the reader for a file name: `*.json` -> json, `*.toml` -> toml,
 * anything else (`VERSION`, `*.txt`) -> text.
 */
export function detectVersionFileFormat(path: string): 'json' | 'text' | 'toml' {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.toml')) return 'toml';
  return 'text';
}

/** Returns the 1-based line and column of a UTF-16 offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Skips a JSON string starting at the opening quote; returns the offset after the closing quote. */
function skipJsonString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i += 1;
  }
  return i;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}

/**
 * Reads the top-level `"version"` of a JSON document. `JSON.parse` validates
 * and decodes; a small scan over the already-valid text finds where the last
 * top-level `"version"` value starts (the one `JSON.parse` keeps).
 */
function readJson(text: string): VersionFileRead {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed.problem;
  return checkJsonVersion(text, parsed.doc, scanTopLevelVersionKeys(text));
}

/** Parses JSON text whose top level must be an object. */
function parseJsonObject(
  text: string,
): { ok: true; doc: Record<string, unknown> } | { ok: false; problem: VersionNotFound } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const detail = `not valid JSON: ${describeJsonSyntaxError((error as Error).message)}`;
    return { ok: false, problem: { ok: false, problem: 'unreadable', detail, syntax: true } };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const detail = `the document is ${describeJson(doc)}, not an object`;
    return { ok: false, problem: { ok: false, problem: 'no-version', detail } };
  }
  return { ok: true, doc: doc as Record<string, unknown> };
}

/**
 * Describes a `JSON.parse` error on one line. V8 quotes a raw piece of the
 * file (`Unexpected token 'x', "{\n::error:"... is not valid JSON`), line
 * breaks included, and a line of file content must never start a line of
 * output (a runner reads `::error::` at a line's start as a command): the
 * piece is JSON-quoted like every other untrusted value, and any other
 * control character escaped.
 */
function describeJsonSyntaxError(message: string): string {
  const quoted = /^([\s\S]*?), (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  const text = quoted
    ? `${quoted[1] ?? ''} at ${quoted[2] ?? ''}${JSON.stringify(quoted[3] ?? '')}${quoted[4] ?? ''}`
    : message;
  return escapeInvisible(text, { singleLine: true });
}

/** Where the top-level `"version"` keys of valid JSON text stand. */
interface VersionKeyScan {
  /** The offset of each top-level `"version"` key, in order. */
  keys: number[];
  /** The offset where the last one's value starts; -1 when there is none. */
  valueAt: number;
}

function scanTopLevelVersionKeys(text: string): VersionKeyScan {
  const scan: VersionKeyScan = { keys: [], valueAt: -1 };
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"') {
      const end = skipJsonString(text, i);
      if (depth === 1 && expectKey && JSON.parse(text.slice(i, end)) === 'version') {
        scan.keys.push(i);
        scan.valueAt = skipToJsonValue(text, end);
      }
      expectKey = false;
      i = end;
      continue;
    }
    if (c === '{' || c === '[') {
      depth += 1;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      expectKey = false;
    } else if (c === ',') {
      expectKey = depth === 1;
    } else if (!/\s/.test(c as string)) {
      expectKey = false;
    }
    i += 1;
  }
  return scan;
}

/** From the end of a key, skips the `:` and the spaces after it: where the value starts. */
function skipToJsonValue(text: string, keyEnd: number): number {
  let j = keyEnd;
  while (j < text.length && text[j] !== ':') j += 1;
  j += 1;
  while (j < text.length && /\s/.test(text[j] as string)) j += 1;
  return j;
}

/** Checks that the object declares exactly one top-level `"version"`, a string. */
function checkJsonVersion(
  text: string,
  doc: Record<string, unknown>,
  { keys, valueAt }: VersionKeyScan,
): VersionFileRead {
  if (!Object.hasOwn(doc, 'version') || valueAt === -1) {
    return {
      ok: false,
      problem: 'no-version',
      detail: 'no top-level "version" field',
      absent: true,
    };
  }
  if (keys.length > 1) {
    const first = positionOf(text, keys[0] as number);
    return {
      ok: false,
      problem: 'unreadable',
      detail:
        `the top-level "version" key appears ${keys.length} times (the first at line ${first.line}, column ${first.column}), ` +
        'so which version the file declares is ambiguous (JSON readers differ: most keep the last). ' +
        'Keep exactly one top-level "version" key',
      ...positionOf(text, keys[1] as number),
    };
  }
  const value = doc.version;
  const pos = positionOf(text, valueAt);
  if (typeof value !== 'string') {
    return {
      ok: false,
      problem: 'no-version',
      detail: `the top-level "version" is ${describeJson(value)}, expected a string like "1.2.3"`,
      ...pos,
    };
  }
  return { ok: true, value, line: pos.line, column: pos.column + 1 };
}

/** Reads a TOML basic (`"..."`) or literal (`'...'`) string at `start`; undefined when it is neither. */
function readTomlString(line: string, start: number): { value: string; end: number } | undefined {
  const quote = line[start];
  if (quote !== '"' && quote !== "'") return undefined;
  if (line.startsWith(quote.repeat(3), start)) return undefined;
  let i = start + 1;
  while (i < line.length && line[i] !== quote) i += quote === '"' && line[i] === '\\' ? 2 : 1;
  if (i >= line.length) return undefined;
  const raw = line.slice(start + 1, i);
  if (quote === "'") return { value: raw, end: i + 1 };
  try {
    return { value: JSON.parse(`"${raw}"`) as string, end: i + 1 };
  } catch {
    return undefined;
  }
}

/** Normalises a TOML key path: `tool . "poetry"` -> `tool.poetry`. */
function normaliseTomlKey(key: string): string {
  return key
    .split('.')
    .map((part) => part.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2'))
    .join('.');
}

/**
 * Reads `version = "..."` under `[package]`, `[project]`, `[tool.poetry]` or
 * `[workspace.package]`, or a root `package.version = "..."` style dotted key.
 * A line-based reader, not a TOML parser: multi-line strings, inline tables
 * and keys split over lines are not understood.
 */
function readToml(text: string): VersionFileRead {
  const lines = text.split('\n');
  let table = '';
  let found: { table: string; result: VersionFileRead } | undefined;
  for (let n = 0; n < lines.length; n += 1) {
    const line = (lines[n] as string).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      const array = trimmed.startsWith('[[');
      const close = trimmed.indexOf(array ? ']]' : ']');
      if (close === -1) {
        return {
          ok: false,
          problem: 'unreadable',
          detail: `unclosed table header ${JSON.stringify(trimmed)}`,
          line: n + 1,
          column: 1,
          syntax: true,
        };
      }
      table = array
        ? `[[${normaliseTomlKey(trimmed.slice(2, close))}]]`
        : normaliseTomlKey(trimmed.slice(1, close));
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = normaliseTomlKey(line.slice(0, eq));
    const full = table === '' ? key : `${table}.${key}`;
    const owner = TOML_VERSION_TABLES.find((t) => full === `${t}.version`);
    if (
      !owner ||
      (found && TOML_VERSION_TABLES.indexOf(found.table) <= TOML_VERSION_TABLES.indexOf(owner))
    ) {
      continue;
    }
    let start = eq + 1;
    while (line[start] === ' ' || line[start] === '\t') start += 1;
    const str = readTomlString(line, start);
    const pos = { line: n + 1, column: start + 1 };
    const result: VersionFileRead = str
      ? { ok: true, value: str.value, line: pos.line, column: pos.column + 1 }
      : {
          ok: false,
          problem: 'no-version',
          detail: `[${owner}] "version" is ${JSON.stringify(line.slice(start).trim())}, expected a one-line string like "1.2.3"`,
          ...pos,
        };
    found = { table: owner, result };
  }
  if (found) return found.result;
  return {
    ok: false,
    problem: 'no-version',
    detail: `no "version" key under ${TOML_VERSION_TABLES.map((t) => `[${t}]`).join(', ')}`,
    absent: true,
  };
}

/** The first non-empty line, trimmed; its column is where the text starts. */
function readText(text: string): VersionFileRead {
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n += 1) {
    const line = (lines[n] as string).replace(/\r$/, '');
    const value = line.trim();
    if (value === '') continue;
    return { ok: true, value, line: n + 1, column: line.indexOf(value) + 1 };
  }
  return { ok: false, problem: 'no-version', detail: 'the file is empty', absent: true };
}

/**
 * Reads the declared version from a file's text. Pure: the caller reads the
 * file. Positions are 1-based and point at the first character of the
 * version text (inside the quotes). A leading byte-order mark is ignored.
 *
 * - json: the top-level `"version"` string.
 * - toml: `version = "..."` under `[package]`, `[project]`, `[tool.poetry]` or
 *   `[workspace.package]` (line-based; see `readToml` for its limits).
 * - text: the first non-empty line, trimmed.
 * - auto: by file name (see `detectVersionFileFormat`).
 *
 * The value is returned as written; whether it is valid SemVer is the
 * `version-format` rule's business.
 */
export function readVersionFromText(
  path: string,
  text: string,
  format: VersionFileFormat,
): VersionFileRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const effective = format === 'auto' ? detectVersionFileFormat(path) : format;
  if (effective === 'json') return readJson(body);
  if (effective === 'toml') return readToml(body);
  return readText(body);
}

/**
 * Turns one policy version file into a source or a problem, so every adapter
 * reports files the same way. `text` is `undefined` when the file does not
 * exist. An optional file that is missing, or that has no version field at
 * all (a private app's or a monorepo root's package.json), yields neither; a
 * version field of the wrong kind, or a file that does not parse, is a
 * problem even when the file is optional.
 */
export function collectFileVersionSource(
  spec: VersionFileSpec,
  text: string | undefined,
): { source?: VersionSource; problem?: VersionFileProblem } {
  if (text === undefined) {
    return spec.optional ? {} : { problem: { file: spec.path, problem: 'missing' } };
  }
  const read = readVersionFromText(spec.path, text, spec.format);
  if (!read.ok) {
    if (read.absent && spec.optional) return {};
    const problem: VersionFileProblem = {
      file: spec.path,
      problem: read.problem,
      detail: read.detail,
    };
    if (read.line !== undefined) problem.line = read.line;
    if (read.column !== undefined) problem.column = read.column;
    if (read.syntax) problem.syntax = true;
    return { problem };
  }
  const format = spec.format === 'auto' ? detectVersionFileFormat(spec.path) : spec.format;
  const what = format === 'json' ? ' "version"' : format === 'toml' ? ' version' : '';
  return {
    source: {
      kind: 'file',
      value: read.value,
      file: spec.path,
      line: read.line,
      column: read.column,
      label: `${spec.path}${what}`,
    },
  };
}
