import { formatReleaseDocsBaseUrl } from '@release-policy/core';
import type { GitHeadStart } from '@release-policy/git/head-start';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Colour only on a terminal, and never when NO_COLOR is set. */
  color: boolean;
  /** True when stderr is a terminal: a long run shows a progress line there. */
  progress?: boolean;
  now: () => Date;
  /**
   * git commands the entry point started before the CLI loaded (see
   * head-start.ts): the Git of a check command takes them when its directory
   * and environment are `cwd` and `env`.
   */
  gitHeadStart?: GitHeadStart;
}

/** Where the CLI's docs links point: the docs of the release that is running. */
export const DOCS_BASE_URL = formatReleaseDocsBaseUrl();

/** Exit codes: 0 passed, 1 policy failures, 2 usage or configuration error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A command's result: what to print and the exit code. */
export interface CommandResult {
  exitCode: number;
  /** The JSON document for --json. */
  json: Record<string, unknown>;
  /** The text for people. */
  text: string;
  /**
   * True when the text is data (release notes made of commit messages): its
   * docs paths are not turned into links, as they are in the CLI's own words.
   */
  data?: boolean;
}
