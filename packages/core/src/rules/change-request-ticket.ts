import { appliesToChangeRequest } from '../checks/docs/inspect.js';
import { TICKET_KEY_SOURCE } from '../config/constants.js';
import { quoteValue } from '../text.js';
import type { Rule } from './types.js';

const TICKET = new RegExp(`(?<![A-Za-z0-9])(${TICKET_KEY_SOURCE})-(\\d+)(?![A-Za-z0-9])`, 'g');

/** The ticket ids in `text` whose key is one of `keys` (any key when `keys` is empty). */
export function findTickets(text: string, keys: readonly string[]): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(TICKET)) {
    if (keys.length === 0 || keys.includes(match[1] ?? '')) found.push(match[0]);
  }
  return found;
}

/** A pull request names its ticket in the title, the description or the branch name. */
export const changeRequestTicket: Rule = {
  id: 'change-request-ticket',
  check: 'docs',
  description:
    'A pull request names a ticket id (CHG-1234 by default) in its title, its description or its branch name.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) =>
    policy.changeRequest.requireTicket && appliesToChangeRequest(facts, policy),
  evaluate({ facts, policy }) {
    const pr = facts.pullRequest;
    if (!pr) return [];
    const keys = policy.changeRequest.ticketKeys;
    const texts = [pr.title, pr.body, pr.head.ref];
    if (texts.some((text) => findTickets(text, keys).length > 0)) return [];
    const example = `${keys[0] ?? 'CHG'}-1234`;
    const allowed = keys.length ? `with the key ${keys.join(' or ')}` : 'with an upper-case key';
    return [
      {
        message: `Pull request #${pr.number} names no ticket id ${allowed} in its title, its description or its branch name ${JSON.stringify(pr.head.ref)}. Every change is tracked: add the ticket, e.g. the title ${quoteValue(`${example}: ${pr.title}`, 60)}.`,
        hint: `Put the ticket id, e.g. ${example}, in the pull request title.`,
      },
    ];
  },
};
