/**
 * Event payloads built from the real webhook examples of
 * `@octokit/webhooks-examples`, with fields overridden.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One example payload, as stored in `@octokit/webhooks-examples`. */
export type ExamplePayload = Record<string, unknown>;

interface ExampleEvent {
  name: string;
  actions: string[];
  examples: ExamplePayload[];
}

let cachedEvents: ExampleEvent[] | undefined;

function loadEvents(): ExampleEvent[] {
  if (cachedEvents) return cachedEvents;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/webhooks-examples/api.github.com/index.json');
  cachedEvents = JSON.parse(readFileSync(file, 'utf8')) as ExampleEvent[];
  return cachedEvents;
}

/** Options of `buildEventPayload`. */
export interface EventPayloadOptions {
  /** The payload's `action`, e.g. `opened` for `pull_request`. */
  action?: string;
  /** Picks among the examples, e.g. `(e) => e.pull_request.draft === false`. */
  match?: (example: ExamplePayload) => boolean;
  /**
   * Deep-merged into the example: objects merge key by key, anything else
   * (arrays included) replaces; `undefined` removes the key.
   */
  overrides?: object;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep-merges `overrides` into `target` (mutating it) and returns it. */
export function deepMerge(
  target: Record<string, unknown>,
  overrides: object,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) {
      deepMerge(target[key] as Record<string, unknown>, value);
    } else target[key] = structuredClone(value);
  }
  return target;
}

/**
 * Returns a fresh copy of the first real example payload of `event` (a
 * webhook name such as `push`, `pull_request`, `release`) that has `action`
 * and satisfies `match`, with `overrides` deep-merged in.
 */
export function buildEventPayload(
  event: string,
  options: EventPayloadOptions = {},
): ExamplePayload {
  const events = loadEvents();
  const entry = events.find((e) => e.name === event);
  if (!entry) {
    throw new Error(
      `No webhook examples for event ${JSON.stringify(event)}; known events: ${events.map((e) => e.name).join(', ')}. See test/github-emulator/README.md#event-payloads.`,
    );
  }
  const candidates = entry.examples.filter(
    (e) => options.action === undefined || e.action === options.action,
  );
  const example = candidates.find((e) => !options.match || options.match(e));
  if (!example) {
    const actions = [...new Set(entry.examples.map((e) => String(e.action ?? '(none)')))];
    throw new Error(
      `No ${JSON.stringify(event)} example${options.action ? ` with action ${JSON.stringify(options.action)}` : ''}${options.match ? ' matches the given `match`' : ''}; example actions: ${actions.join(', ')}.`,
    );
  }
  return deepMerge(structuredClone(example), options.overrides ?? {});
}
