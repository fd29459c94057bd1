/**
 * Helpers over the plain value the YAML converts to: finding a value that
 * contains itself, and removing a key that must not reach the schema.
 */
import type { PathSegment } from './messages.js';

/** The path of the first value that contains itself (an alias inside its own anchor), if any. */
export function findCycle(
  value: unknown,
  path: PathSegment[],
  ancestors = new Set<unknown>(),
): PathSegment[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.has(value)) return path;
  ancestors.add(value);
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index): [PathSegment, unknown] => [index, item])
    : Object.entries(value);
  for (const [segment, child] of entries) {
    const found = findCycle(child, [...path, segment], ancestors);
    if (found !== undefined) return found;
  }
  ancestors.delete(value);
  return undefined;
}

/** Deletes the own property at `path`, if every step of it is an own property. */
export function deleteAt(value: unknown, path: readonly PathSegment[]): void {
  let target: unknown = value;
  for (const segment of path.slice(0, -1)) {
    // Own properties only: a removed "__proto__" must never lead to Object.prototype.
    if (target === null || typeof target !== 'object' || !Object.hasOwn(target, segment)) return;
    target = (target as Record<string | number, unknown>)[segment];
  }
  const last = path.at(-1);
  if (
    last !== undefined &&
    target !== null &&
    typeof target === 'object' &&
    Object.hasOwn(target, last)
  ) {
    delete (target as Record<string | number, unknown>)[last];
  }
}
