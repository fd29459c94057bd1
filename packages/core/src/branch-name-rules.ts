/**
 * git's rules for a branch name (`git check-ref-format --branch`), as far as
 * they can be checked without git. A leaf module: the policy schema and the
 * pattern compiler both use it.
 */

/** Characters git forbids anywhere in a ref name, with how a message names each. */
export const FORBIDDEN_REF_CHARS: ReadonlyArray<[string, string]> = [
  ['~', 'a tilde "~"'],
  ['^', 'a caret "^"'],
  [':', 'a colon ":"'],
  ['?', 'a question mark "?"'],
  ['*', 'an asterisk "*"'],
  ['[', 'an opening bracket "["'],
  ['\\', 'a backslash "\\"'],
];

/** What a branch name may hold, for messages. */
export const BRANCH_NAME_FORM =
  'a branch name is path parts separated by "/", without spaces, control characters, ' +
  '~ ^ : ? * [ \\ or "..", no part starting with "." or ending with ".lock", ' +
  'not starting with "-" nor ending with "." or "/", e.g. main or trunk';

/**
 * Every reason git would refuse `name` as a branch name, as phrases such as
 * `it contains a space`; empty when it is a valid one.
 */
export function listBranchNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (/\s/u.test(name)) problems.push('it contains white space');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(name)) problems.push('it contains a control character');
  for (const [ch, label] of FORBIDDEN_REF_CHARS) {
    if (name.includes(ch)) problems.push(`it contains ${label}`);
  }
  if (name.includes('..')) problems.push('it contains ".."');
  if (name.includes('@{')) problems.push('it contains "@{"');
  if (name.includes('//')) problems.push('it contains "//", an empty path part');
  if (name.startsWith('/') || name.endsWith('/')) problems.push('it starts or ends with "/"');
  if (name.startsWith('-')) problems.push('it starts with "-"');
  if (name.split('/').some((part) => part.startsWith('.'))) {
    problems.push('a path part starts with "."');
  }
  if (name.split('/').some((part) => part.endsWith('.lock'))) {
    problems.push('a path part ends with ".lock"');
  }
  if (name.endsWith('.')) problems.push('it ends with "."');
  if (name === '@') problems.push('"@" alone is not a branch name');
  return problems;
}
