/**
 * Constants of the policy that rules and sections share. A leaf module: it
 * imports nothing, so any module may import it without a cycle.
 */

/** Where the policy documentation lives, relative to the repository root. */
export const POLICY_DOCS = 'docs/policy.md';

/** Version bump levels, weakest first. `none` means the commit type releases nothing. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;

/** A version bump level. */
export type Bump = (typeof BUMPS)[number];

/** The running release of release-policy (packages/core/package.json's version; a test keeps them equal). */
export const RELEASE_POLICY_VERSION = '0.1.0';

/**
 * A ticket key as the policy accepts it (`CHG`, `OPS2`): upper-case letters and
 * digits, starting with a letter, at most 20 characters. One home for the
 * branch kinds' and the change request's `ticket-keys` and for finding ticket
 * ids (`CHG-1234`) in text.
 */
export const TICKET_KEY_SOURCE = '[A-Z][A-Z0-9]{0,19}';

/** A whole ticket key, for validating `ticket-keys` entries. */
export const TICKET_KEY = new RegExp(`^${TICKET_KEY_SOURCE}$`);
