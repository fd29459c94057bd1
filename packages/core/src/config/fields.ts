/**
 * What each policy field expects, with an example, for messages; and a small
 * walker over the zod schema to find the allowed keys at a path.
 */
import { policySchema } from './schema.js';
import type { PathSegment } from './messages.js';

/** The expected form of one field, in words, and a YAML example. */
export interface FieldInfo {
  expected: string;
  example: string;
}

const bumps = 'one of none, patch, minor, major';

/**
 * Field descriptions by schema path: mapping keys joined with dots, `*` for
 * any key of a free-form mapping, `[]` for any list item, and a `(key)`
 * suffix for the key itself of a free-form mapping.
 */
const FIELDS: Record<string, FieldInfo> = {
  '': { expected: 'a mapping of sections', example: 'mainline: main' },
  mainline: { expected: 'the mainline branch name, a string', example: 'mainline: main' },
  branches: {
    expected: 'a mapping with "kinds" and optionally "ticket-keys"',
    example: 'branches: { kinds: { feature: { patterns: ["feature/{slug}"], into: [mainline] } } }',
  },
  'branches.ticket-keys': {
    expected: 'a list of ticket keys',
    example: 'ticket-keys: [CHG, OPS]',
  },
  'branches.ticket-keys[]': {
    expected: 'a ticket key: 1 to 20 upper-case letters and digits, starting with a letter',
    example: 'CHG',
  },
  'branches.kinds': {
    expected: 'a mapping from branch kind name to its patterns and merge targets',
    example: 'kinds: { feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] } }',
  },
  'branches.kinds.*(key)': {
    expected: 'a kind name: lower-case letters, digits and dashes, starting with a letter',
    example: 'hotfix',
  },
  'branches.kinds.*': {
    expected: 'a mapping with "patterns" and optionally "into", "same-line" and "description"',
    example: 'feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] }',
  },
  'branches.kinds.*.patterns': {
    expected: 'a list of at least one branch name pattern',
    example: 'patterns: ["feature/{ticket}-{slug}", "feat/{ticket}-{slug}"]',
  },
  'branches.kinds.*.patterns[]': {
    expected: 'a pattern: literal text and placeholders, 1 to 200 characters',
    example: '"feature/{ticket}-{slug}"',
  },
  'branches.kinds.*.into': {
    expected: 'a list of merge targets: "mainline" or branch kind names',
    example: 'into: [mainline, release]',
  },
  'branches.kinds.*.into[]': {
    expected: '"mainline" or the name of a branch kind',
    example: 'release',
  },
  'branches.kinds.*.same-line': { expected: 'true or false', example: 'same-line: true' },
  'branches.kinds.*.description': {
    expected: 'a string',
    example: 'description: "Short-lived work, merged into main"',
  },
  versioning: {
    expected: 'a mapping with tag-prefix, files, prerelease, build-metadata and initial',
    example: 'versioning: { tag-prefix: v, files: [package.json] }',
  },
  'versioning.tag-prefix': {
    expected: 'the text before the version in release tags, at most 50 characters (may be "")',
    example: 'tag-prefix: v',
  },
  'versioning.files': {
    expected: 'a list of version files',
    example: 'files: [package.json, { path: VERSION, format: text, optional: true }]',
  },
  'versioning.files[]': {
    expected: 'a repository-relative path, or a mapping with "path", "format" and "optional"',
    example: '{ path: package.json, format: json, optional: true }',
  },
  'versioning.files[].path': {
    expected: 'a repository-relative file path',
    example: 'path: package.json',
  },
  'versioning.files[].format': {
    expected: 'one of auto, json, text, toml',
    example: 'format: json',
  },
  'versioning.files[].optional': { expected: 'true or false', example: 'optional: true' },
  'versioning.prerelease': {
    expected: 'a list of allowed pre-release identifiers',
    example: 'prerelease: [alpha, beta, rc]',
  },
  'versioning.prerelease[]': {
    expected: 'an identifier of letters, digits and dashes',
    example: 'rc',
  },
  'versioning.build-metadata': { expected: 'true or false', example: 'build-metadata: false' },
  'versioning.initial': {
    expected: 'a SemVer version without a "v" prefix',
    example: 'initial: 0.1.0',
  },
  commits: {
    expected: 'a mapping with "types" and optionally "breaking"',
    example: 'commits: { types: { feat: minor, fix: patch }, breaking: major }',
  },
  'commits.types': {
    expected: 'a mapping from Conventional Commits type to the bump it implies',
    example: 'types: { feat: minor, fix: patch, docs: none }',
  },
  'commits.types.*(key)': {
    expected: 'a commit type: lower-case letters, digits and dashes, starting with a letter',
    example: 'feat',
  },
  'commits.types.*': { expected: bumps, example: 'feat: minor' },
  'commits.breaking': { expected: bumps, example: 'breaking: major' },
  rules: {
    expected: 'a mapping from rule id to severity',
    example: 'rules: { version-bump: warning, branch-name: off }',
  },
  'rules.*(key)': { expected: 'a rule id', example: 'version-bump' },
  'rules.*': { expected: 'one of error, warning, notice, off', example: 'version-bump: warning' },
};

const reserved = ['change-request', 'documents', 'patches', 'environments'];

/** Minimal view of a zod schema definition, enough to walk the policy schema. */
interface SchemaNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaNode>;
      innerType?: SchemaNode;
      valueType?: SchemaNode;
      element?: SchemaNode;
      options?: SchemaNode[];
    };
  };
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current?._zod.def.innerType) current = current._zod.def.innerType;
  return current;
}

/** Picks the mapping alternative of a union (`versioning.files[]`), when there is one. */
function pickObject(node: SchemaNode | undefined): SchemaNode | undefined {
  const def = node?._zod.def;
  if (def?.type !== 'union') return node;
  return def.options?.map(unwrap).find((o) => o?._zod.def.type === 'object') ?? node;
}

interface SchemaStep {
  node: SchemaNode | undefined;
  /** The catalogue key of the path walked so far. */
  key: string;
}

function walkSchema(path: readonly PathSegment[]): SchemaStep {
  let node = unwrap(policySchema as unknown as SchemaNode);
  let key = '';
  for (const segment of path) {
    const current = pickObject(node);
    const def = current?._zod.def;
    if (def?.type === 'object' && typeof segment === 'string') {
      key = key === '' ? segment : `${key}.${segment}`;
      node = unwrap(def.shape?.[segment]);
    } else if (def?.type === 'record') {
      key = `${key}.*`;
      node = unwrap(def.valueType);
    } else if (def?.type === 'array') {
      key = `${key}[]`;
      node = unwrap(def.element);
    } else {
      key = `${key}.${String(segment)}`;
      node = undefined;
    }
  }
  return { node, key };
}

/** The catalogue key for a path, e.g. `branches.kinds.*.patterns[]`. */
export function fieldKeyOf(path: readonly PathSegment[]): string {
  return walkSchema(path).key;
}

/**
 * Describes what the field at `path` expects; `keyOfRecord` asks about the
 * key itself of a free-form mapping (a kind name, a rule id).
 */
export function describeField(path: readonly PathSegment[], keyOfRecord = false): FieldInfo {
  const top = path[0];
  if (typeof top === 'string' && reserved.includes(top)) {
    return {
      expected: 'a mapping (this section is reserved for a later capability)',
      example: `${top}: {}`,
    };
  }
  const key = fieldKeyOf(path) + (keyOfRecord ? '(key)' : '');
  return FIELDS[key] ?? { expected: 'a value of the documented form', example: 'mainline: main' };
}

/** The keys a mapping at `path` allows, in schema order; empty when it is free-form. */
export function listAllowedKeys(path: readonly PathSegment[]): string[] {
  const node = pickObject(walkSchema(path).node);
  const shape = node?._zod.def.type === 'object' ? node._zod.def.shape : undefined;
  return shape ? Object.keys(shape) : [];
}
