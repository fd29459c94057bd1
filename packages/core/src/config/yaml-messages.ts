/**
 * Messages for YAML-level problems in the policy file: what happened, the
 * text near it, the expected form with an example, and where to read more.
 */
import { isAlias, type YAMLError } from 'yaml';
import { formatPath, seeDocs, type PathSegment } from './messages.js';
import { quoteValue } from '../text.js';

const yamlDocs = seeDocs('yaml');

/** Aliases may expand to at most this many nodes; more is treated as a bomb. */
export const MAX_ALIAS_COUNT = 100;

function where(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

/** Explains a key that appears twice in one mapping. */
export function duplicateKeyMessage(
  key: string,
  path: readonly PathSegment[],
  firstLine: number,
): string {
  return (
    `Duplicate key ${quoteValue(key)} ${where(path)}: it is already set on line ${firstLine}. ` +
    `Each key may appear once in a mapping; keep one entry and merge the values into it, ` +
    `for example one "kinds:" with every kind under it. ${yamlDocs}`
  );
}

/** Explains why a merge key (`<<`) is rejected and what to write instead. */
export function mergeKeyMessage(path: readonly PathSegment[]): string {
  return (
    `Merge key "<<" ${where(path)} is not supported: the policy is read as plain YAML 1.2, ` +
    `which has no merge keys. Write the keys out, or reuse a whole value with an anchor and ` +
    `an alias, for example "fix: &work { patterns: [...] }" and later "chore: *work". ${yamlDocs}`
  );
}

/** Explains a trailing comma in a flow list or mapping. */
export function trailingCommaMessage(path: readonly PathSegment[], isMapping: boolean): string {
  const example = isMapping ? '{ feat: minor, fix: patch }' : '[mainline, release]';
  return (
    `Trailing comma in the flow ${isMapping ? 'mapping' : 'list'} ${where(path)}: nothing ` +
    `follows the last comma. Some YAML readers turn it into an empty item, so the policy ` +
    `rejects it to stay unambiguous. Remove the comma, for example ${example}. ${yamlDocs}`
  );
}

/** Explains an alias that cannot be expanded: a bomb, or an anchor that is missing. */
export function aliasMessage(error: unknown, alias: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/excessive alias count/i.test(reason)) {
    return (
      `Aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} after expansion): this is ` +
      `what an alias expansion bomb looks like, so the file is rejected instead of expanded. ` +
      `Write the values out, or alias only small values, for example "into: *targets". ${yamlDocs}`
    );
  }
  const name = isAlias(alias) ? `*${alias.source}` : 'an alias';
  return (
    `The alias ${quoteValue(name)} cannot be resolved (${reason}). An anchor must be defined ` +
    `before its alias, for example "targets: &targets [mainline]" and later "into: *targets". ` +
    `${yamlDocs}`
  );
}

/**
 * The YAML reader's own message with every quoted piece of the file cut to a
 * few characters: a file that is not a policy (a credential) is not shown.
 */
function cutQuotedText(message: string): string {
  return message.replace(/"([^"]*)"/g, (_quoted, text: string) => quoteValue(text, 26));
}

/** Explains a YAML syntax error found near the text `near`. */
export function explainYamlError(error: YAMLError, near: string): string {
  const context = `near ${quoteValue(near)}`;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return (
        `Duplicate key ${context}: each key may appear once in a mapping. Keep one entry and ` +
        `merge the values into it, for example one "kinds:" with every kind under it. ${yamlDocs}`
      );
    case 'MULTIPLE_DOCS':
      return (
        `The file holds more than one YAML document (a second "---" line, ${context}). The ` +
        `policy is a single document: remove the extra "---" and keep one set of sections. ${yamlDocs}`
      );
    case 'TAB_AS_INDENT':
      return (
        `A tab is used for indentation ${context}; YAML allows only spaces there. Indent with ` +
        `spaces, for example two per level: "branches:" then "  kinds:". ${yamlDocs}`
      );
    default:
      break;
  }
  if (/unexpected , in flow/i.test(error.message)) {
    return (
      `Empty item in a flow list ${context}: two commas with nothing between them. Remove the ` +
      `extra comma, for example [mainline, release]. ${yamlDocs}`
    );
  }
  if (/at node end/i.test(error.message)) {
    return (
      `Unexpected text after a value ${context}. A value that starts with "{" or "[" is YAML ` +
      `flow syntax, so a pattern like {major}.{minor}.x must be quoted, for example ` +
      `"{major}.{minor}.x". ${yamlDocs}`
    );
  }
  return (
    `YAML syntax error ${context}: ${cutQuotedText(error.message)}. Check the indentation (spaces only, a ` +
    `nested key indented under its parent) and that quotes and brackets are closed, for ` +
    `example "mainline: main". ${yamlDocs}`
  );
}

/** Explains a YAML warning (an unsupported tag, for one). */
export function explainYamlWarning(warning: YAMLError, near: string): string {
  if (warning.code === 'TAG_RESOLVE_FAILED') {
    return (
      `Unsupported YAML tag ${quoteValue(near)}: ${warning.message}. The policy uses plain ` +
      `YAML values only; remove the "!tag", for example "mainline: main". ${yamlDocs}`
    );
  }
  return `YAML problem near ${quoteValue(near)}: ${warning.message}. ${yamlDocs}`;
}

/** Explains an alias that refers to a value containing it. */
export function cycleMessage(path: readonly PathSegment[]): string {
  return (
    `The alias at ${formatPath(path)} refers to a value that contains it, which would make ` +
    `the policy infinitely deep. An alias may only repeat a value defined elsewhere, for ` +
    `example "targets: &targets [mainline]" and later "into: *targets". ${yamlDocs}`
  );
}

/** Explains a key that names a JavaScript object internal (`__proto__`, `constructor`, `prototype`). */
export function prototypeKeyMessage(key: string, path: readonly PathSegment[]): string {
  return (
    `The key ${quoteValue(key)} ${where(path)} is not allowed: __proto__, constructor and ` +
    `prototype name JavaScript object internals, so no section, kind, commit type or rule ` +
    `may use them. Rename it, for example "feature" instead of "${key}". ${yamlDocs}`
  );
}

/** A plain value on one line that holds placeholder braces and so is misread as flow syntax. */
export interface UnquotedBraceValue {
  /** The line before the value: indentation, `- ` and `key: `. */
  prefix: string;
  /** The value as written. */
  value: string;
  /** The value's 1-based column. */
  column: number;
}

const LINE_PARTS = /^(\s*(?:-\s+)*(?:[^\s'"{}[\]#,][^:#{}[\],]*:\s+)?(?:-\s+)*)(.*?)\s*(?:\s#.*)?$/;
/** A brace glued to text (`/{`, `}.`, `}-`): a placeholder, never YAML flow syntax. */
const PLACEHOLDER_BRACE = /[^\s[{,:]\{|\}[^\s,\]}]/;

/**
 * Finds, on a line where the YAML parser failed, a value that starts with
 * `[` or `{` and holds placeholder braces (`[feature/{ticket}-{slug}]`,
 * `{major}.{minor}.x`): the cause of every error that follows on the line
 * and after it. Quoted parts are left out of the search.
 */
export function findUnquotedBraceValue(line: string): UnquotedBraceValue | undefined {
  const match = LINE_PARTS.exec(line);
  const prefix = match?.[1] ?? '';
  const value = match?.[2] ?? '';
  if (!(value.startsWith('[') || value.startsWith('{'))) return undefined;
  const unquoted = value.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
  if (!PLACEHOLDER_BRACE.test(unquoted)) return undefined;
  return { prefix, value, column: prefix.length + 1 };
}

function quoteSingle(text: string): string {
  return /^['"]/.test(text) ? text : `'${text.replaceAll("'", "''")}'`;
}

/** The value written as YAML strings: each item of a flow list quoted, or the whole value. */
function quoteBraceValue(value: string): string {
  if (value.startsWith('[') && value.endsWith(']')) {
    const items = value
      .slice(1, -1)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return `[${items.map(quoteSingle).join(', ')}]`;
  }
  return quoteSingle(value);
}

/** Explains a value misread as flow syntax because its placeholder braces are not quoted. */
export function unquotedBraceMessage({ prefix, value }: UnquotedBraceValue): string {
  const fixed = `${prefix.trim()} ${quoteBraceValue(value)}`.trim();
  return (
    `The value ${quoteValue(value)} is not quoted, so YAML reads its "{" and "[" as flow ` +
    `syntax (a mapping or a list) and cannot read the rest of the file. A pattern with ` +
    `placeholders must be quoted: write ${fixed}. ${yamlDocs}`
  );
}
