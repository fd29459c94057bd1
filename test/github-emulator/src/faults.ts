/**
 * Fault injection: make matching requests fail the way GitHub (or the network
 * in front of it) sometimes does. Faults are matched in the order they were
 * added; each fires `times` times (default 1) and is then spent.
 */

/** Which requests a fault applies to. With no field set it matches every request. */
export interface FaultMatch {
  /** HTTP method, e.g. `POST`. */
  method?: string;
  /** A path template from the description (`/repos/{owner}/{repo}/releases`) or a concrete path. */
  path?: string;
  /** An operationId, e.g. `repos/create-release`. */
  operationId?: string;
  /** How many matching requests fail (default 1; `Infinity` for all). */
  times?: number;
}

/** What the fault does. Only `after-write` lets the handler run first. */
export type FaultKind =
  /** Answers `status` (500, 502, 503) with a JSON error body. */
  | { kind: 'status'; status: 500 | 502 | 503 | 504 }
  /** 403 with GitHub's secondary-rate-limit message, and `retry-after` when given (seconds). */
  | { kind: 'secondary-rate-limit'; retryAfter?: number }
  /** Primary rate limit: 429 or 403, `x-ratelimit-remaining: 0`, reset in `resetInSeconds` (default 60). */
  | { kind: 'rate-limit'; status?: 429 | 403; resetInSeconds?: number }
  /** 401 Bad credentials. */
  | { kind: 'unauthorized' }
  /**
   * 403 `Resource not accessible by integration` (or `message`): the token
   * lacks a permission, as the read-only token of a fork's pull request does.
   */
  | { kind: 'forbidden'; message?: string }
  /** Destroys the socket without answering. */
  | { kind: 'reset' }
  /**
   * Accepts the request and never answers (the socket stays open until the
   * client gives up or the emulator closes), as a stuck proxy does.
   */
  | { kind: 'hang' }
  /** 200 with a JSON content type and a body cut in the middle. */
  | { kind: 'truncated-json' }
  /** 502 with an HTML error page, as the load balancer in front of GitHub answers. */
  | { kind: 'html'; status?: number }
  /** Performs the request for real, then answers `status` (default 502). */
  | { kind: 'after-write'; status?: number }
  /** Answers 404 Not Found (e.g. a release read right after it was created). */
  | { kind: 'not-found-once' };

/** A fault to inject: where it applies and what it does. */
export type FaultSpec = FaultMatch & FaultKind;

/** A registered fault; `hits` counts how often it fired. */
export interface FaultHandle {
  readonly spec: FaultSpec;
  readonly hits: number;
  readonly remaining: number;
}

interface ActiveFault {
  spec: FaultSpec;
  hits: number;
  remaining: number;
}

/** Describes a request for matching. */
export interface FaultTarget {
  method: string;
  path: string;
  template?: string;
  operationId?: string;
}

/** The faults of one emulator. */
export class FaultRegistry {
  private readonly active: ActiveFault[] = [];

  /** Registers a fault and returns a live handle. */
  add(spec: FaultSpec): FaultHandle {
    const times = spec.times ?? 1;
    if (!(times > 0)) {
      throw new RangeError(
        `A fault needs times >= 1, got ${JSON.stringify(spec.times)}; e.g. { kind: 'status', status: 502, times: 2 }.`,
      );
    }
    const fault: ActiveFault = { spec, hits: 0, remaining: times };
    this.active.push(fault);
    return {
      spec,
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
    };
  }

  /** Removes every fault. */
  clear(): void {
    this.active.length = 0;
  }

  /** Returns the first live fault matching `target` and consumes one of its uses. */
  take(target: FaultTarget): FaultSpec | undefined {
    const fault = this.active.find((f) => f.remaining > 0 && matches(f.spec, target));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault.spec;
  }
}

function matches(spec: FaultMatch, target: FaultTarget): boolean {
  if (spec.method && spec.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (spec.operationId && spec.operationId !== target.operationId) return false;
  if (spec.path && spec.path !== target.template && spec.path !== target.path) return false;
  return true;
}

/** GitHub's message for a secondary rate limit (Octokit's throttling plugin looks for it). */
export const secondaryRateLimitMessage =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID.';

/** The HTML page GitHub's front end serves on a 502. */
export const htmlErrorPage = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Unicorn! &middot; GitHub</title></head>
  <body>
    <h1>No server is currently available to service your request.</h1>
    <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>
  </body>
</html>
`;
