import { escapeInvisible } from '@release-policy/core';

/**
 * The one redaction step: every text that leaves the action (pull-request
 * comment, job summary, annotations, outputs, log lines, failure message)
 * passes through {@link redactSecrets} first. Masking in the runner covers
 * only the log and only the exact value; a comment is written through the
 * API, and a cut value leaves a prefix no exact match can find.
 */

/** What a secret, or a piece of one, shows instead. */
export const REDACTED = '***';
/**
 * Any piece of a secret this long is redacted wherever it appears, so a
 * value cut in a message (`ghs_abcdefgh…`) still hides what it shows.
 */
export const SECRET_FRAGMENT_LENGTH = 8;
/** Shorter values are not credentials; redacting them would garble every text. */
const MIN_SECRET_LENGTH = 4;

/** Environment variables of the runner that hold credentials. */
const SECRET_ENV = ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** Inputs whose name says they hold a credential (`token`, `app-private-key`, …). */
const SECRET_INPUT = /^INPUT_.*(TOKEN|SECRET|PASSWORD|PRIVATE[-_]KEY|CREDENTIAL)/i;

/** The secrets of the running action, with the pieces to look for; replaced per run. */
interface SecretSet {
  values: readonly string[];
  fragments: ReadonlySet<string>;
}

let known: SecretSet = { values: [], fragments: new Set() };

/**
 * The credentials a run knows, from its environment: the token inputs (any
 * `INPUT_*` named like a credential), `GITHUB_TOKEN` and the runner's own
 * tokens. Values are trimmed; empty and very short ones are left out.
 */
export function readActionSecrets(env: NodeJS.ProcessEnv): string[] {
  const names = Object.keys(env).filter(
    (name) => SECRET_ENV.includes(name) || SECRET_INPUT.test(name),
  );
  const values = names.map((name) => (env[name] ?? '').trim());
  return [...new Set(values.filter((value) => value.length >= MIN_SECRET_LENGTH))];
}

/** Makes `values` the secrets every outgoing text is redacted of (the previous set is dropped). */
export function setKnownSecrets(values: readonly string[]): void {
  known = buildSecretSet(values);
}

function buildSecretSet(values: readonly string[]): SecretSet {
  const kept = [...new Set(values.map((v) => v.trim()))]
    .filter((v) => v.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  const fragments = new Set<string>();
  for (const value of kept) {
    for (let i = 0; i + SECRET_FRAGMENT_LENGTH <= value.length; i += 1)
      fragments.add(value.slice(i, i + SECRET_FRAGMENT_LENGTH));
  }
  return { values: kept, fragments };
}

/**
 * `text` with every secret replaced by `***`: whole values, and any run of
 * {@link SECRET_FRAGMENT_LENGTH} or more characters taken from one (what a
 * cut leaves at a boundary). `secrets` defaults to those of the run
 * ({@link setKnownSecrets}).
 */
export function redactSecrets(text: string, secrets?: readonly string[]): string {
  const set = secrets ? buildSecretSet(secrets) : known;
  if (set.values.length === 0 || text === '') return text;
  let out = text;
  for (const value of set.values) {
    if (value.length < SECRET_FRAGMENT_LENGTH) out = out.split(value).join(REDACTED);
  }
  return set.fragments.size === 0 ? out : redactFragments(out, set.fragments);
}

/** Replaces each stretch of text covered by known fragments with one `***`. */
function redactFragments(text: string, fragments: ReadonlySet<string>): string {
  const parts: string[] = [];
  let emitted = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i + SECRET_FRAGMENT_LENGTH <= text.length; i += 1) {
    if (!fragments.has(text.slice(i, i + SECRET_FRAGMENT_LENGTH))) continue;
    if (start >= 0 && i <= end) {
      end = i + SECRET_FRAGMENT_LENGTH;
      continue;
    }
    if (start >= 0) parts.push(text.slice(emitted, start), REDACTED);
    if (start >= 0) emitted = end;
    start = i;
    end = i + SECRET_FRAGMENT_LENGTH;
  }
  if (start < 0) return text;
  parts.push(text.slice(emitted, start), REDACTED, text.slice(end));
  return parts.join('');
}

/**
 * A value with every string in it redacted (arrays and plain objects are
 * copied, other values kept): findings and outputs before they are rendered
 * or cut, so no cut can split a secret.
 */
export function redactValue<T>(value: T): T {
  return redactDeep(value) as T;
}

function redactDeep(value: unknown): unknown {
  if (known.values.length === 0) return value;
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  )
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  return value;
}

/**
 * Text ready to leave the action: secrets redacted, then invisible and
 * control characters escaped ({@link escapeInvisible}, the policy every
 * output shares). `singleLine` also escapes line feeds and tabs.
 */
export function sanitizeOutgoingText(text: string, options: { singleLine?: boolean } = {}): string {
  return escapeInvisible(redactSecrets(text), options);
}
