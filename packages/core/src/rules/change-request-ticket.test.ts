import { describe, it, expect } from '@jest/globals';
import { changeRequestTicket, findTickets } from './change-request-ticket.js';
import { makePolicy } from '../testing/policies.js';
import { makePullRequest } from '../testing/document-facts.js';
import type { PullRequestFacts } from '../facts.js';

const now = new Date('2025-01-01T00:00:00Z');

describe('findTickets', () => {
  it.each<[string, string[], string[]]>([
    ['CHG-12: add login', ['CHG'], ['CHG-12']],
    ['xCHG-12 and CHG-3a', ['CHG'], []],
    ['OPS-7 CHG-1', ['CHG'], ['CHG-1']],
    ['OPS-7', [], ['OPS-7']],
  ])('finds in %j with keys %j: %j', (text, keys, expected) => {
    expect(findTickets(text, keys)).toEqual(expected);
  });
});

describe('change-request-ticket', () => {
  const policy = makePolicy();
  const none: Partial<PullRequestFacts> = {
    title: 'add login',
    head: { ref: 'feature/login', sha: 'a'.repeat(40) },
  };
  it.each<[string, Partial<PullRequestFacts>, string[]]>([
    ['a ticket in the title', { title: 'CHG-9 fix' }, []],
    ['a ticket in the body', { ...none, body: 'Ticket: CHG-9' }, []],
    ['a ticket in the branch name', { title: 'x', head: { ref: 'fix/CHG-9-x', sha: 'a' } }, []],
    [
      'no ticket anywhere',
      none,
      [
        'Pull request #7 names no ticket id with the key CHG in its title, its description or its branch name "feature/login". Every change is tracked: add the ticket, e.g. the title "CHG-1234: add login".',
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    const facts = { pullRequest: makePullRequest(overrides) };
    expect(changeRequestTicket.evaluate({ facts, policy, now }).map((f) => f.message)).toEqual(
      expected,
    );
  });

  it('is skipped when the policy does not require a ticket', () => {
    const off = makePolicy({ changeRequest: { ...policy.changeRequest, requireTicket: false } });
    expect(
      changeRequestTicket.applies({ facts: { pullRequest: makePullRequest() }, policy: off, now }),
    ).toBe(false);
  });
});
