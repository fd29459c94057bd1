/** Which action inputs a TypeScript source reads through @actions/core. */

const INPUT_CALL =
  /\b(?:core\s*\.\s*)?get(?:Boolean|Multiline)?Input\s*\(\s*(['"`])([^'"`$\\]+)\1\s*[,)]/g;

/**
 * The input names a source reads with `getInput`, `getBooleanInput` or
 * `getMultilineInput` and a literal name, in order of first use, without
 * repeats. Line and block comments are ignored.
 */
export function readInputNames(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  const names: string[] = [];
  for (const m of code.matchAll(INPUT_CALL)) {
    const name = m[2] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * True when the source passes something other than a string literal to a
 * getInput function (a variable name), which a scan cannot follow.
 */
export function hasDynamicInputRead(source: string): boolean {
  return /\bget(?:Boolean|Multiline)?Input\s*\(\s*[^'"`\s)]/.test(source);
}
