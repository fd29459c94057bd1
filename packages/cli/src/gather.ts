import {
  isPatchReleaseBranch,
  selectLinesBelow,
  selectPatchLines,
  type CheckDefinition,
  type Facts,
  type FactKind,
  type Finding,
  type Policy,
  type PromotionFacts,
  quoteValue,
  UsageError,
} from '@release-policy/core';
import {
  createGit,
  createRevisionTemplateSource,
  gatherAuditDocumentFacts,
  gatherAuditPatchFacts,
  type Git,
  gatherBranchFacts,
  gatherDocumentFacts,
  gatherPatchFacts,
  gatherVersionFacts,
  readPushedTag,
} from '@release-policy/git';
import type {
  GatheredGitHubFacts,
  GatherGitHubFactsInput,
  PullRequestLookup,
  GatherPromotionInput,
} from '@release-policy/github';
import { readOriginRepository, type GitHubAccess } from './api.js';
import { DOCS_BASE_URL } from './io.js';

/** What a command asked to check. */
export interface GatherRequest {
  /** The git adapter to use; one on `cwd` with `env` when absent. */
  git?: Git;
  cwd: string;
  /** The working tree's top directory: the policy's version files and documents are read from it. */
  root: string;
  env: Record<string, string | undefined>;
  policy: Policy;
  /** The checks to gather for: the union of their `needs` is gathered. */
  checks: readonly CheckDefinition[];
  branch?: string;
  base?: string;
  /**
   * The revision the policy was read at (the base branch); absent when it
   * came from the working tree. The documents' templates are read there too.
   */
  policyRevision?: string;
  inputVersion?: string;
  /** The run's clock, for the date the facts are gathered on. */
  now?: Date;
  /** The release type given (`--release-type`), already checked. */
  releaseType?: string;
  /** The mainline the patches check compares with (`--mainline`); the policy's when absent. */
  mainline?: string;
  /** The maintenance lines to compare (`--line`); empty or absent: the policy's. */
  lines?: readonly string[];
  /** The environment to promote to (`--environment`), for the promote check. */
  environment?: string;
  /** How to reach the GitHub API; absent when no check that runs needs it. */
  github?: GitHubAccess;
}

/** The facts, plus notices from gathering (e.g. a cut-off history), reported with the findings. */
export interface Gathered {
  facts: Facts;
  notices: Finding[];
}

/**
 * The GitHub facts, through the GitHub package loaded on first use: a run
 * without a token never pays for loading the API client.
 */
async function gatherGitHubFacts(input: GatherGitHubFactsInput): Promise<GatheredGitHubFacts> {
  const github = await import('@release-policy/github');
  return github.gatherGitHubFacts(input);
}

/** The promotion facts, through the GitHub package loaded on first use. */
async function gatherPromotionFacts(input: GatherPromotionInput): Promise<PromotionFacts> {
  const github = await import('@release-policy/github');
  return github.gatherPromotionFacts(input);
}

type Gatherer = (request: GatherRequest, git: Git, facts: Facts) => Promise<Finding[]>;

/**
 * One gatherer per kind of facts the checks may need, in the order they run
 * (the version facts read the branch facts). A check needing a new kind of
 * facts adds its gatherer here. `patches` runs beside the others when the
 * version facts are gathered too (see `gatherFacts`): it reads only the
 * branch facts and writes only `patches`/`patchesUnread`, and a gatherer
 * added later must not read those.
 */
const GATHERERS: { [K in FactKind]: Gatherer } = {
  async branch(request, git, facts) {
    const branch = await gatherBranchFacts({
      git,
      branch: request.branch,
      base: request.base,
      env: request.env,
    });
    if (branch) facts.branch = branch;
    return [];
  },
  async version(request, git, facts) {
    // A shallow clone hides tags and commits: completed first, or the run stops with the fix.
    facts.version = await gatherVersionFacts({
      git,
      cwd: request.root,
      policy: request.policy,
      branch: facts.branch,
      inputVersion: request.inputVersion,
      pushedTag: readPushedTag(request.env),
      complete: 'cli',
    });
    return [];
  },
  async documents(request, git, facts) {
    // The audit (a check that only wants the documents) reads the next release's, or says why not.
    if (!request.checks.some((c) => c.needs.includes('documents'))) {
      Object.assign(facts, await gatherDocumentsForAudit(request, git));
      return [];
    }
    facts.documents = await gatherDocumentFacts({
      git,
      cwd: request.root,
      policy: request.policy,
      facts,
      releaseType: request.releaseType,
      // A template is part of the policy: read where the policy was, never from the change under test.
      ...(request.policyRevision === undefined
        ? {}
        : { templates: createRevisionTemplateSource(git, request.policyRevision) }),
    });
    return [];
  },
  async patches(request, git, facts) {
    const given = request.lines?.length ? request.lines : undefined;
    const alone = request.checks.every((check) => check.needs.includes('patches'));
    // Under `check`, the lines are compared only for a release: a pushed tag, or a branch of
    // one of the policy's patches kinds (release, maintenance, hotfix, whatever their names).
    // That release (HEAD) must hold every patch of its own line and the line right below it.
    const branch = facts.branch?.name;
    const onLine = branch !== undefined && isPatchReleaseBranch(branch, request.policy);
    const release = readPushedTag(request.env) !== undefined || onLine;
    // The audit (a check that wants the lines) compares every line of the policy, or says why not.
    if (!alone && given === undefined && request.checks.some((c) => c.wants?.includes('patches'))) {
      Object.assign(facts, await gatherLinesForAudit(request, git));
      return [];
    }
    // Not a release: the check has no facts and reports nothing (left out of the output).
    if (!alone && given === undefined && !release) return [];
    await git.completeHistory({ advice: 'cli' });
    const asRelease = !alone && release;
    const lines =
      given ??
      (asRelease && onLine
        ? selectLinesBelow(
            selectPatchLines(await git.listBranches(), request.policy),
            branch,
            request.policy,
          )
        : undefined);
    facts.patches = await gatherPatchFacts({
      git,
      policy: request.policy,
      mainline: request.mainline,
      ...(asRelease ? { mainlineRevision: 'HEAD' } : {}),
      lines,
      now: request.now ?? new Date(),
    });
    return [];
  },
  async pullRequest(request, _git, facts) {
    if (!request.github) return [];
    const gathered = await gatherGitHubFacts({
      ...request.github,
      needs: ['pullRequest'],
      pullRequest: readPullRequestLookup(request, facts),
    });
    if (gathered.pullRequest) facts.pullRequest = gathered.pullRequest;
    return convertGitHubNotesToFindings(gathered.notices);
  },
  async releases(request, _git, facts) {
    if (!request.github) return [];
    const gathered = await gatherGitHubFacts({ ...request.github, needs: ['releases'] });
    if (gathered.releases) facts.releases = gathered.releases;
    return convertGitHubNotesToFindings(gathered.notices);
  },
  async promotion(request, git, facts) {
    if (!request.github) return [];
    if (!request.environment) {
      throw new UsageError(
        `promote needs the environment to check: give --environment NAME, e.g. --environment production. See ${DOCS_BASE_URL}docs/cli.md#promote`,
      );
    }
    // A local run has no workflow run: order, soak, windows and canary are judged, approvals are not.
    facts.promotion = await gatherPromotionFacts({
      ...request.github,
      policy: request.policy,
      request: {
        environment: request.environment,
        ...(request.inputVersion !== undefined
          ? { version: request.inputVersion }
          : { ref: await git.revParse('HEAD') }),
        rollback: false,
      },
      now: request.now ?? new Date(),
    });
    return [];
  },
  async audit(request, _git, facts) {
    if (!request.github) return [];
    const gathered = await gatherGitHubFacts({
      ...request.github,
      needs: ['audit'],
      policy: request.policy,
    });
    if (gathered.audit) facts.audit = gathered.audit;
    return convertGitHubNotesToFindings(gathered.notices);
  },
  async mergedPullRequests(request, _git, facts) {
    if (!request.github) return [];
    const gathered = await gatherGitHubFacts({ ...request.github, needs: ['mergedPullRequests'] });
    if (gathered.mergedPullRequests) facts.mergedPullRequests = gathered.mergedPullRequests;
    return convertGitHubNotesToFindings(gathered.notices);
  },
};

/**
 * Why this clone is not the audited repository (its origin differs), for
 * the facts the audit reads from a checkout; undefined when it is.
 */
async function describeOtherClone(request: GatherRequest, git: Git): Promise<string | undefined> {
  const audited = request.github?.repo;
  const origin = await readOriginRepository(git);
  const name = (r: { owner: string; repo: string }) => `${r.owner}/${r.repo}`.toLowerCase();
  if (!audited || (origin && name(origin) === name(audited))) return undefined;
  return `This clone's origin is ${origin ? quoteValue(name(origin)) : 'not set'}, not the audited ${quoteValue(name(audited))}`;
}

/**
 * The next release's documents as the audit reads them: from this clone's
 * working tree when its origin is the audited repository, else why not.
 */
async function gatherDocumentsForAudit(
  request: GatherRequest,
  git: Git,
): Promise<Pick<Facts, 'documents' | 'documentsUnread'>> {
  const other = await describeOtherClone(request, git);
  if (other !== undefined) {
    return {
      documentsUnread: {
        reason: 'no-checkout',
        detail: `${other}: run the audit in a clone of it, on its mainline, to read its documents.`,
      },
    };
  }
  return gatherAuditDocumentFacts({ git, policy: request.policy });
}

/**
 * The maintenance lines as the audit reads them: compared in this clone
 * when its origin is the audited repository, else why not (a notice, never
 * a silent pass).
 */
async function gatherLinesForAudit(
  request: GatherRequest,
  git: Git,
): Promise<Pick<Facts, 'patches' | 'patchesUnread'>> {
  const other = await describeOtherClone(request, git);
  if (other !== undefined) {
    return {
      patchesUnread: {
        reason: 'no-checkout',
        detail: `${other}: run the audit in a clone of it to compare its lines.`,
      },
    };
  }
  return gatherAuditPatchFacts({
    git,
    policy: request.policy,
    advice: 'cli',
    now: request.now ?? new Date(),
  });
}

/**
 * The pull request under test: on a runner's pull-request run its number
 * (`GITHUB_REF=refs/pull/N/merge`) unless `--branch` names another branch;
 * elsewhere the open pull request from the branch under test.
 */
function readPullRequestLookup(
  request: GatherRequest,
  facts: Facts,
): PullRequestLookup | undefined {
  const number = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(request.env.GITHUB_REF ?? '')?.[1];
  if (number !== undefined && request.branch === undefined) return Number(number);
  return facts.branch ? { head: facts.branch.name } : undefined;
}

/** The kinds of facts `checks` need or want gathered (the branch comes with every run). */
export function computeNeededFacts(checks: readonly CheckDefinition[]): Set<FactKind> {
  return new Set(checks.flatMap((check) => [...check.needs, ...(check.wants ?? [])]));
}

/** Notices from reading the GitHub API (no pull request found, a cut-off list), as findings. */
function convertGitHubNotesToFindings(notes: readonly string[]): Finding[] {
  return notes.map((message) => ({ rule: 'github-api', severity: 'notice', message }));
}

/**
 * Collects the facts the requested checks need, from git and the working
 * tree (and, on a runner, its environment), and from the GitHub API through
 * `request.github`. git runs with `request.env`.
 * The branch is always gathered first: the other facts depend on it (when
 * the version facts are needed, git lists the tags and branches meanwhile,
 * see `Git.preloadRefs`). When
 * the version facts are gathered, their first step completes a shallow
 * history (the one fetch of the run, shared with the patches comparison),
 * so nothing in order after them reads the repository before it; then the
 * patches comparison, which reads only the branch facts, runs beside the
 * other gatherers (which run in order) and their git processes overlap.
 * When several fail, the error of the one first in order is thrown, once
 * every gatherer has stopped; once one has failed, no later one starts.
 */
export async function gatherFacts(request: GatherRequest): Promise<Gathered> {
  const git = request.git ?? createGit({ cwd: request.cwd, env: request.env });
  const needs = new Set<FactKind>(['branch', ...computeNeededFacts(request.checks)]);
  const kinds = (Object.keys(GATHERERS) as FactKind[]).filter((kind) => needs.has(kind));
  // A local run: when no branch is found, the branch check says why (detached HEAD).
  const facts: Facts = { run: { event: 'local', ref: 'HEAD' } };
  const found = new Map<FactKind, Finding[]>();
  const failures: GathererFailure[] = [];
  /** Gathers one kind; its error is kept with the kind, never thrown. */
  const attempt = async (kind: FactKind): Promise<void> => {
    try {
      found.set(kind, await GATHERERS[kind](request, git, facts));
    } catch (error) {
      failures.push({ kind, error });
    }
  };
  /** True once a kind before `kind` (in order) has failed: `kind` need not start. */
  const isMoot = (kind: FactKind) =>
    failures.some((failure) => kinds.indexOf(failure.kind) < kinds.indexOf(kind));
  // The version facts list the tags (and the patches comparison the branches) once the branch
  // is known: git reads them meanwhile, in one process.
  if (kinds.includes('version')) git.preloadRefs();
  await attempt('branch');
  const beside: FactKind[] =
    kinds.includes('patches') && kinds.includes('version') ? ['patches'] : [];
  const inOrder = kinds.filter((kind) => kind !== 'branch' && !beside.includes(kind));
  await Promise.all([
    (async () => {
      for (const kind of inOrder) {
        if (isMoot(kind)) break;
        await attempt(kind);
      }
    })(),
    ...beside.map((kind) => (isMoot(kind) ? undefined : attempt(kind))),
  ]);
  const [first] = failures.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  if (first !== undefined) throw first.error;
  return { facts, notices: kinds.flatMap((kind) => found.get(kind) ?? []) };
}

/** A gatherer's error with the kind of facts it was gathering, to throw the first in order. */
interface GathererFailure {
  kind: FactKind;
  error: unknown;
}
