/**
 * Test helper: version sources, commits and version facts as the adapters
 * would report them, built by hand so rule tests share one shape.
 */
import type { CommitFacts, Facts, VersionFacts, VersionSource } from '../facts.js';

/**
 * Builds a version source read from a file, placed at line 3, column 15
 * (where `"version"` stands in a typical package.json).
 */
export function makeFileSource(value: string, path = 'package.json'): VersionSource {
  return { kind: 'file', value, file: path, line: 3, column: 15, label: `${path} "version"` };
}

/** Builds a version source from a pushed tag, labelled like the core collector does. */
export function makeTagSource(value: string): VersionSource {
  return { kind: 'tag', value, label: `tag ${JSON.stringify(value)}` };
}

/** Builds a version source given as the action's `version` input. */
export function makeInputSource(value: string): VersionSource {
  return { kind: 'input', value, label: 'version input' };
}

/** Builds a version source named by a branch, by default `hotfix/<value>`. */
export function makeBranchSource(value: string, branchName = `hotfix/${value}`): VersionSource {
  return { kind: 'branch', value, label: `branch ${JSON.stringify(branchName)}` };
}

/** Builds one commit as the git adapter reports it. */
export function makeCommit(sha: string, message: string): CommitFacts {
  return { sha, message };
}

/** What {@link makeVersionFacts} builds from; every field is optional. */
export interface VersionFactsInput extends Partial<VersionFacts> {
  /** The branch under test (short name); no branch facts when absent. */
  branch?: string;
  /** The pull request's base branch (short name), with `branch` as its head. */
  base?: string;
}

/**
 * Builds facts with version facts (`sources` and `tags` default to none) and, when `branch`
 * is given, branch facts. Optional version fields left undefined stay absent.
 */
export function makeVersionFacts(input: VersionFactsInput): Facts {
  const {
    branch,
    base,
    sources = [],
    tags = [],
    fileProblems,
    pushedTag,
    commits,
    shallow,
  } = input;
  const { tagsBeforePushed } = input;
  return {
    ...(branch === undefined
      ? {}
      : { branch: { name: branch, ...(base === undefined ? {} : { base }) } }),
    version: {
      sources,
      tags,
      ...(fileProblems === undefined ? {} : { fileProblems }),
      ...(pushedTag === undefined ? {} : { pushedTag }),
      ...(tagsBeforePushed === undefined ? {} : { tagsBeforePushed }),
      ...(commits === undefined ? {} : { commits }),
      ...(shallow === undefined ? {} : { shallow }),
    },
  };
}
