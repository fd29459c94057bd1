/**
 * What each policy field expects, with an example, for messages; and a small
 * walker over the zod schema to find the allowed keys at a path.
 */
import { getPolicySchema, RESERVED_SECTIONS } from './schema.js';
import type { PathSegment } from './messages.js';
import type { FieldInfo } from './section.js';
import { POLICY_SECTIONS } from './sections.js';

export type { FieldInfo };

/**
 * Field descriptions by schema path: mapping keys joined with dots, `*` for
 * any key of a free-form mapping, `[]` for any list item, and a `(key)`
 * suffix for the key itself of a free-form mapping. The checks' sections
 * bring their own (`PolicySection.fields`).
 */
const FIELDS: Record<string, FieldInfo> = {
  '': { expected: 'a mapping of sections', example: 'mainline: main' },
  requires: {
    expected: 'a SemVer range of release-policy releases, a string',
    example: "requires: '>=0.2.0'",
  },
  mainline: { expected: 'the mainline branch name, a string', example: 'mainline: main' },
  rules: {
    expected: 'a mapping from rule id to severity',
    example: 'rules: { version-bump: warning, branch-name: off }',
  },
  'rules.*(key)': { expected: 'a rule id', example: 'version-bump' },
  'rules.*': { expected: 'one of error, warning, notice, off', example: 'version-bump: warning' },
  ...Object.fromEntries(POLICY_SECTIONS.flatMap((section) => Object.entries(section.fields))),
};

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
  let node = unwrap(getPolicySchema() as unknown as SchemaNode);
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
  if (typeof top === 'string' && RESERVED_SECTIONS.includes(top)) {
    return {
      expected: 'a mapping (this section is reserved for a later capability)',
      example: `${top}: {}`,
    };
  }
  const key = fieldKeyOf(path) + (keyOfRecord ? '(key)' : '');
  return (
    (Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined) ?? {
      expected: 'a value of the documented form',
      example: 'mainline: main',
    }
  );
}

/** The keys a mapping at `path` allows, in schema order; empty when it is free-form. */
export function listAllowedKeys(path: readonly PathSegment[]): string[] {
  const node = pickObject(walkSchema(path).node);
  const shape = node?._zod.def.type === 'object' ? node._zod.def.shape : undefined;
  return shape ? Object.keys(shape) : [];
}
