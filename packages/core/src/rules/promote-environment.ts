import { quoteValue } from '../text.js';
import type { Rule } from './types.js';

/** The environment promoted to is one the policy lists. */
export const promoteEnvironment: Rule = {
  id: 'promote-environment',
  check: 'promote',
  description: "The environment promoted to is listed in the policy's environments.",
  defaultSeverity: 'error',
  applies: ({ facts }) => facts.promotion !== undefined,
  evaluate({ facts, policy }) {
    const name = facts.promotion?.environment ?? '';
    if (policy.environments.some((e) => e.name === name)) return [];
    const names = policy.environments.map((e) => e.name);
    return [
      {
        message:
          `The environment ${quoteValue(name)} is not in the policy's environments ` +
          `(${names.map((n) => quoteValue(n)).join(', ')}), so nothing says what it demands.`,
        hint: `Promote to one of ${names.join(', ')}, or add { name: ${JSON.stringify(name)} } to environments in the policy.`,
      },
    ];
  },
};
