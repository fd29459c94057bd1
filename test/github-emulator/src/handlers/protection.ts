/**
 * What protects branches and tags: classic branch protection and repository
 * rulesets (with GitHub's ref name conditions: `refs/heads/release/*`,
 * `~DEFAULT_BRANCH`, `~ALL`), and the rules that apply to one branch.
 */
import {
  GitHubError,
  errorBody,
  json,
  listResponse,
  notFound,
  numberParam,
  requireRepo,
  type EmulatorRequest,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { nodeId, repoApiUrl, repoWebUrl } from '../render.js';
import {
  sameRepo,
  type BranchProtectionRecord,
  type RepoRecord,
  type RulesetRecord,
  type RulesetRuleRecord,
} from '../state.js';

/**
 * True when `ref` matches a ruleset ref pattern as GitHub's fnmatch does:
 * `*` and `?` stay within one path segment, `**` crosses them. Matched by
 * dynamic programming over the two strings, never as a regular expression.
 */
export function matchRulesetPattern(pattern: string, ref: string): boolean {
  // reach[j]: the first i characters of the pattern match the first j of the ref.
  let reach = Array.from({ length: ref.length + 1 }, (_, j) => j === 0);
  let i = 0;
  while (i < pattern.length) {
    const double = pattern[i] === '*' && pattern[i + 1] === '*';
    const char = pattern[i];
    const next = Array.from({ length: ref.length + 1 }, () => false);
    for (let j = 0; j <= ref.length; j += 1) {
      if (char === '*') {
        // A star extends a match over any run (of non-slash characters for `*`).
        next[j] = reach[j] || (j > 0 && next[j - 1] === true && (double || ref[j - 1] !== '/'));
      } else if (j > 0 && reach[j - 1]) {
        next[j] = char === '?' ? ref[j - 1] !== '/' : ref[j - 1] === char;
      }
    }
    reach = next;
    i += double ? 2 : 1;
  }
  return reach[ref.length] === true;
}

/** True when a ruleset's conditions select `ref` (a full ref name) of `repo`. */
export function rulesetApplies(repo: RepoRecord, ruleset: RulesetRecord, ref: string): boolean {
  const selects = (pattern: string) =>
    pattern === '~ALL' ||
    (pattern === '~DEFAULT_BRANCH' && ref === `refs/heads/${repo.defaultBranch}`) ||
    matchRulesetPattern(pattern, ref);
  return ruleset.include.some(selects) && !ruleset.exclude.some(selects);
}

function renderRule(rule: RulesetRuleRecord) {
  switch (rule.type) {
    case 'pull_request':
      return {
        type: rule.type,
        parameters: {
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: false,
          require_last_push_approval: false,
          required_approving_review_count: rule.requiredApprovals,
          required_review_thread_resolution: false,
        },
      };
    case 'required_status_checks':
      return {
        type: rule.type,
        parameters: {
          required_status_checks: rule.contexts.map((context) => ({ context })),
          strict_required_status_checks_policy: rule.strict,
        },
      };
    default:
      return { type: rule.type };
  }
}

function renderRulesetSummary(ctx: HandlerContext, repo: RepoRecord, ruleset: RulesetRecord) {
  return {
    id: ruleset.id,
    name: ruleset.name,
    target: ruleset.target,
    source_type: 'Repository' as const,
    source: repo.fullName,
    enforcement: ruleset.enforcement,
    node_id: nodeId('RRS', ruleset.id),
    _links: {
      self: { href: `${repoApiUrl(ctx.urls, repo)}/rulesets/${ruleset.id}` },
      html: { href: `${repoWebUrl(ctx.urls, repo)}/rules/${ruleset.id}` },
    },
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
  };
}

/** Renders a `repository-ruleset` with its conditions and rules. */
export function renderRuleset(ctx: HandlerContext, repo: RepoRecord, ruleset: RulesetRecord) {
  return {
    ...renderRulesetSummary(ctx, repo, ruleset),
    bypass_actors: [],
    current_user_can_bypass: 'never' as const,
    conditions: { ref_name: { include: [...ruleset.include], exclude: [...ruleset.exclude] } },
    rules: ruleset.rules.map(renderRule),
  };
}

function rulesetsOf(ctx: HandlerContext, repo: RepoRecord): RulesetRecord[] {
  return ctx.state.rulesets.filter((r) => sameRepo(r.repo, repo.fullName));
}

// The list answers each ruleset without its conditions and rules, as GitHub
// does: a reader gets one ruleset to learn what it enforces.
const listRulesets: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const targets = (req.query.targets ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const rulesets = rulesetsOf(ctx, repo).filter(
    (r) => targets.length === 0 || targets.includes(r.target),
  );
  return listResponse(
    ctx,
    req,
    rulesets.map((r) => renderRulesetSummary(ctx, repo, r)),
  );
};

const getRuleset: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const id = numberParam(req, 'ruleset_id');
  const ruleset = rulesetsOf(ctx, repo).find((r) => r.id === id);
  if (!ruleset) throw notFound();
  return json(200, renderRuleset(ctx, repo, ruleset));
};

// Every rule of an active branch ruleset that selects the branch, whether or
// not the branch exists, each naming its ruleset.
const getBranchRules: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const ref = `refs/heads/${req.params.branch ?? ''}`;
  const rules = rulesetsOf(ctx, repo)
    .filter((r) => r.target === 'branch' && r.enforcement === 'active')
    .filter((r) => rulesetApplies(repo, r, ref))
    .flatMap((r) =>
      r.rules.map((rule) => ({
        ...renderRule(rule),
        ruleset_source_type: 'Repository' as const,
        ruleset_source: repo.fullName,
        ruleset_id: r.id,
      })),
    );
  return listResponse(ctx, req, rules);
};

function renderProtection(ctx: HandlerContext, repo: RepoRecord, p: BranchProtectionRecord) {
  const url = `${repoApiUrl(ctx.urls, repo)}/branches/${encodeURIComponent(p.branch)}/protection`;
  const enabled = (value: boolean) => ({ enabled: value });
  return {
    url,
    ...(p.requiredChecks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: p.strict,
            contexts: [...p.requiredChecks],
            contexts_url: `${url}/required_status_checks/contexts`,
            checks: p.requiredChecks.map((context) => ({ context, app_id: null })),
          },
        }
      : {}),
    ...(p.requiredReviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: p.requiredReviews.dismissStale,
            require_code_owner_reviews: p.requiredReviews.codeOwners,
            required_approving_review_count: p.requiredReviews.count,
            require_last_push_approval: false,
          },
        }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: p.enforceAdmins },
    required_linear_history: enabled(p.linearHistory),
    allow_force_pushes: enabled(p.allowForcePushes),
    allow_deletions: enabled(p.allowDeletions),
    block_creations: enabled(false),
    required_conversation_resolution: enabled(false),
    lock_branch: enabled(false),
    allow_fork_syncing: enabled(false),
  };
}

async function branchExists(ctx: HandlerContext, repo: RepoRecord, branch: string) {
  return (await ctx.git.getRef(repo, `refs/heads/${branch}`)) !== undefined;
}

function branchParam(req: EmulatorRequest): string {
  return req.params.branch ?? '';
}

// GitHub answers 404 both for an unprotected branch ("Branch not protected")
// and for a missing one ("Branch not found"); a token without the
// administration permission gets 403 (inject it with a `forbidden` fault).
const getBranchProtection: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const branch = branchParam(req);
  const protection = ctx.state.branchProtections.find(
    (p) => sameRepo(p.repo, repo.fullName) && p.branch === branch,
  );
  if (protection) return json(200, renderProtection(ctx, repo, protection));
  const message = (await branchExists(ctx, repo, branch))
    ? 'Branch not protected'
    : 'Branch not found';
  throw new GitHubError(404, errorBody(404, message));
};

export const protectionHandlers: Record<string, Handler> = {
  'repos/get-branch-protection': getBranchProtection,
  'repos/get-repo-rulesets': listRulesets,
  'repos/get-repo-ruleset': getRuleset,
  'repos/get-branch-rules': getBranchRules,
};
