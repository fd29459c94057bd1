import * as core from '@actions/core';
import { escapeInvisible } from '@release-policy/core';
import { redactSecrets } from './secrets.js';

/**
 * The runner reads every stdout line as a possible workflow command: a line
 * whose text, after leading white space, starts with `::` (`::error::x`,
 * `::stop-commands::t`), and the legacy form `##[name]` anywhere in a line.
 * Untrusted text (branch names, titles, commit messages, file contents) must
 * never reach stdout in either shape. The runner splits lines on LF, CR and
 * CRLF, so every one of them starts a new line to check.
 *
 * Text like `%0A` stays literal in a plain log line: the runner decodes `%`
 * escapes only inside a command, and @actions/core encodes `%` as `%25`
 * whenever text becomes a command (annotations, masks).
 */

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Makes one line safe to print: control, bidirectional, separator and
 * zero-width characters become visible escapes ({@link escapeInvisible},
 * e.g. `\u001b`; ANSI sequences could hide text), a leading
 * `::` (after white space) gets a `\` before it, and `##[` becomes `#\#[`.
 * The input must not contain line breaks (see {@link formatLogData}).
 */
export function neutraliseLogLine(line: string): string {
  let out = escapeInvisible(line);
  out = out.replace(/##\[/g, '#\\#[');
  const lead = out.length - out.trimStart().length;
  if (out.startsWith('::', lead)) out = `${out.slice(0, lead)}\\${out.slice(lead)}`;
  return out;
}

/** Splits untrusted text into lines (LF, CR or CRLF) and neutralises each; joined with `\n`. */
export function formatLogData(text: string): string {
  return text.split(LINE_BREAK).map(neutraliseLogLine).join('\n');
}

/**
 * Shows one untrusted value on a single line: JSON-quoted, so CR and LF
 * appear as `\r` and `\n`, and neutralised.
 */
export function quoteForLog(value: string): string {
  return neutraliseLogLine(JSON.stringify(value));
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
