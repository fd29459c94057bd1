/** Which action inputs a TypeScript source reads, through @actions/core or the flow's input reader. */

/** `getInput('x')` and its kin, or the shared flow's reader: `inputs.get('x')`. */
const READ_CALL = String.raw`\b(?:(?:core\s*\.\s*)?get(?:Boolean|Multiline)?Input|inputs\s*\.\s*get)\s*\(`;
const INPUT_CALL = new RegExp(`${READ_CALL}\\s*(['"\`])([^'"\`$\\\\]+)\\1\\s*[,)]`, 'g');

/**
 * The input names a source reads with `getInput`, `getBooleanInput`,
 * `getMultilineInput` or `inputs.get` and a literal name, in order of first use, without
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
  return new RegExp(`${READ_CALL}\\s*[^'"\`\\s)]`).test(source);
}
