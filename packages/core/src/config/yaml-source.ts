/**
 * Reads the policy YAML keeping positions: syntax errors, duplicate keys,
 * merge keys, trailing commas and alias bombs become positioned issues, and
 * any later issue can be located by its key path.
 */
import {
  Composer,
  LineCounter,
  Parser,
  YAMLParseError,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type CST,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import type { ConfigIssue } from '../errors.js';
import { formatPath, type PathSegment } from './messages.js';
import { deleteAt, findCycle } from './plain-value.js';
import { checkNestingDepth, checkPolicyCharacters, type TextProblem } from './policy-text.js';
import {
  MAX_ALIAS_COUNT,
  aliasMessage,
  cycleMessage,
  duplicateKeyMessage,
  explainYamlError,
  explainYamlWarning,
  findUnquotedBraceValue,
  mergeKeyMessage,
  prototypeKeyMessage,
  trailingCommaMessage,
  unquotedBraceMessage,
} from './yaml-messages.js';

export { MAX_ALIAS_COUNT };

/** A 1-based position in the policy file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The policy file read as YAML, with positions. */
export interface PolicySource {
  /**
   * The plain value of the document: `null` for an empty file. Merge keys
   * are removed (they are reported instead).
   */
  value: unknown;
  /** False when the YAML is too broken to validate further. */
  usable: boolean;
  /** Every YAML-level problem found. */
  issues: ConfigIssue[];
  /** Where the key (`key`) or the value (`value`) at `path` stands; the nearest ancestor when absent. */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): SourcePosition;
  /** The source text of the value at `path`, when it exists. */
  sourceOf(path: readonly PathSegment[]): string | undefined;
}

interface Walked {
  node: unknown;
  keyNode?: unknown;
}

/** Collects positioned issues for one policy file. */
interface IssueLog {
  issues: ConfigIssue[];
  positionAt(offset: number): SourcePosition;
  /** Adds an issue at a character offset of the text. */
  add(offset: number, path: readonly PathSegment[], message: string): void;
  /** The trimmed line of text around an offset, for messages that quote it. */
  /**
   * The token that starts at an offset (a word, or one character), cut to a
   * few characters: all a message about a file that failed to parse quotes,
   * so a file that is not a policy (a credential) never shows in a message.
   */
  tokenText(offset: number): string;
  /** The whole line around an offset, and the offset where it starts. */
  lineAt(offset: number): { start: number; text: string };
}

/** The most characters of a file that failed to parse a message quotes (see `tokenText`). */
const MAX_TOKEN_LENGTH = 24;

/** Keys that name JavaScript object internals: rejected anywhere in the policy. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What the walk over every mapping found besides issues. */
interface MappingScan {
  /** Paths of the `<<` merge keys and prototype keys, to remove from the plain value. */
  removedKeys: PathSegment[][];
  /** Offsets of the duplicate keys already reported with both positions. */
  duplicates: Set<number>;
}

/**
 * Reads policy text as one YAML 1.2 document and reports every YAML-level
 * problem with its position. Never throws. The steps: parse the document,
 * report the parser's errors and warnings, check every mapping's keys, then
 * convert the document to a plain value.
 */
export function readPolicySource(text: string, file: string): PolicySource {
  const characterProblems = checkPolicyCharacters(text);
  if (characterProblems.length > 0) return reportTextProblems(text, file, characterProblems);
  const lineCounter = new LineCounter();
  // Lexed once: the depth check and the composer read the same tokens.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = checkNestingDepth(tokens);
  if (deep !== undefined) return reportTextProblems(text, file, [deep]);
  const doc = composeFirstDocument(tokens, text.length);
  const log = createIssueLog(text, file, lineCounter);
  const parsed = reportParserProblems(doc, log);
  if (parsed === 'cascade') {
    return { value: null, usable: false, issues: log.issues, ...createLocator(doc, text, log) };
  }
  const scan = checkMappingKeys(doc, log);
  reportUncomparedDuplicates(doc, scan.duplicates, log);
  const converted =
    parsed === 'usable'
      ? convertToPlainValue(doc, scan.removedKeys, log)
      : { value: null, usable: false };
  return {
    value: converted.value,
    usable: converted.usable,
    issues: log.issues,
    ...createLocator(doc, text, log),
  };
}

/**
 * The first YAML document of the tokens, as `parseDocument` composes it: a
 * second document is an error (`MULTIPLE_DOCS`), not read. Composed only
 * after {@link checkNestingDepth} passed, as composing recurses per level.
 */
function composeFirstDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
  let first: Document.Parsed | undefined;
  // With forceDoc, compose yields at least one document, also for an empty text.
  for (const doc of composer.compose(tokens, true, length)) {
    if (first === undefined) {
      first = doc;
      continue;
    }
    first.errors.push(
      new YAMLParseError(
        [doc.range[0], doc.range[1]],
        'MULTIPLE_DOCS',
        'Source contains multiple documents; please use YAML.parseAllDocuments()',
      ),
    );
    break;
  }
  return first ?? parseDocument('');
}

/**
 * A source that reports only the text's problems (NUL, CR line breaks, too
 * deep a nesting): nothing of it is read as a document. The YAML reading
 * would report them as unrelated syntax errors, accept them, or overflow the
 * stack.
 */
function reportTextProblems(text: string, file: string, problems: TextProblem[]): PolicySource {
  const empty = parseDocument('');
  // Positions are counted over the text itself, which is not parsed.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lineCounter.addNewLine(i + 1);
  }
  const log = createIssueLog(text, file, lineCounter);
  for (const problem of problems) log.add(problem.offset, [], problem.message);
  return { value: null, usable: false, issues: log.issues, ...createLocator(empty, text, log) };
}

function createIssueLog(text: string, file: string, lineCounter: LineCounter): IssueLog {
  const issues: ConfigIssue[] = [];
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    issues,
    positionAt,
    add(offset, path, message) {
      issues.push({ file, ...positionAt(offset), path: formatPath(path), message });
    },
    tokenText(offset) {
      const rest = text.slice(offset, offset + MAX_TOKEN_LENGTH + 1).replace(/^[ \t]+/, '');
      const token = /^[^\s,[\]{}#]+/.exec(rest)?.[0] ?? rest.charAt(0);
      return token.length > MAX_TOKEN_LENGTH ? `${token.slice(0, MAX_TOKEN_LENGTH)}…` : token;
    },
    lineAt(offset) {
      return lineAt(text, offset);
    },
  };
}

/**
 * Reports the parser's errors (but duplicate keys, which {@link checkMappingKeys}
 * reports with both positions) and warnings: `broken` when an error leaves
 * the document unusable. When the first error comes from an unquoted value
 * with placeholder braces (`[feature/{ticket}-{slug}]`), only that cause is
 * reported, with its fix: the errors after it follow from it (`cascade`).
 */
function reportParserProblems(doc: Document, log: IssueLog): 'usable' | 'broken' | 'cascade' {
  const first = doc.errors
    .filter((error) => error.code !== 'DUPLICATE_KEY')
    .reduce<YAMLError | undefined>(
      (a, b) => (a === undefined || b.pos[0] < a.pos[0] ? b : a),
      undefined,
    );
  if (first !== undefined) {
    const line = log.lineAt(first.pos[0]);
    const brace = findUnquotedBraceValue(line.text);
    if (brace !== undefined) {
      log.add(line.start + brace.column - 1, [], unquotedBraceMessage(brace));
      return 'cascade';
    }
  }
  let usable = true;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') continue; // reported with both positions
    usable = false;
    log.add(error.pos[0], [], explainYamlError(error, log.tokenText(error.pos[0])));
  }
  for (const warning of doc.warnings) {
    log.add(warning.pos[0], [], explainYamlWarning(warning, log.tokenText(warning.pos[0])));
  }
  return usable ? 'usable' : 'broken';
}

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '') };
}

/** Reports merge keys, duplicate keys and trailing commas in every collection. */
function checkMappingKeys(doc: Document, log: IssueLog): MappingScan {
  const scan: MappingScan = { removedKeys: [], duplicates: new Set<number>() };
  walkNodes(doc.contents, [], (node, path) => {
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = keyString(pair.key);
        const offset = offsetOf(pair.key) ?? offsetOf(node) ?? 0;
        if (key === '<<' && isScalar(pair.key) && !isQuoted(pair.key)) {
          scan.removedKeys.push([...path, key]);
          log.add(offset, [...path, key], mergeKeyMessage(path));
          continue;
        }
        if (PROTOTYPE_KEYS.has(key)) {
          // Removed from the plain value so that no later step indexes an object by it.
          scan.removedKeys.push([...path, key]);
          log.add(offset, [...path, key], prototypeKeyMessage(key, path));
          continue;
        }
        const first = seen.get(key);
        if (first !== undefined) {
          scan.duplicates.add(offset);
          log.add(
            offset,
            [...path, key],
            duplicateKeyMessage(key, path, log.positionAt(first).line),
          );
        } else {
          seen.set(key, offset);
        }
      }
    }
    const trailing = trailingCommaOffset(node);
    if (trailing !== undefined) log.add(trailing, path, trailingCommaMessage(path, isMap(node)));
  });
  return scan;
}

/** Keys the mapping walk cannot compare (complex keys): reported as YAML saw them. */
function reportUncomparedDuplicates(doc: Document, duplicates: Set<number>, log: IssueLog): void {
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY' && !duplicates.has(error.pos[0])) {
      log.add(error.pos[0], [], explainYamlError(error, log.tokenText(error.pos[0])));
    }
  }
}

/**
 * Converts a usable document to its plain value without its merge keys;
 * reports a value that contains itself, or aliases that expand too far, and
 * then marks the source unusable.
 */
function convertToPlainValue(
  doc: Document,
  removedKeys: readonly PathSegment[][],
  log: IssueLog,
): { value: unknown; usable: boolean } {
  if (doc.contents === null) return { value: null, usable: true };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    for (const path of removedKeys) deleteAt(value, path);
    const cycle = findCycle(value, []);
    if (cycle === undefined) return { value, usable: true };
    const last = walkPath(doc, cycle).at(-1);
    log.add(offsetOf(last?.node) ?? offsetOf(last?.keyNode) ?? 0, cycle, cycleMessage(cycle));
    return { value, usable: false };
  } catch (error) {
    const firstAlias = findFirstAlias(doc);
    log.add(offsetOf(firstAlias) ?? 0, [], aliasMessage(error, firstAlias));
    return { value: undefined, usable: false };
  }
}

/** Finds where a path stands in the text, and the text of its value. */
function createLocator(
  doc: Document,
  text: string,
  log: IssueLog,
): Pick<PolicySource, 'locate' | 'sourceOf'> {
  return {
    locate(path, target = 'value') {
      const steps = walkPath(doc, path, target);
      for (let i = steps.length - 1; i >= 0; i -= 1) {
        const step = steps[i]!;
        const exact = i === steps.length - 1 && steps.length === path.length + 1;
        const preferKey = (exact && target === 'key') || !exact;
        const valueOffset = isEmptyNode(step.node) ? undefined : offsetOf(step.node);
        const offset = preferKey
          ? (offsetOf(step.keyNode) ?? valueOffset)
          : (valueOffset ?? offsetOf(step.keyNode) ?? offsetOf(step.node));
        if (offset !== undefined) return log.positionAt(offset);
      }
      return { line: 1, column: 1 };
    },
    sourceOf(path) {
      const steps = walkPath(doc, path);
      if (steps.length !== path.length + 1) return undefined;
      const range = (steps.at(-1)?.node as YamlNode | undefined)?.range;
      return range ? text.slice(range[0], range[1]) : undefined;
    },
  };
}

/** The string a mapping key becomes in the plain value (as the YAML library converts it). */
function keyString(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

function isQuoted(node: unknown): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/** An empty value (`key:` with nothing after it) has no text of its own to point at. */
function isEmptyNode(node: unknown): boolean {
  const range = (node as YamlNode | null | undefined)?.range;
  return !range || range[0] === range[1];
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** Visits every collection node once (aliases are not followed), with its path. */
function walkNodes(
  node: unknown,
  path: PathSegment[],
  visit: (node: unknown, path: PathSegment[]) => void,
): void {
  if (isMap(node)) {
    visit(node, path);
    for (const pair of node.items) walkNodes(pair.value, [...path, keyString(pair.key)], visit);
  } else if (isSeq(node)) {
    visit(node, path);
    node.items.forEach((item, index) => walkNodes(item, [...path, index], visit));
  }
}

/** Follows `path` from the document root; returns every node reached, root first. */
function walkPath(
  doc: Document,
  path: readonly PathSegment[],
  target: 'key' | 'value' = 'value',
): Walked[] {
  const steps: Walked[] = [{ node: doc.contents }];
  let node: unknown = doc.contents;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      // A key is reported at its first occurrence; a value is the last one (it is what counts).
      const matches = (p: { key: unknown }): boolean => keyString(p.key) === String(segment);
      const pair =
        target === 'key' && index === path.length - 1
          ? node.items.find(matches)
          : node.items.findLast(matches);
      if (!pair) break;
      steps.push({ node: pair.value, keyNode: pair.key });
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      steps.push({ node: item });
      node = item;
    } else {
      break;
    }
  }
  return steps;
}

/** The offset of a trailing comma in a flow collection (`[a, b, ]`), if there is one. */
function trailingCommaOffset(node: unknown): number | undefined {
  if (!(isMap(node) || isSeq(node)) || !node.flow) return undefined;
  const token = node.srcToken;
  if (token?.type !== 'flow-collection') return undefined;
  const last = token.items.at(-1);
  if (!last || last.key || last.sep || last.value) return undefined;
  return last.start.find((t) => t.type === 'comma')?.offset;
}

function findFirstAlias(doc: Document): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isAlias(node)) found = node;
    else if (isMap(node)) node.items.forEach((p) => visit(p.value));
    else if (isSeq(node)) node.items.forEach(visit);
  };
  visit(doc.contents);
  return found;
}
