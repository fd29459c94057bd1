import { describe, it, expect } from '@jest/globals';
import { buildEventPayload, deepMerge } from './event-payloads.js';

describe('buildEventPayload', () => {
  it('starts from a real example with the requested action', () => {
    const payload = buildEventPayload('pull_request', { action: 'opened' }) as {
      action: string;
      pull_request: { number: number; head: { ref: string; sha: string } };
      repository: { full_name: string };
    };
    expect(payload.action).toBe('opened');
    expect(typeof payload.pull_request.number).toBe('number');
    expect(payload.pull_request.head.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(payload.repository.full_name).toMatch(/^[^/]+\/[^/]+$/);
  });

  it('deep-merges overrides, replacing arrays and removing undefined keys', () => {
    const payload = buildEventPayload('pull_request', {
      action: 'opened',
      overrides: {
        pull_request: {
          head: { ref: 'feature/CHG-1-x' },
          labels: [{ name: 'release' }],
          body: undefined,
        },
        repository: { full_name: 'octo-org/app' },
      },
    }) as {
      pull_request: Record<string, unknown> & { head: Record<string, unknown> };
      repository: { full_name: string };
    };
    expect(payload.pull_request.head.ref).toBe('feature/CHG-1-x');
    expect(payload.pull_request.head.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(payload.pull_request.labels).toEqual([{ name: 'release' }]);
    expect('body' in payload.pull_request).toBe(false);
    expect(payload.repository.full_name).toBe('octo-org/app');
  });

  it('picks the example that satisfies match', () => {
    const payload = buildEventPayload('push', {
      match: (e) => typeof e.ref === 'string' && e.ref.startsWith('refs/tags/'),
    });
    expect(String(payload.ref)).toMatch(/^refs\/tags\//);
  });

  it('returns a fresh copy every time', () => {
    const first = buildEventPayload('push');
    first.ref = 'refs/heads/changed';
    expect(buildEventPayload('push').ref).not.toBe('refs/heads/changed');
  });

  it('names the known events when the event is unknown', () => {
    expect(() => buildEventPayload('pull-request')).toThrow(
      /No webhook examples for event "pull-request"; known events: .*pull_request/,
    );
  });

  it('names the example actions when none matches', () => {
    expect(() => buildEventPayload('release', { action: 'exploded' })).toThrow(
      /No "release" example with action "exploded"; example actions: .*published/,
    );
  });
});

describe('deepMerge', () => {
  it('does not share override objects with the result', () => {
    const extra = { list: [1] };
    const merged = deepMerge({}, { extra });
    extra.list.push(2);
    expect(merged).toEqual({ extra: { list: [1] } });
  });
});
