import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { createClient, type Call, type ClientResponse } from './client.js';
import { startEmulator, type Emulator } from './server.js';

let emulator: Emulator;
let call: Call;
const base = '/repos/octo-org/app/issues/1/comments';

beforeAll(async () => {
  emulator = await startEmulator({ repos: ['octo-org/app'] });
  emulator.seed.issue({ repo: 'octo-org/app', title: 'many comments' });
  for (let i = 1; i <= 135; i += 1) {
    emulator.seed.comment({ repo: 'octo-org/app', issueNumber: 1, body: `comment ${i}` });
  }
  call = createClient(emulator.url);
});
afterAll(async () => {
  try {
    emulator.assertNoViolations();
  } finally {
    await emulator.close();
  }
});

function links(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(', ').filter(Boolean)) {
    const m = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (m?.[1] && m[2]) result[m[2]] = new URL(m[1]).search;
  }
  return result;
}

describe('pagination', () => {
  it('answers 30 items by default with next and last links', async () => {
    const res = await call<{ body: string }[]>('GET', base);
    expect(res.body).toHaveLength(30);
    expect(res.body[0]?.body).toBe('comment 1');
    expect(links(res.headers.get('link'))).toEqual({ next: '?page=2', last: '?page=5' });
  });

  it('keeps other query parameters in links and adds prev/first after page 1', async () => {
    const res = await call<{ body: string }[]>('GET', `${base}?per_page=40&page=2`);
    expect(res.body.map((c) => c.body)).toEqual(
      Array.from({ length: 40 }, (_, i) => `comment ${41 + i}`),
    );
    expect(links(res.headers.get('link'))).toEqual({
      prev: '?per_page=40&page=1',
      next: '?per_page=40&page=3',
      last: '?per_page=40&page=4',
      first: '?per_page=40&page=1',
    });
  });

  it('caps per_page at 100', async () => {
    const res = await call<unknown[]>('GET', `${base}?per_page=150`);
    expect(res.body).toHaveLength(100);
    expect(links(res.headers.get('link')).last).toBe('?per_page=150&page=2');
  });

  it('answers the short last page without a next link', async () => {
    const res = await call<unknown[]>('GET', `${base}?per_page=100&page=2`);
    expect(res.body).toHaveLength(35);
    expect(Object.keys(links(res.headers.get('link')))).toEqual(['prev', 'first']);
  });

  it('answers an empty page beyond the end', async () => {
    const res = await call<unknown[]>('GET', `${base}?page=9`);
    expect(res.body).toEqual([]);
  });

  it('splits 35 comments into 30 and 5', async () => {
    const issue = emulator.seed.issue({ repo: 'octo-org/app', title: 'thirty-five' });
    for (let i = 1; i <= 35; i += 1) {
      emulator.seed.comment({ repo: 'octo-org/app', issueNumber: issue.number, body: `c${i}` });
    }
    const path = `/repos/octo-org/app/issues/${issue.number}/comments`;
    const first = await call<unknown[]>('GET', path);
    expect(first.body).toHaveLength(30);
    expect(links(first.headers.get('link')).next).toBe('?page=2');
    const second = await call<unknown[]>('GET', `${path}?page=2`);
    expect(second.body).toHaveLength(5);
    expect(links(second.headers.get('link')).next).toBeUndefined();
  });

  it('sends no Link header when everything fits on one page', async () => {
    const quiet = emulator.seed.issue({ repo: 'octo-org/app', title: 'quiet' });
    const res = await call<unknown[]>('GET', `/repos/octo-org/app/issues/${quiet.number}/comments`);
    expect(res.body).toEqual([]);
    expect(res.headers.get('link')).toBeNull();
  });

  it('walks every page by following next links', async () => {
    const seen: string[] = [];
    let path: string | undefined = `${base}?per_page=35`;
    while (path) {
      const res: ClientResponse<{ body: string }[]> = await call('GET', path);
      seen.push(...res.body.map((c) => c.body));
      const next: string | undefined = /<([^>]+)>; rel="next"/.exec(
        res.headers.get('link') ?? '',
      )?.[1];
      path = next ? next.slice(emulator.url.length) : undefined;
    }
    expect(seen).toHaveLength(135);
    expect(new Set(seen).size).toBe(135);
  });
});
