import * as core from '@actions/core';
import { neutralizeLogLine } from '@release-policy/core';
import { redactSecrets } from './secrets.js';

// How the runner reads workflow commands, and how untrusted text is kept from
// forming one: neutralizeLogLine in @release-policy/core, shared with the CLI.
// @actions/core encodes `%` as `%25` whenever text becomes a command
// (annotations, masks), so `%0A` in a plain line stays literal.
const LINE_BREAK = /\r\n|\r|\n/;

/** Splits untrusted text into lines (LF, CR or CRLF) and neutralizes each; joined with `\n`. */
export function formatLogData(text: string): string {
  return text.split(LINE_BREAK).map(neutralizeLogLine).join('\n');
}

/**
 * Shows one untrusted value on a single line: JSON-quoted, so CR and LF
 * appear as `\r` and `\n`, and neutralized.
 */
export function quoteForLog(value: string): string {
  return neutralizeLogLine(JSON.stringify(value));
}

/**
 * Prints untrusted text to the job log, secrets redacted
 * ({@link redactSecrets}); it can never start a workflow command.
 */
export function logData(text: string): void {
  core.info(formatLogData(redactSecrets(text)));
}

/** A logger with Octokit's shape. */
export interface OctokitLog {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/**
 * A logger for Octokit that writes through the safe helpers. Warnings and
 * errors go to the log, not to annotations: annotations are reserved for
 * findings (GitHub keeps only 10 per severity and step).
 */
export function createActionsLog(): OctokitLog {
  const text = (message: unknown): string =>
    typeof message === 'string'
      ? message
      : message instanceof Error
        ? message.message
        : String(message);
  return {
    debug: (message) => core.debug(redactSecrets(text(message))),
    info: (message) => logData(text(message)),
    warn: (message) => logData(`Warning: ${text(message)}`),
    error: (message) => logData(`Error: ${text(message)}`),
  };
}
