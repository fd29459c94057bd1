/**
 * What the emulator records: every request with its answer, and every
 * difference from GitHub's OpenAPI description.
 */
import type { FaultKind } from './faults.js';

/** Why a request or response broke the description (or the emulator's limits). */
export type ViolationKind =
  /** No operation of the description matches method + path. */
  | 'unknown-route'
  /** Path/query parameters or the JSON body do not match the operation. */
  | 'request'
  /** The emulator's own answer does not match the description (an emulator bug). */
  | 'response'
  /** The description has the operation but the emulator does not implement it. */
  | 'unimplemented'
  /** A handler failed, usually because a test did not seed what it needs. */
  | 'emulator-error'
  /** A GraphQL query (none are emulated). */
  | 'graphql';

/** One difference from the description. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  operationId?: string;
  /** What was wrong, with the offending values and Ajv's errors. */
  message: string;
}

/** One request the emulator received and what it answered. */
export interface RequestLogEntry {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Raw path without query. */
  path: string;
  query: Record<string, string>;
  operationId?: string;
  template?: string;
  /** The status sent; 0 when the connection was reset or never answered (`hang`). */
  status: number;
  requestHeaders: Record<string, string | string[] | undefined>;
  requestBody: unknown;
  responseBody: unknown;
  /** The fault that shaped this answer, if any. */
  fault?: FaultKind['kind'];
}

/** Formats violations one per line, for an assertion message. */
export function formatViolations(violations: readonly Violation[]): string {
  const head =
    violations.length === 1
      ? "The GitHub emulator saw 1 request or response outside GitHub's OpenAPI description:"
      : `The GitHub emulator saw ${violations.length} requests or responses outside GitHub's OpenAPI description:`;
  const lines = violations.map(
    (v) =>
      `- [${v.kind}] ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}: ${v.message}`,
  );
  return [head, ...lines, 'See test/github-emulator/README.md#violations.'].join('\n');
}

/** Thrown by `assertNoViolations()`; carries every violation. */
export class EmulatorViolationError extends Error {
  readonly violations: readonly Violation[];
  constructor(violations: readonly Violation[]) {
    super(formatViolations(violations));
    this.name = 'EmulatorViolationError';
    this.violations = violations;
  }
}
