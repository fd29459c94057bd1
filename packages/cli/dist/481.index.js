export const id = 481;
export const ids = [481];
export const modules = {

/***/ 6481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTIONS_DOCS: () => (/* reexport */ ACTIONS_DOCS),
  DEFAULT_CALL_DEADLINE_MS: () => (/* reexport */ DEFAULT_CALL_DEADLINE_MS),
  DEFAULT_MAX_DEPLOYMENTS: () => (/* reexport */ DEFAULT_MAX_DEPLOYMENTS),
  DEFAULT_MAX_RELEASES: () => (/* reexport */ DEFAULT_MAX_RELEASES),
  DEFAULT_MAX_RETRY_AFTER: () => (/* reexport */ DEFAULT_MAX_RETRY_AFTER),
  DEFAULT_RATE_LIMIT_RETRIES: () => (/* reexport */ DEFAULT_RATE_LIMIT_RETRIES),
  DEFAULT_REQUEST_TIMEOUT_MS: () => (/* reexport */ DEFAULT_REQUEST_TIMEOUT_MS),
  DEFAULT_RETRIES: () => (/* reexport */ DEFAULT_RETRIES),
  GitHubApiError: () => (/* reexport */ GitHubApiError),
  ISSUES_URL: () => (/* reexport */ ISSUES_URL),
  InputError: () => (/* reexport */ InputError),
  MATRIX_GROUPS: () => (/* reexport */ MATRIX_GROUPS),
  MAX_MATRIX_JOBS: () => (/* reexport */ MAX_MATRIX_JOBS),
  MAX_ORG_REPOSITORIES: () => (/* reexport */ MAX_ORG_REPOSITORIES),
  MAX_POLICY_FILE_BYTES: () => (/* reexport */ policy_file/* MAX_POLICY_FILE_BYTES */.ph),
  MAX_PULL_BODY_CHARS: () => (/* reexport */ MAX_PULL_BODY_CHARS),
  MAX_STATUS_FINDINGS: () => (/* reexport */ MAX_STATUS_FINDINGS),
  MAX_WORKFLOW_FILES: () => (/* reexport */ MAX_WORKFLOW_FILES),
  NOTES_END: () => (/* reexport */ NOTES_END),
  NOTES_START: () => (/* reexport */ NOTES_START),
  PromotionError: () => (/* reexport */ PromotionError),
  STATUS_ISSUE_MARKER: () => (/* reexport */ STATUS_ISSUE_MARKER),
  callGitHubApi: () => (/* reexport */ callGitHubApi),
  createOctokit: () => (/* reexport */ createOctokit),
  deployPromotion: () => (/* reexport */ deployPromotion),
  describePolicyFileProblem: () => (/* reexport */ policy_file/* describePolicyFileProblem */.z),
  failPromotion: () => (/* reexport */ failPromotion),
  findActionUses: () => (/* reexport */ findActionUses),
  formatForwardPortTitle: () => (/* reexport */ formatForwardPortTitle),
  formatRunUrl: () => (/* reexport */ formatRunUrl),
  gatherAuditFacts: () => (/* reexport */ gatherAuditFacts),
  gatherGitHubFacts: () => (/* reexport */ gatherGitHubFacts),
  gatherPromotionFacts: () => (/* reexport */ gatherPromotionFacts),
  gatherRunFacts: () => (/* reexport */ gatherRunFacts),
  listDeploymentHistory: () => (/* reexport */ listDeploymentHistory),
  listOrgRepositories: () => (/* reexport */ listOrgRepositories),
  logData: () => (/* reexport */ logData),
  mergeDeployments: () => (/* reexport */ mergeDeployments),
  mergeReleaseBody: () => (/* reexport */ mergeReleaseBody),
  mergeStatusReports: () => (/* reexport */ mergeStatusReports),
  nameEvidenceFiles: () => (/* reexport */ nameEvidenceFiles),
  parseBooleanInput: () => (/* reexport */ parseBooleanInput),
  planAuditMatrix: () => (/* reexport */ planAuditMatrix),
  publishRelease: () => (/* reexport */ publishRelease),
  readDeployments: () => (/* reexport */ readDeployments),
  readPolicyFileInside: () => (/* reexport */ policy_file/* readPolicyFileInside */.HZ),
  readPolicyFileSafely: () => (/* reexport */ policy_file/* readPolicyFileSafely */.rK),
  readPromotionArtifact: () => (/* reexport */ readPromotionArtifact),
  readRunContext: () => (/* reexport */ readRunContext),
  renderEnvironmentsTable: () => (/* reexport */ renderEnvironmentsTable),
  renderEvidenceMarkdown: () => (/* reexport */ renderEvidenceMarkdown),
  renderForwardPortBody: () => (/* reexport */ renderForwardPortBody),
  renderOrgMarkdown: () => (/* reexport */ renderOrgMarkdown),
  renderPipelineDiagram: () => (/* reexport */ renderPipelineDiagram),
  renderStatusIssueBody: () => (/* reexport */ renderStatusIssueBody),
  renderStatusMarkdown: () => (/* reexport */ renderStatusMarkdown),
  resolveRunBranch: () => (/* reexport */ resolveRunBranch),
  resolveWorkingDirectory: () => (/* reexport */ resolveWorkingDirectory),
  runPolicyAction: () => (/* reexport */ runPolicyAction),
  sanitizeReleaseNotes: () => (/* reexport */ sanitizeReleaseNotes),
  storePromotionEvidence: () => (/* reexport */ storePromotionEvidence),
  toGitHubApiError: () => (/* reexport */ toGitHubApiError),
  upsertForwardPortPull: () => (/* reexport */ upsertForwardPortPull),
  upsertStatusIssue: () => (/* reexport */ upsertStatusIssue),
  writeSummary: () => (/* reexport */ writeSummary)
});

// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(8947);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../core/src/index.ts + 112 modules
var src = __webpack_require__(4815);
;// CONCATENATED MODULE: ../github/src/text.ts
/**
 * Text constants of this package. Quoting, cutting and plurals live in
 * `@release-policy/core` (`quoteValue`, `truncateText`, `plural`).
 */
/** Where this package's documentation lives, relative to the repository root. */
const ACTIONS_DOCS = 'docs/actions.md';

;// CONCATENATED MODULE: ../github/src/errors.ts


/**
 * A GitHub REST call failed. Made once, at the boundary, by
 * {@link toGitHubApiError}; the original error is the `cause`.
 */
class GitHubApiError extends src/* ReleasePolicyError */.CP {
    status;
    operation;
    kind;
    requestId;
    apiMessage;
    constructor(message, details, options) {
        super(message, options);
        this.status = details.status;
        this.operation = details.operation;
        this.kind = details.kind;
        this.requestId = details.requestId;
        this.apiMessage = details.apiMessage;
    }
}
function isRequestErrorLike(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
function readApiMessage(error) {
    const data = error.response?.data;
    if (typeof data === 'object' && data !== null) {
        const message = data.message;
        if (typeof message === 'string' && message)
            return message;
    }
    if (typeof data === 'string' && data)
        return data;
    return error.message || undefined;
}
function header(error, name) {
    const value = error.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
/** The permission an operation needs, from its route. */
function describeRequiredPermission(operation) {
    const [method = 'GET', route = ''] = operation.split(' ');
    const write = method !== 'GET' && method !== 'HEAD';
    if (/\/issues\/(\{issue_number\}\/)?comments/.test(route) || /\/pulls\b/.test(route)) {
        return write ? 'pull-requests: write' : 'pull-requests: read';
    }
    if (/\/issues\b/.test(route))
        return write ? 'issues: write' : 'issues: read';
    if (/\/(contents|git|commits|branches|tags)\b/.test(route)) {
        return write ? 'contents: write' : 'contents: read';
    }
    if (/\/statuses\b|\/check-runs\b/.test(route))
        return write ? 'checks: write' : 'checks: read';
    return write ? 'contents: write' : 'contents: read';
}
function classify(error, apiMessage) {
    const { status } = error;
    const limited = header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(apiMessage ?? '');
    if (status === 429 || (status === 403 && limited))
        return 'rate-limited';
    if (status === 401)
        return 'unauthorized';
    if (status === 403)
        return 'forbidden';
    if (status === 404)
        return 'not-found';
    if (status === 422 || status === 400)
        return 'invalid';
    if (status >= 500)
        return isNetworkFailure(error) ? 'network' : 'server';
    if (status === 0)
        return 'network';
    return 'other';
}
function isNetworkFailure(error) {
    // Octokit reports a failed fetch (no response at all) as status 500 without a response.
    return error.response === undefined;
}
function advice(kind, operation, error) {
    const permission = describeRequiredPermission(operation);
    switch (kind) {
        case 'unauthorized':
            return ('The token is invalid or expired. Pass a valid token, for example ' +
                '`token: ${{ github.token }}`, or a fresh personal access token. ' +
                `Read more: ${ACTIONS_DOCS}#token-and-permissions`);
        case 'forbidden':
            return (`The token lacks a permission: the workflow needs \`permissions: { ${permission} }\`. ` +
                'On pull requests from forks the token is read-only; the findings stay in the job summary. ' +
                `Read more: ${ACTIONS_DOCS}#token-and-permissions`);
        case 'rate-limited': {
            const reset = Number(header(error, 'x-ratelimit-reset'));
            const when = Number.isFinite(reset) && reset > 0
                ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
                : '';
            return (`GitHub's API rate limit was exceeded and the retries ran out.${when} ` +
                'Re-run the job later, or space out the workflows that share this token. ' +
                `Read more: ${ACTIONS_DOCS}#rate-limits`);
        }
        case 'not-found':
            return ('The repository, ref or path does not exist, or the token cannot see it ' +
                `(a private repository needs \`${permission}\`). ` +
                `Read more: ${ACTIONS_DOCS}#token-and-permissions`);
        case 'invalid':
            return `GitHub rejected the request as invalid. Read more: ${ACTIONS_DOCS}#troubleshooting`;
        case 'server':
            return ('GitHub answered with a server error, also after retrying. Check https://www.githubstatus.com ' +
                `and re-run the job. Read more: ${ACTIONS_DOCS}#troubleshooting`);
        case 'network':
            return ('No answer came from the API. Check that GITHUB_API_URL points at the API ' +
                '(e.g. "https://api.github.com", or "https://HOST/api/v3" on GitHub Enterprise Server). ' +
                `Read more: ${ACTIONS_DOCS}#github-enterprise-server`);
        default:
            return `Read more: ${ACTIONS_DOCS}#troubleshooting`;
    }
}
/**
 * Converts whatever an Octokit call threw into a {@link GitHubApiError}
 * whose message says what failed, GitHub's answer, and what to do.
 * An error that already is a `GitHubApiError` is returned unchanged, so
 * converting twice is harmless.
 */
function toGitHubApiError(error, operation) {
    if (error instanceof GitHubApiError)
        return error;
    if (!isRequestErrorLike(error)) {
        const text = error instanceof Error ? error.message : String(error);
        return new GitHubApiError(`${operation} failed before GitHub answered: ${(0,src/* quoteValue */.cl)(text, 300)}. ${advice('network', operation, { status: 0, message: text })}`, { status: 0, operation, kind: 'network' }, { cause: error });
    }
    const apiMessage = readApiMessage(error);
    const kind = classify(error, apiMessage);
    const requestId = header(error, 'x-github-request-id');
    const answer = apiMessage ? ` ${(0,src/* quoteValue */.cl)(apiMessage, 300)}` : '';
    const id = requestId ? ` (request id ${requestId})` : '';
    const status = error.status === 0 ? 'no status' : String(error.status);
    return new GitHubApiError(`${operation} answered ${status}${answer}${id}. ${advice(kind, operation, error)}`, { status: error.status, operation, kind, requestId, apiMessage }, { cause: error });
}
/**
 * An action input cannot be used: a boolean that is neither true nor false,
 * a policy path that leaves the repository, a token that is missing where one
 * is needed. The message names the input, its value and the expected form.
 */
class InputError extends src/* ReleasePolicyError */.CP {
}
/**
 * The run's environment cannot be used, e.g. a `GITHUB_API_URL` that is not
 * an http(s) URL. The message names the variable's value and the expected form.
 */
class RunContextError extends src/* ReleasePolicyError */.CP {
}
/**
 * The policy file exists but cannot be read as a file: a directory, a
 * symlink or submodule, or a file the runner may not read. (A file that
 * reads but does not parse is a `ConfigError`.)
 */
class PolicyFileError extends src/* ReleasePolicyError */.CP {
}
/** An action output was given a name the runner does not accept. */
class OutputNameError extends src/* ReleasePolicyError */.CP {
}
/**
 * A sticky comment body lacks its marker, so later runs could not find the
 * comment. A caller's mistake: bodies from `renderCommentBody` carry it.
 */
class CommentMarkerError extends src/* ReleasePolicyError */.CP {
}
/** Runs one API call, converting what it throws once, here, into a {@link GitHubApiError}. */
async function callGitHubApi(operation, call) {
    try {
        return await call();
    }
    catch (error) {
        throw toGitHubApiError(error, operation);
    }
}
/**
 * Two promotions of the same environment ran at once and this one yielded,
 * or a promotion cannot go on with what it found (no commit for the ref).
 */
class PromotionError extends src/* ReleasePolicyError */.CP {
}

;// CONCATENATED MODULE: ../github/src/action-inputs.ts



/**
 * The environment variable the runner sets for the input `name`, as
 * `@actions/core` maps it: `INPUT_` plus the name upper-cased with spaces as
 * `_` (dashes kept), e.g. `bot-login` → `INPUT_BOT-LOGIN`.
 */
function describeInputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/**
 * An input reader over `env` (not `process.env`), so a run's inputs come
 * from the environment it was given. Values are trimmed like `core.getInput`.
 */
function readActionInputs(env) {
    return { get: (name) => (env[describeInputVariable(name)] ?? '').trim() };
}
/** Input values `core.getBooleanInput` accepts, as in the YAML 1.2 core schema. */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/**
 * Parses the value `raw` of the boolean input `name` of the action whose
 * check id is `check`: empty means `fallback`; `true`/`True`/`TRUE` and
 * `false`/`False`/`FALSE` as `core.getBooleanInput` reads them.
 * @throws InputError for anything else (`no`, `off`, `0`), instead of reading
 * it as either; the message links the action's inputs section.
 */
function parseBooleanInput(name, raw, fallback, check) {
    if (raw === '')
        return fallback;
    if (TRUE_VALUES.includes(raw))
        return true;
    if (FALSE_VALUES.includes(raw))
        return false;
    throw new InputError(`The input ${(0,src/* quoteValue */.cl)(name)} is ${(0,src/* quoteValue */.cl)(raw)}, which is neither true nor false. ` +
        `Give one of true, True, TRUE, false, False or FALSE, e.g. "${name}: false". Read more: ${ACTIONS_DOCS}#${check}-inputs`);
}

;// CONCATENATED MODULE: ../github/src/setting-reader.ts

/** Collects the settings the token could not read, and reads one setting guarded by it. */
class SettingReader {
    unreadable = [];
    /**
     * Runs `call`; a 403 that is not a rate limit ends as undefined, recorded
     * as unreadable with the permission `operation` needs (or `permission`).
     * Any other failure throws, converted once here.
     *
     * @throws GitHubApiError for failures other than a missing permission.
     */
    async read(setting, operation, call, permission = describeRequiredPermission(operation)) {
        try {
            return await call();
        }
        catch (error) {
            const failure = error instanceof GitHubApiError ? error : toGitHubApiError(error, operation);
            if (failure.kind !== 'forbidden')
                throw failure;
            this.unreadable.push({
                setting,
                permission,
                answer: `${failure.status} ${failure.apiMessage ?? 'Forbidden'}`,
            });
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ../github/src/audit-protection.ts
/**
 * How mainline, the lines and the release tags are protected: classic branch
 * protection and rulesets read together, as GitHub enforces both.
 */


const GET_PROTECTION = 'GET /repos/{owner}/{repo}/branches/{branch}/protection';
const GET_BRANCH_RULES = 'GET /repos/{owner}/{repo}/rules/branches/{branch}';
const LIST_RULESETS = 'GET /repos/{owner}/{repo}/rulesets';
/**
 * The classic protection of a branch; undefined when the branch is not
 * protected (GitHub's 404 "Branch not protected").
 */
async function readClassicProtection(octokit, repo, branch) {
    try {
        const { data } = await octokit.rest.repos.getBranchProtection({ ...repo, branch });
        return {
            pullRequests: data.required_pull_request_reviews !== undefined,
            requiredChecks: data.required_status_checks?.contexts ?? [],
            forcePushesBlocked: data.allow_force_pushes?.enabled !== true,
            deletionBlocked: data.allow_deletions?.enabled !== true,
        };
    }
    catch (error) {
        const failure = toGitHubApiError(error, GET_PROTECTION);
        // 404 is GitHub's answer for an unprotected branch; a 403 (no permission) is not.
        if (failure.kind === 'not-found')
            return undefined;
        throw failure;
    }
}
function enforcementOfRules(rules) {
    const types = new Set(rules.map((r) => r.type));
    return {
        pullRequests: types.has('pull_request'),
        requiredChecks: rules.flatMap((r) => r.type === 'required_status_checks'
            ? (r.parameters?.required_status_checks ?? []).map((c) => c.context)
            : []),
        forcePushesBlocked: types.has('non_fast_forward') || types.has('update'),
        deletionBlocked: types.has('deletion') || types.has('update'),
    };
}
/** Branch protection and branch rulesets together: a setting holds when either enforces it. */
function combine(branch, classic, rules) {
    const fromRules = enforcementOfRules(rules);
    const rulesetIds = [...new Set(rules.map((r) => r.ruleset_id))];
    const sources = [
        ...(classic ? ['branch protection'] : []),
        ...rulesetIds.map((id) => `ruleset ${id ?? '?'}`),
    ];
    return {
        name: branch.name,
        kind: branch.kind,
        sources,
        pullRequests: fromRules.pullRequests || (classic?.pullRequests ?? false),
        requiredChecks: [...new Set([...fromRules.requiredChecks, ...(classic?.requiredChecks ?? [])])],
        forcePushesBlocked: fromRules.forcePushesBlocked || (classic?.forcePushesBlocked ?? false),
        deletionBlocked: fromRules.deletionBlocked || (classic?.deletionBlocked ?? false),
    };
}
/**
 * Each planned branch's protection: two requests per branch (its classic
 * protection and the rules GitHub applies to it, which resolves ruleset
 * patterns such as `release/*` itself). Undefined when the token can read
 * neither; a branch whose classic protection is unreadable is judged by its
 * rulesets, with the unreadable setting recorded.
 */
async function readBranchProtections(octokit, repo, planned, reader) {
    const branches = [];
    for (const branch of planned) {
        const rules = await reader.read(`rulesets of the branch ${JSON.stringify(branch.name)}`, GET_BRANCH_RULES, async () => (await octokit.paginate(octokit.rest.repos.getBranchRules, {
            ...repo,
            branch: branch.name,
            per_page: 100,
        })), 'metadata: read');
        let classicRead = true;
        const classic = await reader.read(`branch protection of ${JSON.stringify(branch.name)}`, GET_PROTECTION, async () => {
            try {
                return await readClassicProtection(octokit, repo, branch.name);
            }
            catch (error) {
                if (error instanceof GitHubApiError && error.kind === 'forbidden')
                    classicRead = false;
                throw error;
            }
        }, 'administration: read');
        if (rules === undefined && !classicRead)
            return undefined;
        branches.push(combine(branch, classic, rules ?? []));
    }
    return branches;
}
/**
 * Which active tag rulesets select `sample` and what they block: the tag
 * rulesets listed once, then each read for its conditions and rules.
 * Undefined when the token cannot read them.
 */
async function readTagProtection(octokit, repo, sample, reader) {
    const rulesets = await reader.read('tag rulesets', LIST_RULESETS, async () => {
        const listed = await octokit.paginate(octokit.rest.repos.getRepoRulesets, {
            ...repo,
            targets: 'tag',
            per_page: 100,
        });
        const full = [];
        for (const summary of listed) {
            if (summary.enforcement !== 'active')
                continue;
            const { data } = await octokit.rest.repos.getRepoRuleset({
                ...repo,
                ruleset_id: summary.id,
            });
            full.push(data);
        }
        return full;
    }, 'metadata: read');
    if (!rulesets)
        return undefined;
    const selecting = rulesets.filter((r) => selectsRef(r, sample));
    const types = new Set(selecting.flatMap((r) => (r.rules ?? []).map((rule) => rule.type)));
    return {
        sample,
        rulesets: selecting.map((r) => r.name),
        updateBlocked: types.has('update') || types.has('non_fast_forward'),
        deletionBlocked: types.has('deletion'),
    };
}
function selectsRef(ruleset, ref) {
    const include = ruleset.conditions?.ref_name?.include ?? [];
    const exclude = ruleset.conditions?.ref_name?.exclude ?? [];
    const selects = (pattern) => pattern === '~ALL' || (0,src/* matchRefPattern */.Zl)(pattern, ref);
    return include.some(selects) && !exclude.some(selects);
}

;// CONCATENATED MODULE: ../github/src/audit-environments.ts
/**
 * The repository's environments as the audit reads them: required
 * reviewers, self-review and where deployments may come from.
 */

const LIST_ENVIRONMENTS = 'GET /repos/{owner}/{repo}/environments';
const LIST_BRANCH_POLICIES = 'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies';
function readReviewers(env) {
    const rule = env.protection_rules?.find((r) => r.type === 'required_reviewers');
    return {
        reviewers: rule?.reviewers?.length ?? 0,
        preventSelfReview: rule?.prevent_self_review === true,
    };
}
async function readBranches(octokit, repo, env, reader) {
    const policy = env.deployment_branch_policy;
    if (!policy)
        return { kind: 'all' };
    if (policy.protected_branches)
        return { kind: 'protected' };
    const patterns = await reader.read(`deployment branch policies of the environment ${JSON.stringify(env.name)}`, LIST_BRANCH_POLICIES, async () => {
        const { data } = await octokit.rest.repos.listDeploymentBranchPolicies({
            ...repo,
            environment_name: env.name,
            per_page: 100,
        });
        return data.branch_policies.map((p) => ({
            name: p.name ?? '',
            type: p.type === 'tag' ? 'tag' : 'branch',
        }));
    }, 'actions: read');
    return { kind: 'custom', patterns: patterns ?? [] };
}
/** Where deployments may come from, without reading the custom patterns. */
function describeUnreadBranches(env) {
    const policy = env.deployment_branch_policy;
    if (!policy)
        return { kind: 'all' };
    return policy.protected_branches ? { kind: 'protected' } : { kind: 'custom' };
}
/**
 * Every environment of the repository (100 a page, one page in practice);
 * the custom deployment branch patterns are read only for the environments
 * whose promotions need approvals. Undefined when the token cannot list them.
 */
async function readAuditEnvironments(octokit, repo, policy, reader) {
    const listed = await reader.read('environments', LIST_ENVIRONMENTS, async () => {
        const { data } = await octokit.rest.repos.getAllEnvironments({ ...repo, per_page: 100 });
        return (data.environments ?? []);
    }, 'actions: read');
    if (!listed)
        return undefined;
    const approving = new Set((0,src/* listPolicyEnvironments */.Lh)(policy)
        .filter((env) => env.approvals > 0)
        .map((env) => env.name.toLowerCase()));
    const environments = [];
    for (const env of listed) {
        const branches = approving.has(env.name.toLowerCase())
            ? await readBranches(octokit, repo, env, reader)
            : describeUnreadBranches(env);
        environments.push({ name: env.name, ...readReviewers(env), branches });
    }
    return environments;
}

;// CONCATENATED MODULE: ../github/src/deployments.ts
/**
 * Deployments as the promotion rules and the history read them: each with
 * its latest state, when it first went live and what its evidence record
 * says. Status lists are read per deployment, so the lists are bounded.
 */


/** Deployments of the target environment read at most, newest first. */
const DEFAULT_MAX_DEPLOYMENTS = 30;
const LIST_DEPLOYMENTS = 'GET /repos/{owner}/{repo}/deployments';
const LIST_STATUSES = 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
/**
 * The deployments `query` selects, newest first, each with its statuses
 * read: the latest state, and when it first reached `success`; down to the
 * first that `query.until` accepts, when given.
 *
 * @throws GitHubApiError when a call fails (after the Octokit's own retries)
 */
async function readDeployments(octokit, repo, query, 
/** Deployments already read in this run, by id: their statuses are not read again. */
known = new Map()) {
    const perPage = Math.min(query.max ?? DEFAULT_MAX_DEPLOYMENTS, 100);
    const { data } = await callGitHubApi(LIST_DEPLOYMENTS, () => octokit.rest.repos.listDeployments({
        ...repo,
        per_page: perPage,
        ...(query.environment !== undefined ? { environment: query.environment } : {}),
        ...(query.sha !== undefined ? { sha: query.sha } : {}),
    }));
    const entries = [];
    for (const deployment of data) {
        const entry = known.get(deployment.id) ?? (await readDeploymentEntry(octokit, repo, deployment));
        known.set(entry.id, entry);
        entries.push(entry);
        if (query.until?.(entry) === true)
            break;
    }
    return entries;
}
async function readDeploymentEntry(octokit, repo, deployment) {
    const { data: statuses } = await callGitHubApi(LIST_STATUSES, () => octokit.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: deployment.id,
        per_page: 100,
    }));
    // GitHub lists statuses newest first; the id orders them when times tie.
    const ordered = [...statuses].sort((a, b) => b.id - a.id);
    const succeeded = ordered.filter((s) => s.state === 'success').at(-1);
    const record = (0,src/* readEvidencePayload */.MG)(deployment.payload);
    // A deployment GitHub made for a job bound to the environment has no record: its run is in its status links.
    const linked = ordered
        .map((st) => /\/actions\/runs\/(\d+)(?:\/|$)/.exec(st.log_url ?? st.target_url ?? '')?.[1])
        .find((id) => id !== undefined);
    return {
        ...(linked !== undefined ? { runId: Number(linked) } : {}),
        id: deployment.id,
        environment: deployment.environment,
        sha: deployment.sha,
        createdAt: deployment.created_at,
        creator: deployment.creator?.login ?? 'ghost',
        state: (ordered[0]?.state ?? 'pending'),
        ...(succeeded ? { succeededAt: succeeded.created_at } : {}),
        ...record,
        ...(record.version === undefined ? { unrecorded: true } : {}),
        version: record.version ?? deployment.ref,
    };
}
/**
 * The deployment history of one environment, newest first: who deployed
 * which version when, its state, approvers, canary percent and rollbacks
 * (from each deployment's evidence record).
 *
 * @throws GitHubApiError when a call fails
 */
function listDeploymentHistory(octokit, repo, environment, max = DEFAULT_MAX_DEPLOYMENTS) {
    return readDeployments(octokit, repo, { environment, max });
}
/** Merges lists of deployments by id, newest first. */
function mergeDeployments(...lists) {
    const byId = new Map();
    for (const list of lists)
        for (const d of list)
            byId.set(d.id, d);
    return [...byId.values()].sort((a, b) => b.id - a.id);
}

;// CONCATENATED MODULE: ../github/src/audit-workflows.ts

const GET_CONTENT = 'GET /repos/{owner}/{repo}/contents/{path}';
const WORKFLOWS = '.github/workflows';
/** Workflow files read at most, so a repository with hundreds stays bounded. */
const MAX_WORKFLOW_FILES = 50;
/** A `uses:` value of a step or a job: `- uses: x`, `uses: 'x'`, `uses: "x" # note`. */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*["']?([^"'\s#]+)/;
/**
 * Every use of `repository`'s actions or workflows in a workflow's text
 * (owner/name compared case-insensitively, as GitHub does), with the ref
 * after `@` and the line.
 */
function findActionUses(text, repository) {
    const prefix = `${repository.toLowerCase()}/`;
    const uses = [];
    text.split(/\r?\n/).forEach((line, index) => {
        const value = USES_LINE.exec(line)?.[1];
        if (value === undefined || !value.toLowerCase().startsWith(prefix))
            return;
        const at = value.lastIndexOf('@');
        uses.push({ uses: value, ref: at < 0 ? '' : value.slice(at + 1), line: index + 1 });
    });
    return uses;
}
async function listWorkflowPaths(octokit, repo) {
    try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path: WORKFLOWS });
        if (!Array.isArray(data))
            return [];
        return data
            .filter((entry) => entry.type === 'file' && /\.ya?ml$/i.test(entry.name))
            .map((entry) => entry.path)
            .slice(0, MAX_WORKFLOW_FILES);
    }
    catch (error) {
        const failure = toGitHubApiError(error, GET_CONTENT);
        // No .github/workflows folder: no workflows, which the audit reports.
        if (failure.kind === 'not-found')
            return [];
        throw failure;
    }
}
async function readText(octokit, repo, path) {
    const response = await octokit.rest.repos.getContent({
        ...repo,
        path,
        mediaType: { format: 'raw' },
    });
    const data = response.data;
    return typeof data === 'string' ? data : '';
}
/**
 * The workflow files on the default branch with their uses of the policy's
 * action repository. Undefined when the token cannot read contents.
 */
async function readWorkflowUses(octokit, repo, policy, reader) {
    return reader.read('workflow files', GET_CONTENT, async () => {
        const workflows = [];
        for (const path of await listWorkflowPaths(octokit, repo)) {
            const text = await readText(octokit, repo, path);
            workflows.push({ path, uses: findActionUses(text, policy.audit.actionRepository) });
        }
        return workflows;
    });
}

;// CONCATENATED MODULE: ../github/src/audit-gather.ts
/**
 * The configuration audit's facts, read through the API and never changed:
 * environments, branch protection and rulesets of mainline and the lines,
 * tag rulesets, the workflow files, and what is deployed where. A setting the
 * token cannot read (403) becomes an `unreadable` fact naming the
 * permission, never a failure and never a silent pass.
 */






const GET_REPO = 'GET /repos/{owner}/{repo}';
/**
 * The deployments of each of the policy's environments, newest first, down
 * to its live promotion: the statuses of older ones are not read. GitHub's
 * own deployments of jobs bound to an environment are read on the way (they
 * have no evidence record, so they are never what went live).
 */
async function readLiveDeployments(octokit, repo, policy) {
    const deployments = [];
    for (const { name } of (0,src/* listPolicyEnvironments */.Lh)(policy)) {
        const until = (entry) => (0,src/* findLiveDeployment */.jc)([entry], name) !== undefined;
        deployments.push(...(await readDeployments(octokit, repo, { environment: name, until })));
    }
    return deployments;
}
const LIST_REFS = 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}';
/** Every ref name under `refs/<prefix>/`, short (`main`, `v1.4.0`): GitHub answers them in one list. */
async function listRefNames(octokit, repo, prefix) {
    const { data } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: `${prefix}/` });
    return data.map((r) => r.ref.slice(`refs/${prefix}/`.length));
}
/**
 * Reads every audit fact of one repository with few requests (one listing
 * per kind of setting, then one or two reads per audited line, environment
 * and workflow file).
 *
 * @throws GitHubApiError when a call fails for a reason other than a missing permission.
 */
async function gatherAuditFacts(input) {
    const { octokit, repo, policy } = input;
    const reader = new SettingReader();
    const repository = await reader.read('repository', GET_REPO, async () => (await octokit.rest.repos.get({ ...repo })).data);
    const webUrl = repository?.html_url ?? `https://github.com/${repo.owner}/${repo.repo}`;
    const branchNames = await reader.read('branches', LIST_REFS, () => listRefNames(octokit, repo, 'heads'));
    const tagNames = await reader.read('tags', LIST_REFS, () => listRefNames(octokit, repo, 'tags'));
    const environments = await readAuditEnvironments(octokit, repo, policy, reader);
    const planned = branchNames
        ? (0,src/* planAuditBranches */.Vo)(branchNames, policy).filter((b) => branchNames.includes(b.name))
        : undefined;
    const branches = planned
        ? await readBranchProtections(octokit, repo, planned, reader)
        : undefined;
    const tags = await readTagProtection(octokit, repo, (0,src/* planTagSample */.R0)(tagNames ?? [], policy), reader);
    const workflows = await readWorkflowUses(octokit, repo, policy, reader);
    const deployments = await reader.read('deployments', 'GET /repos/{owner}/{repo}/deployments', () => readLiveDeployments(octokit, repo, policy), 'deployments: read');
    return {
        repository: `${repo.owner}/${repo.repo}`,
        webUrl,
        ...(environments ? { environments } : {}),
        ...(branches ? { branches } : {}),
        ...(tags ? { tags } : {}),
        ...(workflows ? { workflows } : {}),
        ...(tagNames ? { tagNames } : {}),
        ...(deployments ? { deployments } : {}),
        unreadable: reader.unreadable,
    };
}

;// CONCATENATED MODULE: ../github/src/api-facts.ts


/** Releases read at most, so a repository with thousands of them stays a bounded call. */
const DEFAULT_MAX_RELEASES = 1000;
/** Closed pull requests read at most, newest first, for the release notes' risk assessment. */
const DEFAULT_MAX_MERGED_PULLS = 1000;
const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls';
const LIST_RELEASES = 'GET /repos/{owner}/{repo}/releases';
/**
 * Reads the GitHub facts `needs` asks for. The pull request is re-read from
 * the API, as the event payload may be older than the author's last edit.
 *
 * @throws GitHubApiError when a call fails (after the Octokit's own retries).
 */
async function gatherGitHubFacts(input) {
    const gathered = { notices: [] };
    if (input.needs.includes('pullRequest')) {
        if (input.pullRequest === undefined) {
            gathered.notices.push('No pull request is under test, so the checks had no pull-request facts.');
        }
        else {
            const found = await readPullRequest(input.octokit, input.repo, input.pullRequest);
            if (found.pullRequest)
                gathered.pullRequest = found.pullRequest;
            gathered.notices.push(...found.notices);
        }
    }
    if (input.needs.includes('releases')) {
        const max = input.maxReleases ?? DEFAULT_MAX_RELEASES;
        gathered.releases = await readReleases(input.octokit, input.repo, max);
        if (gathered.releases.truncated) {
            gathered.notices.push(`Only the newest ${max} releases were read; older ones were left out of the checks.`);
        }
    }
    if (input.needs.includes('mergedPullRequests')) {
        const max = input.maxMergedPullRequests ?? DEFAULT_MAX_MERGED_PULLS;
        gathered.mergedPullRequests = await readMergedPullRequests(input.octokit, input.repo, max);
        if (gathered.mergedPullRequests.truncated) {
            gathered.notices.push(`Only the newest ${max} closed pull requests were read; older ones were left out of the risk assessment.`);
        }
    }
    if (input.needs.includes('audit') && input.policy) {
        gathered.audit = await gatherAuditFacts({
            octokit: input.octokit,
            repo: input.repo,
            policy: input.policy,
        });
    }
    return gathered;
}
/**
 * The merged pull requests, newest first: one paginated list of closed pull
 * requests (100 a page), never one request per commit.
 */
async function readMergedPullRequests(octokit, repo, max) {
    const items = [];
    let read = 0;
    let truncated = false;
    const pages = octokit.paginate.iterator(octokit.rest.pulls.list, {
        ...repo,
        state: 'closed',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
    });
    await callApi(LIST_PULLS, async () => {
        for await (const page of pages) {
            for (const pull of page.data) {
                if (read === max) {
                    truncated = true;
                    return;
                }
                read += 1;
                if (!pull.merged_at)
                    continue;
                items.push({
                    number: pull.number,
                    title: pull.title,
                    body: pull.body ?? '',
                    ...(pull.merge_commit_sha ? { mergeCommitSha: pull.merge_commit_sha } : {}),
                });
            }
        }
    });
    return { items, truncated };
}
async function readPullRequest(octokit, repo, lookup) {
    if (typeof lookup === 'number') {
        const { data } = await callApi(GET_PULL, () => octokit.rest.pulls.get({ ...repo, pull_number: lookup }));
        return { pullRequest: convertPullRequest(data), notices: [] };
    }
    const { data } = await callApi(LIST_PULLS, () => octokit.rest.pulls.list({
        ...repo,
        head: `${repo.owner}:${lookup.head}`,
        state: 'open',
        per_page: 100,
    }));
    const where = `${repo.owner}/${repo.repo}`;
    const [first, ...others] = data;
    if (!first) {
        return {
            notices: [
                `No open pull request comes from branch ${JSON.stringify(lookup.head)} in ${where}, ` +
                    'so the checks had no pull-request facts. Push the branch and open a pull request, or run in its workflow.',
            ],
        };
    }
    // GitHub lists the newest first: several open pull requests from one branch (into different bases) are rare.
    const notices = others.length > 0
        ? [
            `${data.length} open pull requests come from branch ${JSON.stringify(lookup.head)} in ${where}; ` +
                `the newest, #${first.number}, was checked.`,
        ]
        : [];
    return { pullRequest: convertPullRequest(first), notices };
}
/** The pull-request facts of one answer: a null body becomes `''`. */
function convertPullRequest(data) {
    return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        labels: data.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
        // A deleted account (null) shows as GitHub's own placeholder.
        author: data.user?.login ?? 'ghost',
        authorType: data.user?.type ?? 'User',
        draft: data.draft ?? false,
        head: { ref: data.head.ref, sha: data.head.sha },
        base: { ref: data.base.ref, sha: data.base.sha },
    };
}
async function readReleases(octokit, repo, max) {
    const items = [];
    const pages = octokit.paginate.iterator(octokit.rest.repos.listReleases, {
        ...repo,
        per_page: 100,
    });
    let truncated = false;
    await callApi(LIST_RELEASES, async () => {
        for await (const page of pages) {
            for (const release of page.data) {
                if (items.length === max) {
                    truncated = true;
                    return;
                }
                items.push(convertRelease(release));
            }
        }
    });
    return { items, truncated };
}
function convertRelease(data) {
    return {
        id: data.id,
        tag: data.tag_name,
        name: data.name ?? '',
        draft: data.draft,
        prerelease: data.prerelease,
        ...(data.published_at ? { publishedAt: data.published_at } : {}),
    };
}
/** Runs one API call, converting what it throws once, here, into a GitHubApiError. */
async function callApi(operation, call) {
    try {
        return await call();
    }
    catch (error) {
        throw toGitHubApiError(error, operation);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ../github/src/context.ts




/** The public GitHub API, used when neither `baseUrl` nor `GITHUB_API_URL` is set. */
const DEFAULT_API_URL = 'https://api.github.com';
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function positiveInt(raw, fallback) {
    const n = Number(raw);
    return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}
/** The advice every unreadable-payload error ends with. */
const PAYLOAD_ADVICE = 'The runner writes the event payload as JSON to the file named by GITHUB_EVENT_PATH; a step that ' +
    'rewrites or truncates that file, or a full disk, leaves it unreadable. Re-run the job, or unset ' +
    `GITHUB_EVENT_PATH when running outside Actions. Read more: ${ACTIONS_DOCS}#troubleshooting`;
/**
 * Reads the event payload JSON. Throws RunContextError when the file cannot
 * be read or is not a JSON object: without it a pull request's base (whose
 * policy governs the run) is unknown, so guessing would be unsafe. The
 * message never quotes the file's content.
 */
function readPayload(path) {
    if (!path)
        return {};
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new RunContextError(`The event payload GITHUB_EVENT_PATH=${(0,src/* quoteValue */.cl)(path)} cannot be read (${typeof code === 'string' ? code : 'error'}). ${PAYLOAD_ADVICE}`, { cause: error });
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new RunContextError(`The event payload at GITHUB_EVENT_PATH=${(0,src/* quoteValue */.cl)(path)} is not valid JSON ` +
            `(${text.length} characters, cut short or damaged?). ${PAYLOAD_ADVICE}`, { cause: error });
    }
    if (isObject(parsed))
        return parsed;
    throw new RunContextError(`The event payload at GITHUB_EVENT_PATH=${(0,src/* quoteValue */.cl)(path)} is JSON but not an object ` +
        `(it is ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}). ${PAYLOAD_ADVICE}`);
}
/** The events whose payload carries a `pull_request` object. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
]);
/**
 * What a pull-request event's payload lacks to name the pull request and its
 * base, in words (`a "pull_request" object`, `pull_request.number`, …);
 * undefined when nothing is missing or `eventName` is not a pull-request event.
 */
function describeMissingPullRequest(eventName, payload) {
    if (!PULL_REQUEST_EVENTS.has(eventName))
        return undefined;
    const pr = payload.pull_request;
    if (!isObject(pr))
        return 'a "pull_request" object';
    const missing = [];
    const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
    if (!Number.isSafeInteger(number) || number <= 0)
        missing.push('pull_request.number');
    const base = isObject(pr.base) ? pr.base : {};
    if (!str(base.ref) && !str(base.sha))
        missing.push('pull_request.base.ref and pull_request.base.sha');
    return missing.length > 0 ? missing.join(', ') : undefined;
}
/** Extracts the pull request from a payload (`pull_request`, `pull_request_target`, reviews). */
function context_readPullRequest(payload) {
    const pr = payload.pull_request;
    if (!isObject(pr))
        return undefined;
    const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
    if (!Number.isSafeInteger(number) || number <= 0)
        return undefined;
    const head = isObject(pr.head) ? pr.head : {};
    const base = isObject(pr.base) ? pr.base : {};
    const headRepo = isObject(head.repo) ? str(head.repo.full_name) : '';
    const baseRepo = isObject(base.repo) ? str(base.repo.full_name) : '';
    return {
        number,
        title: str(pr.title),
        body: str(pr.body),
        headRef: str(head.ref),
        headSha: str(head.sha),
        baseRef: str(base.ref),
        baseSha: str(base.sha),
        headRepo,
        // A deleted head repository (null) is treated as a fork: assume the least access.
        isFork: !headRepo || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
        draft: pr.draft === true,
        author: isObject(pr.user) ? str(pr.user.login) : '',
    };
}
/**
 * Reads the run context from the environment the runner provides and the
 * event payload at `GITHUB_EVENT_PATH`. A missing or malformed variable is
 * left empty and described in `problems`.
 * @throws RunContextError when the event payload cannot be read or is not a JSON object.
 */
function readRunContext(env = process.env) {
    const problems = [];
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner = '', repo = ''] = repository.split('/');
    if (!owner || !repo || repository.split('/').length !== 2) {
        problems.push(`GITHUB_REPOSITORY is ${(0,src/* quoteValue */.cl)(repository)}; expected "owner/repo", e.g. "octo-org/service". ` +
            'It is set by the Actions runner.');
    }
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const ref = env.GITHUB_REF ?? '';
    const refType = env.GITHUB_REF_TYPE === 'branch' || env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_TYPE : '';
    const refName = env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, '');
    return {
        eventName,
        repo: { owner, repo },
        sha: env.GITHUB_SHA ?? '',
        ref,
        refName,
        refType,
        headRef: env.GITHUB_HEAD_REF ?? '',
        baseRef: env.GITHUB_BASE_REF ?? '',
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''),
        runId: positiveInt(env.GITHUB_RUN_ID, 0),
        runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT, 1),
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        actionRepository: env.GITHUB_ACTION_REPOSITORY ?? '',
        actionRef: env.GITHUB_ACTION_REF ?? '',
        pullRequest: context_readPullRequest(payload),
        missingPullRequest: describeMissingPullRequest(eventName, payload),
        problems,
    };
}
/** Link to the run's page (job summary included), or `undefined` without a run id. */
function formatRunUrl(context) {
    if (!context.runId || !context.repo.owner || !context.repo.repo)
        return undefined;
    const { owner, repo } = context.repo;
    const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : '';
    return `${context.serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${context.runId}${attempt}`;
}
/**
 * Where the documentation links point when the running action's repository
 * is unknown: the docs of the release this bundle was built from.
 */
const FALLBACK_DOCS_BASE_URL = (0,src/* formatReleaseDocsBaseUrl */.YQ)();
/**
 * Where rule documentation links point: the running action's own repository
 * at its ref (`GITHUB_ACTION_REPOSITORY`, `GITHUB_ACTION_REF`), so the docs
 * match the code that runs. When that is unknown (a local action, `uses:
 * ./…`, leaves it empty) the docs of the release this bundle was built from,
 * {@link FALLBACK_DOCS_BASE_URL}, so a link is never relative to a page it
 * does not belong to.
 */
function resolveDocsBaseUrl(context) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(context.actionRepository))
        return FALLBACK_DOCS_BASE_URL;
    const ref = /^[\w./-]+$/.test(context.actionRef) ? context.actionRef : 'HEAD';
    return `${context.serverUrl}/${context.actionRepository}/blob/${ref}/`;
}
/**
 * The branch a run checks, and for a pull request its base: the explicit
 * inputs first, then the pull request, then the pushed branch, decided by
 * core's `resolveBranchUnderTest` (the CLI asks the same function). Undefined
 * when the run is not for a branch (a tag push, a manual run without one).
 */
function resolveRunBranch(context, inputs = {}) {
    const pr = context.pullRequest;
    const head = pr?.headRef || context.headRef;
    return (0,src/* resolveBranchUnderTest */.Ls)({
        branch: inputs.branch,
        base: inputs.base,
        pullRequest: head ? { head, base: pr?.baseRef || context.baseRef } : undefined,
        pushedRef: context.refType === 'branch' ? `refs/heads/${context.refName}` : undefined,
    });
}
/**
 * The run's facts for the checks: what the run is for (event and ref, so the
 * branch check can say why there is no branch) and the branch under test,
 * from `resolveRunBranch` with the action's `branch` and `base` inputs.
 */
function gatherRunFacts(context, inputs = {}) {
    const branch = resolveRunBranch(context, inputs);
    const run = { event: context.eventName, ref: context.ref };
    return branch ? { run, branch } : { run };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(66);
// EXTERNAL MODULE: ../../node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(1582);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(2847);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(3510);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(4491);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(2812);
// EXTERNAL MODULE: ../../node_modules/undici/index.js
var undici = __webpack_require__(1684);
;// CONCATENATED MODULE: ../github/src/secrets.ts

/**
 * The one redaction step: every text that leaves the action (pull-request
 * comment, job summary, annotations, outputs, log lines, failure message)
 * passes through {@link redactSecrets} first. Masking in the runner covers
 * only the log and only the exact value; a comment is written through the
 * API, and a cut value leaves a prefix no exact match can find.
 */
/** What a secret, or a piece of one, shows instead. */
const REDACTED = '***';
/**
 * Any piece of a secret this long is redacted wherever it appears, so a
 * value cut in a message (`ghs_abcdefgh…`) still hides what it shows.
 */
const SECRET_FRAGMENT_LENGTH = 8;
/** Shorter values are not credentials; redacting them would garble every text. */
const MIN_SECRET_LENGTH = 4;
/** Environment variables of the runner that hold credentials. */
const SECRET_ENV = ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** Inputs whose name says they hold a credential (`token`, `app-private-key`, …). */
const SECRET_INPUT = /^INPUT_.*(TOKEN|SECRET|PASSWORD|PRIVATE[-_]KEY|CREDENTIAL)/i;
let known = { values: [], fragments: new Set() };
/**
 * The credentials a run knows, from its environment: the token inputs (any
 * `INPUT_*` named like a credential), `GITHUB_TOKEN` and the runner's own
 * tokens. Values are trimmed; empty and very short ones are left out.
 */
function readActionSecrets(env) {
    const names = Object.keys(env).filter((name) => SECRET_ENV.includes(name) || SECRET_INPUT.test(name));
    const values = names.map((name) => (env[name] ?? '').trim());
    return [...new Set(values.filter((value) => value.length >= MIN_SECRET_LENGTH))];
}
/** Makes `values` the secrets every outgoing text is redacted of (the previous set is dropped). */
function setKnownSecrets(values) {
    known = buildSecretSet(values);
}
function buildSecretSet(values) {
    const kept = [...new Set(values.map((v) => v.trim()))]
        .filter((v) => v.length >= MIN_SECRET_LENGTH)
        .sort((a, b) => b.length - a.length);
    const fragments = new Set();
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
function redactSecrets(text, secrets) {
    const set = secrets ? buildSecretSet(secrets) : known;
    if (set.values.length === 0 || text === '')
        return text;
    let out = text;
    for (const value of set.values) {
        if (value.length < SECRET_FRAGMENT_LENGTH)
            out = out.split(value).join(REDACTED);
    }
    return set.fragments.size === 0 ? out : redactFragments(out, set.fragments);
}
/** Replaces each stretch of text covered by known fragments with one `***`. */
function redactFragments(text, fragments) {
    const parts = [];
    let emitted = 0;
    let start = -1;
    let end = -1;
    for (let i = 0; i + SECRET_FRAGMENT_LENGTH <= text.length; i += 1) {
        if (!fragments.has(text.slice(i, i + SECRET_FRAGMENT_LENGTH)))
            continue;
        if (start >= 0 && i <= end) {
            end = i + SECRET_FRAGMENT_LENGTH;
            continue;
        }
        if (start >= 0)
            parts.push(text.slice(emitted, start), REDACTED);
        if (start >= 0)
            emitted = end;
        start = i;
        end = i + SECRET_FRAGMENT_LENGTH;
    }
    if (start < 0)
        return text;
    parts.push(text.slice(emitted, start), REDACTED, text.slice(end));
    return parts.join('');
}
/**
 * A value with every string in it redacted (arrays and plain objects are
 * copied, other values kept): findings and outputs before they are rendered
 * or cut, so no cut can split a secret.
 */
function redactValue(value) {
    return redactDeep(value);
}
function redactDeep(value) {
    if (known.values.length === 0)
        return value;
    if (typeof value === 'string')
        return redactSecrets(value);
    if (Array.isArray(value))
        return value.map(redactDeep);
    if (value !== null &&
        typeof value === 'object' &&
        Object.getPrototypeOf(value) === Object.prototype)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
    return value;
}
/**
 * Text ready to leave the action: secrets redacted, then invisible and
 * control characters escaped ({@link escapeInvisible}, the policy every
 * output shares). `singleLine` also escapes line feeds and tabs.
 */
function sanitizeOutgoingText(text, options = {}) {
    return (0,src/* escapeInvisible */.ts)(redactSecrets(text), options);
}

;// CONCATENATED MODULE: ../github/src/log.ts



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
function neutraliseLogLine(line) {
    let out = (0,src/* escapeInvisible */.ts)(line);
    out = out.replace(/##\[/g, '#\\#[');
    const lead = out.length - out.trimStart().length;
    if (out.startsWith('::', lead))
        out = `${out.slice(0, lead)}\\${out.slice(lead)}`;
    return out;
}
/** Splits untrusted text into lines (LF, CR or CRLF) and neutralises each; joined with `\n`. */
function formatLogData(text) {
    return text.split(LINE_BREAK).map(neutraliseLogLine).join('\n');
}
/**
 * Shows one untrusted value on a single line: JSON-quoted, so CR and LF
 * appear as `\r` and `\n`, and neutralised.
 */
function quoteForLog(value) {
    return neutraliseLogLine(JSON.stringify(value));
}
/**
 * Prints untrusted text to the job log, secrets redacted
 * ({@link redactSecrets}); it can never start a workflow command.
 */
function logData(text) {
    core/* info */.pq(formatLogData(redactSecrets(text)));
}
/**
 * A logger for Octokit that writes through the safe helpers. Warnings and
 * errors go to the log, not to annotations: annotations are reserved for
 * findings (GitHub keeps only 10 per severity and step).
 */
function createActionsLog() {
    const text = (message) => typeof message === 'string'
        ? message
        : message instanceof Error
            ? message.message
            : String(message);
    return {
        debug: (message) => core/* debug */.Yz(redactSecrets(text(message))),
        info: (message) => logData(text(message)),
        warn: (message) => logData(`Warning: ${text(message)}`),
        error: (message) => logData(`Error: ${text(message)}`),
    };
}

;// CONCATENATED MODULE: ../github/src/octokit.ts














/**
 * The Octokit this project uses: REST methods, pagination, retry and
 * throttling. Composed here, as `@actions/github` composes its own, rather
 * than imported from it: every module of that package builds a `Context` when
 * imported, which parses GITHUB_EVENT_PATH, so a damaged payload would crash
 * the bundle with a raw stack trace before any message could be written.
 */
const ProjectOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._, dist_bundle/* paginateRest */.ud, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/**
 * A fetch through the runner's proxy for `baseUrl` (HTTPS_PROXY, NO_PROXY…,
 * as `@actions/http-client` reads them), or undefined when there is none.
 */
function createProxyFetch(baseUrl) {
    const dispatcher = new lib/* HttpClient */.Qq().getAgentDispatcher(baseUrl);
    if (!dispatcher)
        return undefined;
    // undici's fetch takes the same arguments as the global one, plus the dispatcher.
    const proxied = (input, init) => (0,undici/* fetch */.hd)(input, {
        ...init,
        dispatcher,
    });
    return proxied;
}
/** The user agent, with the runner's orchestration id when it gives one (as `@actions/github` does). */
function describeUserAgent(base, env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `${base} actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}
/** Retries of a failed request (5xx, network) before giving up. */
const DEFAULT_RETRIES = 3;
/** Retries after a primary or secondary rate limit before giving up. */
const DEFAULT_RATE_LIMIT_RETRIES = 2;
/** Longest wait, in seconds, a rate limit may ask for before the call gives up instead. */
const DEFAULT_MAX_RETRY_AFTER = 120;
/**
 * Longest wait, in milliseconds, for one attempt's answer. An API (or a proxy)
 * that accepts the connection and never answers would otherwise hold each
 * attempt for the HTTP client's 300 s headers timeout.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/**
 * Longest time, in milliseconds, one call may take, retries and their waits
 * included: four silent attempts (4 × 20 s) and the waits between them (1 + 4
 * + 9 s) end sooner, so the step fails well within two minutes.
 */
const DEFAULT_CALL_DEADLINE_MS = 100_000;
/** Statuses the retry plugin never retries; 403/429 rate limits belong to the throttling plugin. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** Resolves and checks the API root: explicit value, then `GITHUB_API_URL`, then the public API. */
function resolveApiUrl(baseUrl, env = process.env) {
    const raw = (baseUrl ?? env.GITHUB_API_URL ?? '').trim() || DEFAULT_API_URL;
    let url;
    try {
        url = new URL(raw);
    }
    catch (error) {
        throw new RunContextError(`The GitHub API URL ${(0,src/* quoteValue */.cl)(raw)} is not a URL. Expected an absolute http(s) URL, ` +
            `e.g. "https://api.github.com" or "https://github.example.com/api/v3". Read more: ${ACTIONS_DOCS}#github-enterprise-server`, { cause: error });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new RunContextError(`The GitHub API URL ${(0,src/* quoteValue */.cl)(raw)} must use https (or http for a local server), ` +
            `e.g. "https://github.example.com/api/v3". Read more: ${ACTIONS_DOCS}#github-enterprise-server`);
    }
    return raw.replace(/\/+$/, '');
}
/**
 * Makes an Octokit for the Actions runner: the token is masked in the log,
 * the API root honours `GITHUB_API_URL` (GitHub Enterprise Server) at call
 * time, failed requests are retried a bounded number of times, and rate
 * limits are waited out at most `rateLimitRetries` times. Every attempt has
 * its own timeout and every call a deadline, so an API that never answers
 * fails the call in bounded time with a {@link GitHubApiError} naming the
 * host and the operation.
 */
function createOctokit(options) {
    const token = options.token?.trim() ?? '';
    if (!token) {
        throw new InputError('No GitHub token was given. Pass one in the `token` input, e.g. `token: ${{ github.token }}`, ' +
            `with the permissions the action needs. Read more: ${ACTIONS_DOCS}#token-and-permissions`);
    }
    if (options.maskToken !== false)
        core/* setSecret */.Pq(token);
    const baseUrl = resolveApiUrl(options.baseUrl, options.env);
    const log = options.log ?? createActionsLog();
    const rateLimitRetries = options.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;
    const maxWait = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER;
    const base = options.retryAfterBaseMs ?? 1000;
    const onLimit = (what) => (retryAfter, request, _octokit, retryCount) => {
        const where = `${request.method} ${request.url}`;
        if (retryCount >= rateLimitRetries) {
            log.warn(`GitHub ${what} on ${where}: giving up after ${retryCount} retries.`);
            return false;
        }
        if (retryAfter > maxWait) {
            log.warn(`GitHub ${what} on ${where}: it asks to wait ${retryAfter}s, longer than ${maxWait}s; giving up.`);
            return false;
        }
        log.warn(`GitHub ${what} on ${where}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`);
        return true;
    };
    const proxyFetch = createProxyFetch(baseUrl);
    const octokit = new ProjectOctokit({
        auth: `token ${token}`,
        baseUrl,
        userAgent: describeUserAgent(options.userAgent ?? 'release-policy', options.env ?? process.env),
        ...(proxyFetch ? { request: { fetch: proxyFetch } } : {}),
        log,
        retry: {
            retries: options.retries ?? DEFAULT_RETRIES,
            retryAfterBaseValue: base,
            doNotRetry: DO_NOT_RETRY,
        },
        throttle: {
            id: options.throttleId ?? `release-policy-${(0,external_node_crypto_.randomUUID)()}`,
            retryAfterBaseValue: base,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
    });
    limitRequestTime(octokit, {
        attemptMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        deadlineMs: options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS,
    });
    return octokit;
}
/**
 * Bounds every call's time. The outermost hook (added after the retry
 * plugin) gives the call a deadline and a fetch whose every attempt has its
 * own timeout; retries reuse the call's options, so they share both. A call
 * that ran out of time fails with {@link describeTimeout}'s message.
 */
function limitRequestTime(octokit, limits) {
    octokit.hook.wrap('request', async (request, raw) => {
        const options = raw;
        const deadline = AbortSignal.timeout(limits.deadlineMs);
        const timing = {
            operation: `${options.method} ${describeRoute(options.url)}`,
            host: describeHost(options.url, options.baseUrl),
            attempts: 0,
            ...limits,
        };
        const send = options.request?.fetch ?? globalThis.fetch;
        const timedFetch = (input, init) => {
            timing.attempts += 1;
            const signals = [AbortSignal.timeout(limits.attemptMs), deadline];
            if (init?.signal)
                signals.push(init.signal);
            return send(input, { ...init, signal: AbortSignal.any(signals) });
        };
        // The hooks inside (retry, throttling) are bound to this very options object: change it in place.
        raw.request = { ...raw.request, fetch: timedFetch };
        const call = Promise.resolve(request(raw));
        try {
            return await raceDeadline(call, deadline);
        }
        catch (error) {
            if (deadline.aborted || isTimeout(error))
                throw describeTimeout(timing, error);
            throw error;
        }
    });
}
/** `call`, or a rejection as soon as `deadline` fires (the call's later outcome is ignored). */
function raceDeadline(call, deadline) {
    return new Promise((resolve, reject) => {
        const expire = () => reject(deadline.reason);
        deadline.addEventListener('abort', expire, { once: true });
        call.then((value) => {
            deadline.removeEventListener('abort', expire);
            resolve(value);
        }, (error) => {
            deadline.removeEventListener('abort', expire);
            reject(error);
        });
    });
}
/** True for an attempt ended by its timeout (Octokit wraps the fetch error as its `cause`). */
function isTimeout(error) {
    // By shape: the DOMException may come from another realm, where `instanceof Error` fails.
    const named = (value) => typeof value === 'object' && value !== null && 'name' in value && value.name === 'TimeoutError';
    return named(error) || (error instanceof Error && named(error.cause));
}
/** The route without host or query: the template, or the path of a full URL (pagination). */
function describeRoute(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.split('?')[0] ?? url;
    }
}
/** The host a call went to: the full URL's (pagination), else the API root's. */
function describeHost(url, baseUrl) {
    for (const candidate of [url, baseUrl]) {
        try {
            return new URL(candidate).host;
        }
        catch {
            // A route template is not a URL; the API root is.
        }
    }
    return baseUrl;
}
/** The error of a call that ran out of time: what, where, how long, and what to do. */
function describeTimeout(timing, cause) {
    const each = `${timing.attemptMs / 1000} s`;
    return new GitHubApiError(`${timing.operation} on ${timing.host} got no answer: ${(0,src/* plural */.LS)(timing.attempts, 'attempt')}, ` +
        `each given ${each}, within the call's limit of ${timing.deadlineMs / 1000} s. ` +
        `The server (or a proxy in front of it) accepted the connection and sent nothing. ` +
        `Check that ${timing.host} is up (for github.com: https://www.githubstatus.com) and that the runner ` +
        `can reach it, then re-run the job. Read more: ${ACTIONS_DOCS}#retries`, { status: 0, operation: timing.operation, kind: 'network' }, { cause });
}

;// CONCATENATED MODULE: ../github/src/outputs.ts





const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * Sets action outputs through `GITHUB_OUTPUT` (a file command with a random
 * delimiter, so values may hold any text, newlines included). `undefined`
 * values are skipped; booleans and numbers are written as text; every
 * secret the run knows is redacted ({@link redactSecrets}). Every invalid
 * name is reported at once, before anything is written. When the file cannot
 * be written (a full disk, no permission) the run is failed with a message
 * naming the file, and false is returned instead of throwing, so the caller
 * still reports its findings.
 * @throws OutputNameError for an invalid output name.
 */
function setOutputs(record, docsBaseUrl = (0,src/* formatReleaseDocsBaseUrl */.YQ)()) {
    const bad = Object.keys(record).filter((name) => !OUTPUT_NAME.test(name));
    if (bad.length > 0) {
        throw new OutputNameError(`Invalid output name${bad.length > 1 ? 's' : ''} ${bad.map((n) => (0,src/* quoteValue */.cl)(n)).join(', ')}: ` +
            `an output name is letters, digits, "_" and "-", starting with a letter or "_", e.g. "next-version". ` +
            `Read more: ${ACTIONS_DOCS}#outputs`);
    }
    for (const [name, value] of Object.entries(record)) {
        if (value === undefined)
            continue;
        // Redacted before JSON is written (no secret inside a string), then as text (a secret in a key).
        const clean = redactValue(value);
        try {
            core/* setOutput */.uH(name, redactSecrets(typeof clean === 'string' ? clean : clean === null ? '' : JSON.stringify(clean)));
        }
        catch (error) {
            // The run goes on, so the findings still reach the annotations and the summary.
            core/* setFailed */.C1((0,src/* linkDocs */.cG)(describeOutputFailure(name, error), docsBaseUrl));
            return false;
        }
    }
    return true;
}
/** Why writing output `name` failed, naming the file and what to do; never the value. */
function describeOutputFailure(name, error) {
    const file = process.env.GITHUB_OUTPUT ?? '';
    const code = error?.code;
    const why = code === 'ENOSPC'
        ? 'the disk is full (ENOSPC)'
        : code === 'EACCES' || code === 'EPERM'
            ? `permission to write it was denied (${code})`
            : typeof code === 'string'
                ? `writing failed (${code})`
                : 'writing failed';
    return (`The output ${(0,src/* quoteValue */.cl)(name)} could not be written to the outputs file GITHUB_OUTPUT=${(0,src/* quoteValue */.cl)(file)}: ${why}. ` +
        'The remaining outputs were not written; the findings are still reported below. ' +
        'Free disk space on the runner, and do not change GITHUB_OUTPUT or its permissions in earlier steps. ' +
        `Read more: ${ACTIONS_DOCS}#outputs`);
}

;// CONCATENATED MODULE: ../github/src/annotations.ts



/** GitHub keeps at most this many annotations of one severity per step. */
const ANNOTATIONS_PER_SEVERITY = 10;
/**
 * Chooses at most {@link ANNOTATIONS_PER_SEVERITY} findings per severity.
 * When the step will fail, errors get one slot less: the failure message
 * takes the last one, so GitHub never drops the reason the step failed.
 * When any finding is left over, one notice slot is kept for the "N more"
 * notice, so no severity ever goes over GitHub's limit. Pure.
 */
function planAnnotations(findings, limit = ANNOTATIONS_PER_SEVERITY, options = {}) {
    const sorted = (0,src/* sortFindings */.Tc)(findings);
    const bySeverity = (s) => sorted.filter((f) => f.severity === s);
    const errors = bySeverity('error');
    const warnings = bySeverity('warning');
    const notices = bySeverity('notice');
    const failing = options.failing ?? errors.length > 0;
    const errorLimit = failing ? Math.max(0, limit - 1) : limit;
    const overflow = errors.length > errorLimit || warnings.length > limit || notices.length > limit;
    const noticeLimit = overflow ? Math.max(0, limit - 1) : limit;
    const shown = [
        ...errors.slice(0, errorLimit),
        ...warnings.slice(0, limit),
        ...notices.slice(0, noticeLimit),
    ];
    return { shown, hidden: sorted.length - shown.length };
}
/** The annotation text: message, how to fix, and where to read more. */
function formatAnnotationMessage(finding, docsBaseUrl) {
    const lines = [finding.message];
    if (finding.hint)
        lines.push(`How to fix: ${finding.hint}`);
    if (finding.docs)
        lines.push(`Read more: ${docsBaseUrl && !/^https?:\/\//.test(finding.docs) ? `${docsBaseUrl.replace(/\/?$/, '/')}${finding.docs}` : finding.docs}`);
    return lines.join('\n');
}
/**
 * Writes findings as annotations through @actions/core, which escapes the
 * message (`%`, CR, LF) and the properties (also `:` and `,`), on the exact
 * file, line and column when the finding has them. Findings beyond the
 * limits are summed up in one notice pointing at the job summary. When the
 * step will fail (`failing`, default: any error), one error slot is left for
 * the failure message.
 */
function emitAnnotations(findings, options = {}) {
    const plan = planAnnotations(findings, ANNOTATIONS_PER_SEVERITY, { failing: options.failing });
    for (const finding of plan.shown) {
        const properties = {
            title: sanitizeOutgoingText(options.title ? `${options.title}: ${finding.rule}` : finding.rule, { singleLine: true }),
        };
        if (finding.file) {
            properties.file = sanitizeOutgoingText(finding.file, { singleLine: true });
            if (finding.line && finding.line > 0) {
                properties.startLine = finding.line;
                if (finding.column && finding.column > 0)
                    properties.startColumn = finding.column;
            }
        }
        // Redacted and escaped here, where the text leaves: one step for every annotation.
        const message = sanitizeOutgoingText(formatAnnotationMessage(finding, options.docsBaseUrl));
        if (finding.severity === 'error')
            core/* error */.z3(message, properties);
        else if (finding.severity === 'warning')
            core/* warning */.$e(message, properties);
        else
            core/* notice */.lm(message, properties);
    }
    if (plan.hidden > 0) {
        core/* notice */.lm(`${plan.hidden} more finding${plan.hidden === 1 ? ' is' : 's are'} not annotated: GitHub shows at most ` +
            `${ANNOTATIONS_PER_SEVERITY} annotations of each severity per step. The job summary lists every finding.`, { title: options.title ? `${options.title}: more findings` : 'More findings' });
    }
    return { emitted: plan.shown.length, hidden: plan.hidden };
}

;// CONCATENATED MODULE: ../github/src/comment.ts


/** The login of the token that Actions provides. */
const DEFAULT_BOT_LOGIN = 'github-actions[bot]';
const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const DELETE = 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}';
/**
 * True when a comment is this check's sticky comment: written by `botLogin`
 * (compared without case, as GitHub logins are) AND carrying the marker. A
 * user who pastes the marker does not make the comment ours.
 */
function isStickyComment(comment, marker, botLogin) {
    const login = comment.user?.login ?? '';
    return login.toLowerCase() === botLogin.toLowerCase() && (comment.body ?? '').includes(marker);
}
function sameBody(a, b) {
    const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();
    return norm(a ?? '') === norm(b);
}
/** Raised inside the algorithm and turned into a `forbidden` result. */
class Forbidden extends Error {
    error;
    constructor(error) {
        super(error.message);
        this.error = error;
    }
}
async function call(operation, fn) {
    try {
        return await fn();
    }
    catch (error) {
        const apiError = toGitHubApiError(error, operation);
        // Only a missing permission; a 403 rate limit that outlasted the retries is a failure.
        if (apiError.kind === 'forbidden')
            throw new Forbidden(apiError);
        throw apiError;
    }
}
/**
 * Keeps exactly one sticky comment per check on a pull request:
 * 1. list every comment (all pages) and keep ours, oldest id first;
 * 2. none and failing: create one, then list again and remove duplicates
 *    (a retried POST after a 502, or a concurrent run, may have made two):
 *    the lowest id stays and gets the newest body;
 * 3. none and passing: write nothing;
 * 4. some: update the lowest id (the resolved body when passing) and delete
 *    the rest.
 * Every run converges on the lowest id, so two concurrent runs still end
 * with one comment. A 403 for a missing permission (e.g. a fork's read-only
 * token) gives `forbidden` and never throws; other API failures, a rate limit
 * that outlasted its retries included, throw a {@link GitHubApiError}.
 * Both bodies are redacted of the run's secrets and escaped before they are
 * written ({@link sanitizeOutgoingText}).
 */
async function upsertStickyComment(options) {
    try {
        return await upsert({
            ...options,
            body: sanitizeOutgoingText(options.body),
            resolvedBody: sanitizeOutgoingText(options.resolvedBody),
        });
    }
    catch (error) {
        if (error instanceof Forbidden) {
            return { status: 'forbidden', reason: error.error.message, deleted: 0 };
        }
        throw error;
    }
}
async function listOurs(options, botLogin) {
    const { octokit, owner, repo, issueNumber } = options;
    const all = await call(LIST, () => octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    }));
    return all
        .filter((c) => isStickyComment(c, options.marker, botLogin))
        .sort((a, b) => a.id - b.id);
}
async function deleteComments(options, comments) {
    const { octokit, owner, repo } = options;
    let deleted = 0;
    for (const comment of comments) {
        try {
            await call(DELETE, () => octokit.rest.issues.deleteComment({ owner, repo, comment_id: comment.id }));
            deleted += 1;
        }
        catch (error) {
            // Another run deleted it first: the goal (one comment) holds.
            if (error instanceof GitHubApiError && error.status === 404)
                continue;
            throw error;
        }
    }
    return deleted;
}
async function updateComment(options, id, body) {
    const { octokit, owner, repo } = options;
    const response = await call(UPDATE, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }));
    return response.data;
}
async function upsert(options) {
    const botLogin = options.botLogin || DEFAULT_BOT_LOGIN;
    for (const body of [options.body, options.resolvedBody]) {
        if (!body.includes(options.marker)) {
            throw new CommentMarkerError(`The sticky comment body must contain its marker ${JSON.stringify(options.marker)}, or later runs cannot find it. ` +
                'Render bodies with renderCommentBody, which adds it.');
        }
    }
    const ours = await listOurs(options, botLogin);
    const [oldest, ...rest] = ours;
    if (!oldest) {
        if (options.passing) {
            return {
                status: 'skipped',
                reason: 'The check passes and no earlier comment exists.',
                deleted: 0,
            };
        }
        const { octokit, owner, repo, issueNumber } = options;
        const created = await call(CREATE, () => octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body: options.body,
        }));
        const createdComment = created.data;
        // Dedupe: a retried POST or a concurrent run may have created more than one.
        const again = await listOurs(options, botLogin);
        if (!again.some((c) => c.id === createdComment.id))
            again.push(createdComment);
        again.sort((a, b) => a.id - b.id);
        const [keep, ...extra] = again;
        let kept = keep;
        if (!sameBody(keep.body, options.body))
            kept = await updateComment(options, keep.id, options.body);
        const deleted = await deleteComments(options, extra);
        return {
            status: 'created',
            id: kept.id,
            url: kept.html_url ?? createdComment.html_url,
            deleted,
        };
    }
    const target = options.passing ? options.resolvedBody : options.body;
    let status = 'unchanged';
    let kept = oldest;
    if (!sameBody(oldest.body, target)) {
        kept = await updateComment(options, oldest.id, target);
        status = options.passing ? 'resolved' : 'updated';
    }
    const deleted = await deleteComments(options, rest);
    return { status, id: oldest.id, url: kept.html_url ?? oldest.html_url, deleted };
}

;// CONCATENATED MODULE: ../github/src/markdown.ts

/** Longest text kept in one table cell before it is cut. */
const MAX_CELL_CHARS = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '`': '&#96;',
    '\\': '&#92;',
    '[': '&#91;',
    ']': '&#93;',
    '@': '&#64;',
};
/**
 * Escapes untrusted text for one GitHub-flavoured Markdown table cell: it can
 * neither end the cell or row (`|`, newlines), open code spans, links or
 * HTML (`` ` ``, `[`, `<`), nor mention people (`@`). Newlines become `<br>`;
 * control characters are dropped; long text is cut at `max` characters.
 */
function escapeMarkdownCell(text, max = MAX_CELL_CHARS) {
    const cut = (0,src/* truncateText */.lm)(text.replace(CONTROL, ''), max);
    return cut.replace(/[&<>|`\\[\]@]/g, (c) => ENTITIES[c] ?? c).replace(/\r\n|\r|\n/g, '<br>');
}
/** Escapes untrusted text for a Markdown line outside tables (headings, notes). */
function escapeMarkdownText(text, max = MAX_CELL_CHARS) {
    return escapeMarkdownCell(text, max).replace(/<br>/g, ' ');
}
/** Longest first line of a message shown in a table cell; the full message follows the table. */
const MAX_TABLE_LINE_CHARS = 200;
/**
 * The first non-empty line of a message, cut after the last whole word
 * within `max` characters (with `…`) when longer. Pure.
 */
function readFirstLine(message, max = MAX_TABLE_LINE_CHARS) {
    const lines = message.split(/\r\n|\r|\n/);
    const index = lines.findIndex((l) => l.trim() !== '');
    const first = index < 0 ? '' : (lines[index] ?? '').trim();
    const rest = index < 0 ? [] : lines.slice(index + 1).filter((l) => l.trim() !== '');
    if (first.length <= max)
        return { line: first, complete: rest.length === 0 };
    const cut = (0,src/* truncateText */.lm)(first, max);
    const space = cut.lastIndexOf(' ', cut.length - 1);
    const line = space > max / 2 ? `${cut.slice(0, space).trimEnd()} …` : cut;
    return { line, complete: false };
}
const BLOCK_ENTITIES = {
    ...ENTITIES,
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '#': '&#35;',
};
/** Escapes text inside one line of a Markdown block: no emphasis, code, links, HTML or mentions. */
function escapeInline(text) {
    return text.replace(CONTROL, '').replace(/[&<>|`\\[\]@*_~#]/g, (c) => BLOCK_ENTITIES[c] ?? c);
}
/** Escapes what would start a block at the beginning of a line: lists, headings, rules. */
function escapeLineStart(text) {
    return text
        .replace(/^[-+=]/, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/^(\d+)([.)])/, (_m, digits, mark) => `${digits}&#${mark.charCodeAt(0)};`);
}
const BULLET = /^(\s*)[-*•]\s+(.*)$/;
/**
 * Renders untrusted multi-line text (a finding's full message) as Markdown
 * that keeps its shape but cannot change the page's structure: lines that
 * start with `-`, `*` or `•` become list items (nested by their indentation
 * beyond the list's first item, two spaces a level, at most three levels),
 * every other line a paragraph.
 * All text is escaped: no HTML, links, code, emphasis, headings, tables or
 * mentions, and control characters are dropped. Nothing is cut. Pure.
 */
function renderMarkdownBlock(text) {
    const out = [];
    let inList = false;
    let baseIndent = 0;
    for (const raw of text.split(/\r\n|\r|\n/)) {
        const bullet = BULLET.exec(raw);
        if (bullet) {
            const indent = (bullet[1] ?? '').replace(/\t/g, '  ').length;
            if (!inList)
                baseIndent = indent;
            baseIndent = Math.min(baseIndent, indent);
            const level = Math.min(2, Math.floor((indent - baseIndent) / 2));
            if (!inList && out.length)
                out.push('');
            out.push(`${'  '.repeat(level)}- ${escapeLineStart(escapeInline((bullet[2] ?? '').trim()))}`);
            inList = true;
            continue;
        }
        const line = raw.trim();
        if (!line)
            continue;
        if (out.length)
            out.push('');
        out.push(escapeLineStart(escapeInline(line)));
        inList = false;
    }
    return out.join('\n');
}
const SAFE_DOCS = /^[A-Za-z0-9._/-]+(#[A-Za-z0-9._-]+)?$/;
/** An absolute docs link: https, no spaces or characters that end a Markdown link. */
const ABSOLUTE_DOCS = /^https:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/;
/**
 * Renders a rule id, linked to its documentation when the docs path is a
 * plain repository path and a base URL is known; otherwise as escaped text.
 */
function renderRuleCell(finding, docsBaseUrl) {
    const rule = escapeMarkdownCell(finding.rule, 100);
    const docs = finding.docs;
    // Already a link to the docs (the shared flow links every finding): used as it is.
    if (docs && ABSOLUTE_DOCS.test(docs))
        return `[${rule}](${docs})`;
    if (!docs || !SAFE_DOCS.test(docs) || docs.includes('..') || docs.startsWith('/'))
        return rule;
    if (!docsBaseUrl || !/^https?:\/\/[^\s()<>]+$/.test(docsBaseUrl))
        return rule;
    const base = docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`;
    return `[${rule}](${base}${docs})`;
}
/** `file:line:col` of a finding, linked to the file at the commit when possible; `—` when none. */
function renderLocationCell(finding, blob) {
    if (!finding.file)
        return '—';
    const line = finding.line && finding.line > 0 ? finding.line : undefined;
    const where = `${finding.file}${line ? `:${line}` : ''}${line && finding.column ? `:${finding.column}` : ''}`;
    const text = escapeMarkdownCell(where, 300);
    if (!blob || !blob.sha || !/^[0-9a-f]{7,64}$/i.test(blob.sha) || finding.file.includes('..'))
        return text;
    const path = finding.file
        .replace(/^\.?\/+/, '')
        .split('/')
        .map((part) => encodeURIComponent(part))
        .join('/');
    const url = `${blob.serverUrl}/${encodeURIComponent(blob.owner)}/${encodeURIComponent(blob.repo)}/blob/${blob.sha}/${path}${line ? `#L${line}` : ''}`;
    return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

;// CONCATENATED MODULE: ../github/src/finding-data.ts

/** Rows of a finding's list shown in the job summary (the rest are counted). */
const MAX_SUMMARY_DATA_ROWS = 200;
/** Rows of a finding's list shown in the sticky comment (the rest are counted). */
const MAX_COMMENT_DATA_ROWS = 20;
/** Characters of a commit subject kept in a table cell. */
const MAX_SUBJECT_CHARS = 100;
/** Characters of a document path or section title kept in a table cell. */
const MAX_NAME_CHARS = 120;
const COMMITS_HEAD = '| Commit | Type | Bump | Subject |\n| --- | --- | --- | --- |';
const DOCUMENTS_HEAD = '| Document | Line | Section | Gap |\n| --- | --- | --- | --- |';
function renderCommitRow(commit) {
    const type = commit.type ? `${commit.type}${commit.breaking ? '!' : ''}` : '—';
    const cells = [
        `\`${escapeMarkdownCell(commit.sha.slice(0, 7), 7)}\``,
        escapeMarkdownCell(type, 40),
        commit.bump ?? '—',
        escapeMarkdownCell(commit.subject, MAX_SUBJECT_CHARS),
    ];
    return `| ${cells.join(' | ')} |`;
}
const GAP_TEXT = {
    missing: 'no heading',
    empty: 'no content',
};
/** One row per incomplete section of each document: path, line, title and what is wrong. */
function renderDocumentRows(document) {
    const path = escapeMarkdownCell(document.path, MAX_NAME_CHARS);
    return document.sections.map((section) => {
        const cells = [
            path,
            String(section.line),
            escapeMarkdownCell(section.title, MAX_NAME_CHARS),
            GAP_TEXT[section.gap],
        ];
        return `| ${cells.join(' | ')} |`;
    });
}
/** The table head, the rows and the noun a kind of list counts in. */
function convertDataToRows(data) {
    switch (data.kind) {
        case 'commits':
            return { head: COMMITS_HEAD, rows: data.commits.map(renderCommitRow), noun: 'commits' };
        case 'documents':
            return {
                head: DOCUMENTS_HEAD,
                rows: data.documents.flatMap(renderDocumentRows),
                noun: 'sections',
            };
    }
}
/**
 * A finding's data as a Markdown table, every cell escaped, at most
 * `maxRows` rows; the rest are counted with where the full list is (the
 * `findings` output, `--json`). Commits: short sha, type, bump and subject;
 * documents: one row per incomplete section (path, line, title, gap). Pure.
 */
function renderFindingData(data, maxRows) {
    const { head, rows, noun } = convertDataToRows(data);
    const shown = rows.slice(0, Math.max(0, maxRows));
    const rest = rows.length - shown.length;
    const table = [head, ...shown].join('\n');
    if (rest === 0)
        return table;
    return (`${table}\n\n_… and ${rest} more (${rows.length} ${noun} in all): the full list is in ` +
        'the `findings` output of the action and in `release-policy check --json`._');
}

;// CONCATENATED MODULE: ../github/src/render.ts




/** The job summary is capped here, well under GitHub's 1 MiB per step. */
const MAX_SUMMARY_BYTES = 512 * 1024;
/** Pull-request comments are capped here, below GitHub's 65,536 characters. */
const MAX_COMMENT_CHARS = 60_000;
const LABEL = {
    error: '❌ error',
    warning: '⚠️ warning',
    notice: 'ℹ️ notice',
};
/** The hidden marker that identifies a check's sticky comment: `<!-- release-policy:branch-name -->`. */
function commentMarker(check) {
    const slug = check
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-|-$/g, '') || 'check';
    return `<!-- release-policy:${slug} -->`;
}
/** "2 errors, 1 warning": only the non-zero counts; "no findings" when all are zero. */
function describeCounts(findings) {
    const c = (0,src/* countFindings */.Gt)(findings);
    const parts = [];
    if (c.error)
        parts.push((0,src/* plural */.LS)(c.error, 'error'));
    if (c.warning)
        parts.push((0,src/* plural */.LS)(c.warning, 'warning'));
    if (c.notice)
        parts.push((0,src/* plural */.LS)(c.notice, 'notice'));
    return parts.length ? parts.join(', ') : 'no findings';
}
function headline(input) {
    const title = escapeMarkdownText(input.title, 200);
    if (!(0,src/* isPassing */.WG)(input.findings))
        return `### ❌ ${title}: ${describeCounts(input.findings)}`;
    if (input.findings.length === 0)
        return `### ✅ ${title}: passed`;
    return `### ✅ ${title}: passed with ${describeCounts(input.findings)}`;
}
/**
 * Where a finding's file is browsable. Policy-file findings on a pull request
 * point at the base commit, where the policy was read; the rest at the run's commit.
 */
function blobBase(context, finding) {
    if (!context?.repo.owner || !context.repo.repo)
        return undefined;
    const base = context.pullRequest?.baseSha;
    const sha = finding?.rule === 'policy-file' && base ? base : context.sha;
    if (!sha)
        return undefined;
    return { serverUrl: context.serverUrl, owner: context.repo.owner, repo: context.repo.repo, sha };
}
const TABLE_HEAD = '| Severity | Rule | Location | Message | How to fix |\n| --- | --- | --- | --- | --- |';
/** What a message cell says when the full message is in the details below the table. */
const FULL_TEXT_BELOW = '_(full text below)_';
/** What a message cell says when the finding's list (commits, …) is in the details below the table. */
const LIST_BELOW = '_(list below)_';
/**
 * One table row per finding, cells escaped. The message cell holds the
 * message's first line; when that is not the whole message it ends with
 * {@link FULL_TEXT_BELOW}, and {@link renderFindingDetails} has the rest.
 */
function renderFindingRow(finding, docsBaseUrl, blob) {
    const first = readFirstLine(finding.message);
    const message = escapeMarkdownCell(first.line, Number.POSITIVE_INFINITY);
    const cells = [
        LABEL[finding.severity] ?? escapeMarkdownCell(String(finding.severity), 20),
        renderRuleCell(finding, docsBaseUrl),
        renderLocationCell(finding, blob),
        first.complete
            ? finding.data
                ? `${message} ${LIST_BELOW}`
                : message
            : `${message} ${FULL_TEXT_BELOW}`,
        finding.hint ? escapeMarkdownCell(finding.hint, Number.POSITIVE_INFINITY) : '—',
    ];
    return `| ${cells.join(' | ')} |`;
}
/**
 * The full message of a finding whose table cell shows only its first line,
 * as a collapsed `<details>` block: every line kept, lists rendered as
 * Markdown lists, all text escaped ({@link renderMarkdownBlock}); then the
 * finding's data as a table of at most `maxRows` rows
 * ({@link renderFindingData}). Undefined when the table cell already holds
 * the whole message and there is no data.
 */
function renderFindingDetails(finding, maxRows = MAX_SUMMARY_DATA_ROWS) {
    const first = readFirstLine(finding.message);
    if (first.complete && !finding.data)
        return undefined;
    const where = finding.file
        ? ` · ${finding.file}${finding.line ? `:${finding.line}` : ''}${finding.line && finding.column ? `:${finding.column}` : ''}`
        : '';
    const label = escapeMarkdownText(`${finding.rule}${where}: ${first.line}`, 400);
    const severity = LABEL[finding.severity] ?? escapeMarkdownText(String(finding.severity), 20);
    return [
        `<details><summary>${severity} ${label}</summary>`,
        '',
        ...(first.complete ? [] : [renderMarkdownBlock(finding.message), '']),
        ...(finding.data ? [renderFindingData(finding.data, maxRows), ''] : []),
        '</details>',
    ].join('\n');
}
/**
 * Adds each finding's row, and its details block below the table, while
 * both fit in `budget`; the findings left are counted as omitted.
 */
function renderTable(findings, input, budget, measure, dataRows) {
    const docsBaseUrl = input.docsBaseUrl ?? (input.context ? resolveDocsBaseUrl(input.context) : undefined);
    const rows = [TABLE_HEAD];
    const details = [];
    const detailsHead = ['', '#### Full messages', ''];
    let used = measure(TABLE_HEAD) + 1;
    let shown = 0;
    for (const finding of findings) {
        const row = renderFindingRow(finding, docsBaseUrl, blobBase(input.context, finding));
        const block = renderFindingDetails(finding, dataRows);
        let size = measure(row) + 1;
        if (block)
            size += measure(block) + 2 + (details.length ? 0 : measure(detailsHead.join('\n')) + 1);
        if (used + size > budget)
            break;
        rows.push(row);
        if (block)
            details.push(...(details.length ? [''] : detailsHead), block);
        used += size;
        shown += 1;
    }
    return { lines: shown ? [...rows, ...details] : [], omitted: findings.length - shown };
}
function renderFieldsTable(fields) {
    const entries = Object.entries(fields ?? {}).filter(([, v]) => v !== undefined && v !== '');
    if (!entries.length)
        return [];
    return [
        '| Field | Value |',
        '| --- | --- |',
        ...entries.map(([k, v]) => `| ${escapeMarkdownCell(k, 100)} | ${escapeMarkdownCell(v, 500)} |`),
        '',
    ];
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const chars = (text) => text.length;
/**
 * Renders the job summary: headline, fields, a table of every finding with
 * how to fix it, and notes. Pure. The result stays under `maxBytes`
 * (default {@link MAX_SUMMARY_BYTES}); rows that do not fit are counted.
 */
function renderSummary(input, maxBytes = MAX_SUMMARY_BYTES) {
    const findings = (0,src/* sortFindings */.Tc)(input.findings);
    const head = [headline(input), '', ...renderFieldsTable(input.fields)];
    const notes = (input.notes ?? []).map((n) => `> ${escapeMarkdownText(n, 2000)}`);
    const tail = notes.length ? ['', ...notes] : [];
    const reserve = bytes([...head, ...tail].join('\n')) + 200;
    const table = renderTable(findings, input, maxBytes - reserve, bytes, MAX_SUMMARY_DATA_ROWS);
    const omitted = table.omitted
        ? [
            '',
            `_${(0,src/* plural */.LS)(table.omitted, 'more finding')} not shown: the job summary is limited in size._`,
        ]
        : [];
    const body = findings.length ? [...table.lines, ...omitted] : ['No findings.'];
    return `${[...head, ...body, ...tail].join('\n')}\n`;
}
function shortSha(context) {
    const sha = context?.pullRequest?.headSha || context?.sha;
    return sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : undefined;
}
function footer(context) {
    const sha = shortSha(context);
    const run = context ? formatRunUrl(context) : undefined;
    const parts = [
        sha ? `commit ${sha}` : undefined,
        run ? `[run details](${run})` : undefined,
        'this comment is updated in place on every run',
    ].filter(Boolean);
    return `<sub>release-policy · ${parts.join(' · ')}</sub>`;
}
/**
 * Renders the sticky pull-request comment. Failing: the marker, headline,
 * fields and the findings table (cut to fit `maxChars`, default
 * {@link MAX_COMMENT_CHARS}, with "N more findings in the job summary").
 * Passing: a short "resolved" body that keeps the marker. Pure.
 */
function renderCommentBody(input, maxChars = MAX_COMMENT_CHARS) {
    const marker = commentMarker(input.check);
    const run = input.context ? formatRunUrl(input.context) : undefined;
    const summaryLink = run ? `[job summary](${run})` : 'job summary';
    const title = escapeMarkdownText(input.title, 200);
    if ((0,src/* isPassing */.WG)(input.findings)) {
        const sha = shortSha(input.context);
        const remaining = input.findings.length
            ? ` ${describeCounts(input.findings)} remain; see the ${summaryLink}.`
            : '';
        return [
            marker,
            `### ✅ ${title}: resolved`,
            '',
            `The errors reported here earlier are fixed${sha ? ` as of commit ${sha}` : ''}.${remaining}`,
            '',
            footer(input.context),
            '',
        ].join('\n');
    }
    const fields = Object.entries(input.fields ?? {})
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `**${escapeMarkdownText(k, 100)}**: ${escapeMarkdownText(v, 300)}`);
    const head = [marker, headline(input), '', ...(fields.length ? [fields.join(' · '), ''] : [])];
    const tail = ['', footer(input.context), ''];
    const reserve = chars([...head, ...tail].join('\n')) + 200;
    const table = renderTable((0,src/* sortFindings */.Tc)(input.findings), input, maxChars - reserve, chars, MAX_COMMENT_DATA_ROWS);
    const omitted = table.omitted
        ? ['', `_${(0,src/* plural */.LS)(table.omitted, 'more finding')} in the ${summaryLink}._`]
        : [];
    return [...head, ...table.lines, ...omitted, ...tail].join('\n');
}

;// CONCATENATED MODULE: ../github/src/report.ts









// core.summary is one shared buffer: serialise writes so concurrent reports never mix.
let summaryQueue = Promise.resolve();
/**
 * Appends Markdown to the job summary, redacted and escaped like every text
 * that leaves, after any write already queued; false when it could not be
 * written (outside Actions), which the log then says.
 */
function writeSummary(markdown) {
    const next = summaryQueue.then(async () => {
        try {
            await core/* summary */.z.emptyBuffer().addRaw(sanitizeOutgoingText(markdown), true).write();
            return true;
        }
        catch (error) {
            logData(`The job summary could not be written: ${error.message}`);
            core/* summary */.z.emptyBuffer();
            return false;
        }
    });
    summaryQueue = next;
    return next;
}
/** One finding as a line of the job log: `error rule (file:line:col): message`. */
function formatFindingLine(finding) {
    const place = [finding.file, finding.line, finding.column].filter((p) => p !== undefined);
    const where = finding.file ? ` (${place.join(':')})` : '';
    return `${finding.severity} ${finding.rule}${where}: ${finding.message}`;
}
function skipped(reason) {
    return { status: 'skipped', reason, deleted: 0 };
}
/**
 * Reports a check's findings everywhere a reader may look: annotations on the
 * exact file and line (within GitHub's limits), a job summary with every
 * finding and how to fix it, and one sticky comment on the pull request.
 * A 403 on the comment (fork pull requests) is reported in the summary and
 * the result, never thrown, and never turns a failure into a pass. Every
 * text is redacted of the run's secrets and escaped before it leaves
 * ({@link sanitizeOutgoingText}). Other API
 * failures are thrown as {@link GitHubApiError} after the summary is written.
 */
async function reportFindings(raw) {
    // Secrets leave before anything is rendered or cut, so no cut can split one.
    const input = {
        ...raw,
        findings: redactValue(raw.findings),
        fields: raw.fields && redactValue(raw.fields),
    };
    const findings = (0,src/* sortFindings */.Tc)(input.findings);
    const ok = (0,src/* isPassing */.WG)(findings);
    const docsBaseUrl = input.docsBaseUrl ?? resolveDocsBaseUrl(input.context);
    const annotations = emitAnnotations(findings, { title: input.title, docsBaseUrl });
    const render = { ...input, findings, docsBaseUrl };
    const pr = input.context.pullRequest;
    const { owner, repo } = input.context.repo;
    // The comment's bodies are redacted and escaped where they are written (upsertStickyComment).
    const body = renderCommentBody(render);
    let comment;
    let failure;
    if (input.comment === false)
        comment = skipped('Comments are turned off (input `comment: false`).');
    else if (!pr)
        comment = skipped('Not a pull-request event: there is no pull request to comment on.');
    else if (!input.octokit)
        comment = skipped('No token was given, so no comment can be written.');
    else if (!owner || !repo)
        comment = skipped('GITHUB_REPOSITORY is not set, so the pull request cannot be found.');
    else {
        try {
            comment = await upsertStickyComment({
                octokit: input.octokit,
                owner,
                repo,
                issueNumber: pr.number,
                marker: commentMarker(input.check),
                botLogin: input.botLogin || DEFAULT_BOT_LOGIN,
                body,
                resolvedBody: ok ? body : renderCommentBody({ ...render, findings: [] }),
                passing: ok,
            });
        }
        catch (error) {
            failure = error;
            const detail = error instanceof GitHubApiError ? error.message : String(error);
            comment = skipped(`The comment could not be written: ${detail}`);
        }
    }
    const notes = [];
    if (comment.status === 'forbidden' || failure) {
        notes.push(`No comment could be written on pull request #${pr?.number}: ${comment.reason ?? ''} ` +
            `This summary has every finding${ok ? '.' : '; the check still fails.'}`);
    }
    const summaryWritten = await writeSummary(renderSummary({ ...render, notes }));
    // Without a summary the log is where every finding can still be read (annotations are capped).
    if (!summaryWritten)
        for (const finding of findings)
            logData(formatFindingLine(finding));
    if (comment.status === 'forbidden')
        logData(`Pull-request comment not written (403): ${comment.reason ?? ''}`);
    if (failure)
        throw failure;
    return {
        ok,
        annotations: annotations.emitted,
        hiddenAnnotations: annotations.hidden,
        summaryWritten,
        comment,
    };
}

// EXTERNAL MODULE: ../github/src/policy-file.ts
var policy_file = __webpack_require__(1293);
;// CONCATENATED MODULE: ../github/src/policy.ts




const OPERATION = 'GET /repos/{owner}/{repo}/contents/{path}';
const COMMIT_OPERATION = 'GET /repos/{owner}/{repo}/commits/{ref}';
/**
 * Reads a policy file's text through the contents API, at `ref`.
 * Returns `undefined` only when the file is confirmed absent (see
 * {@link fetchPolicyFile}), so the caller can fall back to the default
 * policy. Pull requests must pass their base, so a pull request cannot relax
 * the rules it is checked against.
 */
async function fetchPolicyText(octokit, location) {
    return (await fetchPolicyFile(octokit, location)).text;
}
/**
 * Reads a policy file through the contents API, at `ref`. A 404 is ambiguous
 * on GitHub: the file may be absent, or the token may not see the repository
 * (a private repository without `contents: read`) or the commit. So a 404 is
 * confirmed with `GET /repos/{owner}/{repo}/commits/{ref}`: when that commit
 * is visible the file is absent (`text` undefined, `commitSha` set); when it
 * is not, a teaching {@link GitHubApiError} is thrown instead of silently
 * using the default policy.
 */
async function fetchPolicyFile(octokit, location) {
    const path = location.path.replace(/^\.?\/+/, '');
    let data;
    try {
        const response = await octokit.rest.repos.getContent({
            owner: location.owner,
            repo: location.repo,
            path,
            ref: location.ref || undefined,
            mediaType: { format: 'raw' },
        });
        data = response.data;
    }
    catch (error) {
        if (error.status !== 404)
            throw toGitHubApiError(error, OPERATION);
        const commitSha = await confirmCommitVisible(octokit, location, path, error);
        return { text: undefined, commitSha };
    }
    const bytes = readPolicyData(data, path, location.ref);
    return { text: new TextDecoder('utf-8').decode(bytes), bytes };
}
/**
 * Confirms that the token sees the commit `location.ref` and returns its sha;
 * throws a {@link GitHubApiError} (kind `not-found`) when it does not.
 */
async function confirmCommitVisible(octokit, location, path, contentsError) {
    const ref = location.ref || 'HEAD';
    try {
        const response = await octokit.rest.repos.getCommit({
            owner: location.owner,
            repo: location.repo,
            ref,
        });
        const sha = response.data.sha;
        return typeof sha === 'string' ? sha : ref;
    }
    catch (error) {
        const status = error.status;
        if (status !== 404 && status !== 422)
            throw toGitHubApiError(error, COMMIT_OPERATION);
        const apiError = toGitHubApiError(error, COMMIT_OPERATION);
        throw new GitHubApiError(`The policy file ${(0,src/* quoteValue */.cl)(path)} could not be read at ${(0,src/* quoteValue */.cl)(ref)} in ` +
            `${(0,src/* quoteValue */.cl)(`${location.owner}/${location.repo}`)}: GitHub answered 404, and the commit itself ` +
            `is not visible to the token either (${COMMIT_OPERATION} answered ${String(status)}). ` +
            'The default policy is NOT used, because the file may well exist. A private repository needs ' +
            '`permissions: { contents: read }` for the workflow token; ' +
            'a commit from another repository (a fork) cannot be read through this one. ' +
            `Read more: ${ACTIONS_DOCS}#policy-file`, {
            status: 404,
            operation: OPERATION,
            kind: 'not-found',
            requestId: apiError.requestId,
            apiMessage: apiError.apiMessage,
        }, { cause: contentsError });
    }
}
/**
 * The bytes of a raw contents answer, at most {@link MAX_POLICY_FILE_BYTES}
 * (the limit the working-tree read has too); a teaching error for a
 * directory, a link, a file too large or anything else.
 */
function readPolicyData(data, path, ref) {
    const bytes = typeof data === 'string'
        ? new TextEncoder().encode(data)
        : data instanceof ArrayBuffer
            ? new Uint8Array(data)
            : undefined;
    if (bytes !== undefined) {
        if (bytes.length <= policy_file/* MAX_POLICY_FILE_BYTES */.ph)
            return bytes;
        throw new PolicyFileError(`The policy file ${(0,src/* quoteValue */.cl)(path)} at ${(0,src/* quoteValue */.cl)(ref)} is ${bytes.length} bytes, larger than the ` +
            `${policy_file/* MAX_POLICY_FILE_BYTES */.ph}-byte limit for a policy, so it was not read. A policy is a short YAML file, ` +
            `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`);
    }
    if (Array.isArray(data)) {
        throw new PolicyFileError(`The policy path ${(0,src/* quoteValue */.cl)(path)} at ${(0,src/* quoteValue */.cl)(ref)} is a directory, not a file. ` +
            `Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`);
    }
    const type = typeof data === 'object' && data !== null ? data.type : undefined;
    if (type === 'symlink') {
        // The target is not quoted: a policy file must be a regular file, wherever a link leads.
        throw new PolicyFileError(`The policy path ${(0,src/* quoteValue */.cl)(path)} at ${(0,src/* quoteValue */.cl)(ref)} is a symbolic link, so it was not read: ` +
            'a policy file must be a regular file inside the repository. Commit the policy itself at that path, ' +
            `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`);
    }
    throw new PolicyFileError(`The policy path ${(0,src/* quoteValue */.cl)(path)} at ${(0,src/* quoteValue */.cl)(ref)} is not a regular file ` +
        `(a symlink or submodule?). Expected a YAML file, e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`);
}

;// CONCATENATED MODULE: ../github/src/run-policy.ts






/**
 * The `source` shown for the default policy when the file is absent, e.g.
 * `(default policy: no .github/release-policy.yml at 1a2b3c4)`.
 */
function describeDefaultPolicySource(path, where) {
    const at = /^[0-9a-f]{40,64}$/i.test(where) ? `at ${where.slice(0, 7)}` : where;
    return `(default policy: no ${path} ${at})`;
}
/**
 * Loads the policy that governs this run. For a pull request it is read from
 * the BASE commit through the API, so a pull request cannot relax the rules
 * it is checked against; for any other event from the commit being checked
 * (the API at the run's sha, or the workspace when there is no token). A file
 * confirmed absent means the embedded default policy, whose `source` says
 * where it was looked for; a file the token cannot see fails
 * ({@link fetchPolicyFile}); a malformed one throws `ConfigError` with every
 * problem at file:line:col.
 */
async function loadRunPolicy(request) {
    const path = checkPolicyPath(request.path);
    const { context, octokit } = request;
    const pr = context.pullRequest;
    const fromApi = async (ref) => {
        const file = await fetchPolicyFile(octokit, { ...context.repo, ref, path });
        // Bytes, so the loader checks UTF-8 as for the working tree.
        if (file.bytes !== undefined)
            return (0,src/* loadPolicyBytes */.cy)(file.bytes, path);
        return { ...(0,src/* defaultPolicy */.G4)(), source: describeDefaultPolicySource(path, file.commitSha ?? ref) };
    };
    if (context.missingPullRequest) {
        // A pull-request event without its pull request would silently read the
        // policy from the head's merge commit, so a pull request could relax its own rules.
        throw new RunContextError(`The ${(0,src/* quoteValue */.cl)(context.eventName)} event payload lacks ${context.missingPullRequest}, so the base branch ` +
            'whose policy governs this pull request is unknown. The runner writes a complete payload to GITHUB_EVENT_PATH; ' +
            'if a workflow rewrites it, keep pull_request.number, pull_request.base.ref and pull_request.base.sha. ' +
            `Read more: ${ACTIONS_DOCS}#policy-file`);
    }
    if (pr) {
        if (!octokit) {
            throw new InputError('A pull request is checked against the policy of its base branch, which is read through the GitHub API, ' +
                'but no token was given. Pass the token input (the default, ${{ github.token }}, works) with contents: read. ' +
                `Read more: ${ACTIONS_DOCS}#policy-file`);
        }
        return fromApi(pr.baseSha || pr.baseRef);
    }
    if (octokit && context.repo.owner && context.sha)
        return fromApi(context.sha);
    if (request.workspace) {
        const bytes = await readWorkspacePolicy(request.workspace, path);
        if (bytes !== undefined)
            return (0,src/* loadPolicyBytes */.cy)(bytes, path);
        return { ...(0,src/* defaultPolicy */.G4)(), source: describeDefaultPolicySource(path, 'in the working tree') };
    }
    return (0,src/* defaultPolicy */.G4)();
}
/**
 * The policy file's bytes in the working tree; undefined when absent; a
 * teaching error otherwise: a symbolic link, a FIFO or device, a file over
 * 1 MiB or one whose folder leaves the repository is not read at all.
 */
async function readWorkspacePolicy(workspace, path) {
    const read = await (0,policy_file/* readPolicyFileInside */.HZ)(workspace, path);
    if (read.status === 'read')
        return read.bytes;
    if (read.problem === 'missing')
        return undefined;
    throw new PolicyFileError(`The policy file ${(0,src/* quoteValue */.cl)(path)} in the working tree cannot be used: ${(0,policy_file/* describePolicyFileProblem */.z)(read)}. ` +
        'Expected a readable YAML file, e.g. ".github/release-policy.yml", or no file at all for the default policy. ' +
        `Read more: ${ACTIONS_DOCS}#policy-file`, { cause: read.cause });
}
/** The policy path must stay inside the repository: relative, no `..`. */
function checkPolicyPath(path) {
    const trimmed = path.trim() || src/* POLICY_PATH */.l$;
    const normal = (0,external_node_path_.normalize)(trimmed).replace(/\\/g, '/');
    if ((0,external_node_path_.isAbsolute)(trimmed) || normal.startsWith('../') || normal === '..') {
        throw new InputError(`The policy input ${(0,src/* quoteValue */.cl)(path)} leaves the repository. Give a repository-relative path, ` +
            `e.g. ".github/release-policy.yml". Read more: ${ACTIONS_DOCS}#policy-file`);
    }
    return normal;
}

;// CONCATENATED MODULE: ../github/src/unreadable-answers.ts



/**
 * Why an answer with a success status cannot be read, or undefined when it
 * can: a JSON body that does not parse (cut short), an HTML page (a proxy or
 * load balancer answering for GitHub), or text where JSON was asked for.
 */
function describeUnreadableAnswer(answer, request) {
    if (answer.status === 204 || answer.status === 205 || request.method === 'HEAD')
        return undefined;
    const type = String(answer.headers['content-type'] ?? '').toLowerCase();
    const text = typeof answer.data === 'string' ? answer.data : undefined;
    if (/\bjson\b/.test(type) && text !== undefined) {
        return `a JSON body that does not parse (cut short?): ${(0,src/* quoteValue */.cl)(text, 80)}`;
    }
    if (type.startsWith('text/html'))
        return 'an HTML page instead of API data';
    if (!request.mediaType?.format && (text !== undefined || answer.data instanceof ArrayBuffer)) {
        return `${(0,src/* quoteValue */.cl)(type || 'no content type')} instead of JSON`;
    }
    return undefined;
}
/** The route of a request: its template, or the path of a full URL (pagination), without the query. */
function unreadable_answers_describeRoute(url = '') {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.split('?')[0] ?? url;
    }
}
/**
 * Makes every call fail with a teaching {@link GitHubApiError} when GitHub's
 * answer has a success status but a body that cannot be read, so a cut-short
 * answer is never taken for a policy file (and parsed as YAML) or for an
 * empty comment list. Such an answer is not retried: it ends the run with
 * the request, what arrived and what to do.
 */
function refuseUnreadableAnswers(octokit) {
    octokit.hook.after('request', (answer, request) => {
        const problem = describeUnreadableAnswer(answer, request);
        if (!problem)
            return;
        const operation = `${request.method ?? 'GET'} ${unreadable_answers_describeRoute(request.url)}`;
        const requestId = answer.headers['x-github-request-id'];
        throw new GitHubApiError(`${operation} answered ${answer.status} with ${problem}` +
            `${requestId ? ` (request id ${requestId})` : ''}. Nothing was read from it. ` +
            'The answer was cut short on the way or came from a proxy in front of the API: re-run the job, ' +
            'and if it persists check that GITHUB_API_URL points at the API (e.g. "https://api.github.com"). ' +
            `Read more: ${ACTIONS_DOCS}#troubleshooting`, {
            status: answer.status,
            operation,
            kind: 'server',
            requestId: requestId ? String(requestId) : undefined,
        });
    });
    return octokit;
}

;// CONCATENATED MODULE: ../github/src/action.ts














/** Where bugs are reported; named in the failure message of an unexpected error. */
const ISSUES_URL = 'https://github.com/release-policy/release-policy/issues';

/**
 * Makes finding files repository-relative: prefixes each `file` with `root`
 * (posix separators, `./` and duplicate slashes removed). A root that is
 * empty, `.`, absolute or leaves the repository (`..`) changes nothing.
 * Returns new findings; the input is not modified. Pure.
 */
function prefixFindingFiles(findings, root) {
    const folder = external_node_path_.posix
        .normalize((root ?? '').replace(/\\/g, '/'))
        .replace(/^\.\/?$/, '')
        .replace(/\/+$/, '');
    if (!folder ||
        external_node_path_.posix.isAbsolute(folder) ||
        /^[A-Za-z]:/.test(folder) ||
        folder.split('/').includes('..'))
        return [...findings];
    return findings.map((f) => f.file
        ? { ...f, file: external_node_path_.posix.join(folder, f.file.replace(/\\/g, '/').replace(/^\.?\/+/, '')) }
        : f);
}
/** The policy-file findings of a malformed policy; on a pull request the hint says which copy counts. */
function convertPolicyErrorToFindings(error, context) {
    const findings = (0,src/* convertConfigIssuesToFindings */.H1)(error.issues);
    if (!context.pullRequest)
        return findings;
    return findings.map((f) => ({
        ...f,
        hint: "Fix the policy file on the base branch; the pull request's own copy is not used until merged.",
    }));
}
/** Where a reader finds the findings: the summary when it was written, else the log. */
function describeWhereFindingsAre(result) {
    return result.summaryWritten
        ? 'see the annotations and the job summary'
        : 'see the annotations and the findings listed in the log (the job summary could not be written)';
}
/** Reads the run, its inputs (from `env`) and the token; nothing is reported yet. */
function prepareRun(spec, env) {
    // First: every text this run writes is redacted of these ({@link sanitizeOutgoingText}).
    setKnownSecrets(readActionSecrets(env));
    const context = readRunContext(env);
    for (const problem of context.problems)
        core/* warning */.$e(sanitizeOutgoingText(problem));
    const inputs = readActionInputs(env);
    const token = inputs.get('token');
    const octokit = token ? refuseUnreadableAnswers(createOctokit({ token, env })) : undefined;
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const comment = parseBooleanInput('comment', inputs.get('comment'), true, spec.check.action);
    const report = (findings, fields) => reportFindings({
        check: spec.check.action,
        title: spec.check.title,
        findings,
        octokit,
        context,
        fields,
        botLogin: inputs.get('bot-login') || undefined,
        comment,
    });
    return {
        context,
        octokit,
        inputs,
        env,
        workspace,
        report,
        docsBaseUrl: resolveDocsBaseUrl(context),
    };
}
/** The run without its reporter: what the spec's phases are given. */
function describeRun(run) {
    const { context, octokit, inputs, env, workspace } = run;
    return { context, octokit, inputs, env, workspace };
}
/**
 * The policy of the run; undefined when it is malformed, after reporting its
 * problems where the author looks (file:line:col) and failing the run.
 */
async function loadPolicyOrReport(run) {
    const path = run.inputs.get('policy');
    try {
        return await loadRunPolicy({ ...run, path });
    }
    catch (error) {
        if (!(error instanceof src/* ConfigError */.xL))
            throw error;
        await reportPolicyError(run, error, path || src/* POLICY_PATH */.l$);
        return undefined;
    }
}
/**
 * Reports a malformed policy where the author looks (file:line:col) and
 * fails the run: found when loading it, or when gathering shows that an
 * entry cannot be used (a document link leaving the repository).
 */
async function reportPolicyError(run, error, policy) {
    const findings = convertPolicyErrorToFindings(error, run.context).map((finding) => (0,src/* linkFindingDocs */.Lx)(finding, run.docsBaseUrl));
    setOutputs({ ok: false, findings }, run.docsBaseUrl);
    const result = await run.report(findings, { policy });
    // One line: the problems are the annotations above and the summary.
    failStep(`The policy has ${(0,src/* plural */.LS)(findings.length, 'problem')}; ${describeWhereFindingsAre(result)}.`);
}
/** The check phase, or undefined after reporting a policy error that gathering found. */
async function runCheckOrReport(spec, run, policy, now) {
    try {
        return await runCheck(spec, run, policy, now);
    }
    catch (error) {
        if (!(error instanceof src/* ConfigError */.xL))
            throw error;
        await reportPolicyError(run, error, policy.source);
        return undefined;
    }
}
/**
 * Adds the facts only the API knows to what the action gathered, when its
 * check needs any (`FACT_SOURCES` says which kinds are GitHub's), through the
 * one gatherer the CLI uses too. The pull request is re-read by number (the
 * event payload may be stale). Without a token the check cannot see them:
 * an error finding says so, rather than a pass on missing facts.
 */
async function addGitHubFacts(check, run, gathered, policy) {
    // A wanted pull request is not asked for on a run without one (a push): nothing to say.
    const wanted = (check.wants ?? []).filter((kind) => kind !== 'pullRequest' || run.context.pullRequest !== undefined);
    const needs = [...check.needs, ...wanted].filter((kind) => src/* FACT_SOURCES */.C3[kind] === 'github');
    if (needs.length === 0)
        return gathered;
    const findings = [...(gathered.findings ?? [])];
    if (!run.octokit) {
        // Facts a check only wants are left out without a token: their rules are skipped.
        if (!check.needs.some((kind) => src/* FACT_SOURCES */.C3[kind] === 'github'))
            return gathered;
        findings.push({
            rule: 'github-api',
            severity: 'error',
            message: `The ${check.title} check needs facts only the GitHub API knows (${needs.join(', ')}), and the action has no token. ` +
                'Give it one, e.g. "token: ${{ github.token }}" (the default), with read access to the repository.',
            docs: `${ACTIONS_DOCS}#token-and-permissions`,
        });
        return { ...gathered, findings };
    }
    const api = await gatherGitHubFacts({
        octokit: run.octokit,
        repo: run.context.repo,
        needs,
        pullRequest: run.context.pullRequest?.number,
        policy,
    });
    for (const message of api.notices)
        findings.push({ rule: 'github-api', severity: 'notice', message });
    const { notices: _notices, ...facts } = api;
    return { ...gathered, facts: { ...gathered.facts, ...facts }, findings };
}
/**
 * Check phase: gather, evaluate, then set the outputs (computed from the
 * evaluation) and report; fails the run when an error was found.
 */
async function runCheck(spec, run, policy, now) {
    const own = await spec.gather({ ...describeRun(run), policy });
    const gathered = await addGitHubFacts(spec.check, run, own, policy);
    const evaluated = (0,src/* evaluate */._3)(gathered.facts, policy, now(), { checks: [spec.check.name] });
    // Docs paths become links to the docs of the running action's release (they must work from any repository).
    const findings = prefixFindingFiles([...(gathered.findings ?? []), ...evaluated.findings], gathered.root).map((finding) => (0,src/* linkFindingDocs */.Lx)(finding, run.docsBaseUrl));
    const evaluation = { ...evaluated, findings, ok: (0,src/* isPassing */.WG)(findings) };
    const { ok } = evaluation;
    const values = spec.check.summarize(gathered.facts, policy);
    setOutputs({ ...convertCheckValuesToOutputs(spec.check, values), ok, findings }, run.docsBaseUrl);
    const result = await run.report(findings, {
        policy: policy.source,
        ...gathered.fields,
        ...spec.check.describe(values, policy),
    });
    if (!ok) {
        const errors = findings.filter((f) => f.severity === 'error').length;
        failStep(`${spec.check.title}: ${(0,src/* plural */.LS)(errors, 'policy error')}; ${describeWhereFindingsAre(result)}` +
            (result.comment.status === 'forbidden'
                ? ' (the pull-request comment could not be written).'
                : '.'));
    }
    else {
        logData(`${spec.check.title}: passed (${(0,src/* plural */.LS)(findings.length, 'finding')}).`);
    }
    return { policy, facts: gathered.facts, evaluation };
}
/** Act phase: runs the spec's `act` when the check allows it; its error is returned, not thrown. */
async function runAct(spec, run, checked) {
    if (!spec.act)
        return { status: 'not-run', reason: 'no-act' };
    if (!checked.evaluation.ok && !spec.actsWhenFailing) {
        return { status: 'not-run', reason: 'check-failed' };
    }
    try {
        const result = await spec.act({ ...describeRun(run), ...checked });
        return { status: 'succeeded', result };
    }
    catch (error) {
        return { status: 'failed', error };
    }
}
/**
 * Record phase: runs the spec's `record` with what happened. When another
 * error is already ending the run, a failure here is logged, not thrown, so
 * the first error is the one the run fails with.
 */
async function runRecord(spec, record, failing) {
    if (!spec.record)
        return;
    try {
        await spec.record(record);
    }
    catch (error) {
        if (!failing)
            throw error;
        logErrorStack(error);
        logData(`Recording what happened failed as well: ${describeError(error)}`);
    }
}
/** Check → act → record, recording in a `finally` whatever the first two did. */
async function runPhases(spec, run, now) {
    let record = {
        ...describeRun(run),
        act: { status: 'not-run', reason: spec.act ? 'check-incomplete' : 'no-act' },
    };
    let failing = true;
    try {
        const policy = await loadPolicyOrReport(run);
        if (!policy) {
            failing = false;
            return;
        }
        record = { ...record, policy };
        const checked = await runCheckOrReport(spec, run, policy, now);
        if (!checked) {
            failing = false;
            return;
        }
        record = { ...record, ...checked };
        const act = await runAct(spec, run, checked);
        record = { ...record, act };
        if (act.status === 'failed')
            throw act.error;
        if (act.status === 'succeeded') {
            if (act.result.outputs)
                setOutputs(act.result.outputs, run.docsBaseUrl);
            if (act.result.description)
                logData(act.result.description);
        }
        failing = false;
    }
    finally {
        await runRecord(spec, record, failing);
    }
}
/** Fails the step with `message`, redacted and escaped like every text that leaves. */
function failStep(message) {
    core/* setFailed */.C1(sanitizeOutgoingText(message));
}
function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}
/** The stack of an error, in the debug log (shown when the run is re-run with debug logging). */
function logErrorStack(error) {
    if (error instanceof Error && error.stack)
        core/* debug */.Yz(redactSecrets(error.stack));
}
/**
 * Fails the run with `error`, converted once: a {@link ReleasePolicyError}
 * (a user's mistake or the environment's) with its teaching message alone;
 * anything else is a bug, so its stack goes to the debug log and the message
 * asks for a report.
 */
function failWithError(error, docsBaseUrl = (0,src/* formatReleaseDocsBaseUrl */.YQ)()) {
    if (error instanceof src/* ReleasePolicyError */.CP) {
        failStep((0,src/* linkDocs */.cG)(error.message, docsBaseUrl));
        return;
    }
    logErrorStack(error);
    const message = describeError(error).replace(/\.$/, '');
    failStep(`release-policy hit an unexpected error: ${message}. ` +
        `This is a bug; please report it at ${ISSUES_URL} with this log.`);
}
/**
 * The flow every policy action shares, in three phases. Check: read the run,
 * load the policy from the right commit, gather facts, evaluate, then report
 * everywhere (outputs, annotations, job summary, sticky comment) and fail when
 * an error was found. Act: the spec's `act`, when the check allows it. Record:
 * the spec's `record`, always, with what happened. Errors are converted once,
 * here ({@link failWithError}): the action never passes silently.
 */
async function runPolicyAction(spec, env = process.env, now = () => new Date()) {
    let docsBaseUrl;
    try {
        const run = prepareRun(spec, env);
        docsBaseUrl = run.docsBaseUrl;
        await runPhases(spec, run, now);
    }
    catch (error) {
        failWithError(error, docsBaseUrl);
    }
}
/** Every output the check declares, an absent value as an empty output (never left unset). */
function convertCheckValuesToOutputs(check, values) {
    return Object.fromEntries(check.outputs.map(({ name }) => [name, values[name] ?? '']));
}

;// CONCATENATED MODULE: ../github/src/release.ts
/**
 * Publishes release notes as the GitHub Release of a tag, safely re-run:
 * the release is found by listing (drafts included, which get-by-tag does
 * not find), updated when it exists, created otherwise; a create that
 * answers 422 `already_exists` or fails after writing is followed by a new
 * look-up, so every path ends with exactly one release. The notes live in a
 * marked block of the body; text a person wrote outside it is kept.
 */


/**
 * Release notes ready to leave the action (the release body, the notes file,
 * the changelog): every secret the run knows redacted, and control, bidi and
 * zero-width characters shown as escapes like every other output, except the
 * zero-width space the notes put after `@` so a mention notifies nobody.
 */
function sanitizeReleaseNotes(notes) {
    return sanitizeOutgoingText(notes).replaceAll('@\\u200b', '@\u200b');
}
/** The markers around the notes in a release body. */
const NOTES_START = '<!-- release-policy:notes:start -->';
const NOTES_END = '<!-- release-policy:notes:end -->';
const release_LIST = 'GET /repos/{owner}/{repo}/releases';
const release_CREATE = 'POST /repos/{owner}/{repo}/releases';
const release_UPDATE = 'PATCH /repos/{owner}/{repo}/releases/{release_id}';
/**
 * The body with the notes in the marked block: the block replaced when the
 * body has one, else added at the top, above what a person wrote. Pure.
 */
function mergeReleaseBody(body, notes) {
    const block = `${NOTES_START}\n${notes.trimEnd()}\n${NOTES_END}`;
    const start = body.indexOf(NOTES_START);
    const end = start === -1 ? -1 : body.indexOf(NOTES_END, start);
    if (start !== -1 && end !== -1) {
        return `${body.slice(0, start)}${block}${body.slice(end + NOTES_END.length)}`;
    }
    return body.trim() === '' ? block : `${block}\n\n${body}`;
}
async function release_callApi(operation, call) {
    try {
        return await call();
    }
    catch (error) {
        throw toGitHubApiError(error, operation);
    }
}
/** The release of the tag, drafts included; the oldest when there are several. */
async function findRelease(input) {
    const { octokit, repo } = input;
    const all = (await release_callApi(release_LIST, () => octokit.paginate(octokit.rest.repos.listReleases, { ...repo, per_page: 100 })));
    return all.filter((r) => r.tag_name === input.tag).sort((a, b) => a.id - b.id)[0];
}
async function updateRelease(input, found) {
    const { octokit, repo } = input;
    const response = await release_callApi(release_UPDATE, () => octokit.rest.repos.updateRelease({
        ...repo,
        release_id: found.id,
        tag_name: input.tag,
        name: input.name,
        body: mergeReleaseBody(found.body ?? '', sanitizeReleaseNotes(input.notes)),
        draft: input.draft,
        prerelease: input.prerelease,
    }));
    return { id: response.data.id, url: response.data.html_url, status: 'updated' };
}
/** True when a failed create may have happened anyway, or lost a race: look again. */
function isWorthLookingAgain(error) {
    return (error instanceof GitHubApiError &&
        (error.status === 422 || error.kind === 'server' || error.kind === 'network'));
}
/**
 * Creates or updates the tag's release with the notes.
 * @throws GitHubApiError when GitHub refuses, after the look-up that follows a failed create
 */
async function publishRelease(input) {
    const found = await findRelease(input);
    if (found)
        return updateRelease(input, found);
    const { octokit, repo } = input;
    try {
        const response = await release_callApi(release_CREATE, () => octokit.rest.repos.createRelease({
            ...repo,
            tag_name: input.tag,
            name: input.name,
            body: mergeReleaseBody('', sanitizeReleaseNotes(input.notes)),
            draft: input.draft,
            prerelease: input.prerelease,
            // Never retried blindly: a create that failed after writing is found by the look-up below.
            request: { retries: 0 },
        }));
        return { id: response.data.id, url: response.data.html_url, status: 'created' };
    }
    catch (error) {
        if (!isWorthLookingAgain(error))
            throw error;
        // Another run created it, or our create went through before the answer was lost.
        const again = await findRelease(input);
        if (!again)
            throw error;
        return updateRelease(input, again);
    }
}

;// CONCATENATED MODULE: ../github/src/status-report.ts
/**
 * The release status as Markdown (job summary, status issue) and as the JSON
 * report: where every release line stands in every environment, pending
 * promotions, the next release's documents, missing patches and the
 * audit's findings. Every name is untrusted text and escaped for the table
 * cell it lands in.
 */


/** Findings listed at most in the Markdown; the JSON report has them all. */
const MAX_STATUS_FINDINGS = 100;
function renderDeployedCell(entry) {
    const d = entry.deployment;
    if (!d)
        return '—';
    const who = d.by ? ` by ${escapeMarkdownCell(d.by, 80)}` : '';
    return `${escapeMarkdownCell(d.version, 80)}<br>${escapeMarkdownCell(d.at.slice(0, 10))}${who}`;
}
function renderLines(status) {
    if (status.lines.length === 0)
        return ['No release tags and no deployments yet.'];
    const head = ['line', 'latest', ...status.environments.map((e) => escapeMarkdownCell(e, 80))];
    const rows = status.lines.map((line) => {
        const name = line.line === src/* OTHER_LINE */.WA ? line.line : escapeMarkdownCell(line.line);
        const latest = line.latestTag ? escapeMarkdownCell(line.latestTag) : '—';
        return `| ${[name, latest, ...line.deployed.map(renderDeployedCell)].join(' | ')} |`;
    });
    return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows];
}
function renderPending(status) {
    const pending = status.lines.flatMap((line) => line.pending);
    if (pending.length === 0)
        return [];
    return [
        '',
        '**Pending promotions**',
        '',
        ...pending.map((p) => `- ${escapeMarkdownText(p.version, 80)}: ${escapeMarkdownText(p.from, 80)} → ${escapeMarkdownText(p.to, 80)}`),
    ];
}
/** The missing commits of a line as a cell: short shas and subjects, then how many more. */
function renderMissingCell(patches) {
    if (patches.missing === 0)
        return 'none';
    const shown = patches.missingCommits.map((c) => `${c.sha.slice(0, 12)} ${escapeMarkdownCell(c.subject, 80)}`);
    const more = patches.missing - shown.length;
    return [`${patches.missing}:`, ...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('<br>');
}
function renderPatches(status) {
    const title = ['', '**Patches missing from mainline**', ''];
    if (status.patchesUnread) {
        return [
            ...title,
            `Not compared: ${escapeMarkdownText(status.patchesUnread.detail, 400)} Check out the whole history (actions/checkout with \`fetch-depth: 0\`).`,
        ];
    }
    if (!status.patches)
        return [];
    if (status.patches.length === 0)
        return [...title, 'No maintenance lines.'];
    const rows = status.patches.map((p) => `| ${escapeMarkdownCell(p.line)} | ${p.commits} | ${renderMissingCell(p)} |`);
    return [...title, '| line | commits | missing |', '| --- | --- | --- |', ...rows];
}
const RELEASE_TYPE_SOURCES = {
    version: 'the version analysis’s next version',
    default: 'no version facts: the main-version step',
};
/** The next release's documents: one row per document the policy requires for its type. */
function renderDocuments(status) {
    if (status.documentsUnread) {
        const { reason, detail } = status.documentsUnread;
        // A not-mainline detail already says what to do: run the audit on the mainline.
        const advice = reason === 'no-checkout'
            ? ' Check out the repository before the audit (actions/checkout).'
            : '';
        return [
            '',
            '**Documents of the next release**',
            '',
            `Not read: ${escapeMarkdownText(detail, 400)}${advice}`,
        ];
    }
    const docs = status.nextReleaseDocuments;
    if (!docs)
        return [];
    const title = [
        '',
        `**Documents of the next release**: line ${escapeMarkdownText(docs.line, 40)} on ${escapeMarkdownText(docs.branch, 80)}, a ${docs.releaseType} release (${RELEASE_TYPE_SOURCES[docs.releaseTypeFrom]}); the docs check gates the release, the audit does not fail on them.`,
        '',
    ];
    if (docs.items.length === 0) {
        return [...title, `The policy requires no documents for a ${docs.releaseType} release.`];
    }
    const rows = docs.items.map((d) => `| ${escapeMarkdownCell(d.path, 200)} | ${d.state} | ${d.detail === undefined ? '' : escapeMarkdownCell(d.detail, 400)} |`);
    return [...title, '| document | state | detail |', '| --- | --- | --- |', ...rows];
}
function renderFindingsTable(findings) {
    const counts = (0,src/* countFindings */.Gt)(findings);
    const title = `**Settings and findings**: ${(0,src/* plural */.LS)(counts.error, 'error')}, ${(0,src/* plural */.LS)(counts.warning, 'warning')}, ${(0,src/* plural */.LS)(counts.notice, 'notice')}`;
    if (findings.length === 0)
        return ['', title, '', 'Every setting audited enforces the policy.'];
    const shown = (0,src/* sortFindings */.Tc)(findings).slice(0, MAX_STATUS_FINDINGS);
    const rows = shown.map((f) => {
        const { line } = readFirstLine(f.message);
        const where = f.file ? `${escapeMarkdownCell(f.file)}${f.line ? `:${f.line}` : ''}` : '';
        const hint = f.hint ? `<br>${escapeMarkdownCell(f.hint, 400)}` : '';
        return `| ${f.severity} | ${escapeMarkdownCell(f.rule)} | ${escapeMarkdownCell(line)}${hint} | ${where} |`;
    });
    const more = findings.length > shown.length
        ? ['', `_${findings.length - shown.length} more findings are in the JSON report._`]
        : [];
    return [
        '',
        title,
        '',
        '| severity | rule | finding | file |',
        '| --- | --- | --- | --- |',
        ...rows,
        ...more,
    ];
}
/** The status report as Markdown, headed by the repository's name. */
function renderStatusMarkdown(report) {
    const { status } = report;
    return [
        `### Release status of ${escapeMarkdownText(status.repository, 200)}`,
        '',
        `${report.ok ? 'The audit passed' : 'The audit failed'} on ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`,
        '',
        ...renderLines(status),
        ...renderPending(status),
        ...renderDocuments(status),
        ...renderPatches(status),
        ...renderFindingsTable(report.findings),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ../github/src/status-issue.ts
/**
 * The one status issue of a repository: found by a hidden marker in its
 * body (and its author, so a pasted marker does not make an issue ours),
 * created once, then updated in place by every run; when someone closed
 * it, reopened and updated, never created again. Re-run safe: a retried
 * or concurrent create that made a second issue closes the newer ones as
 * duplicates, keeping the oldest.
 */


/** The hidden marker the status issue's body starts with. */
const STATUS_ISSUE_MARKER = '<!-- release-policy:status -->';
/** Issues longer than this are cut (GitHub refuses bodies over 65,536 characters). */
const MAX_ISSUE_BODY_CHARS = 60_000;
/**
 * Issues by the bot read at most per listing (open, then closed) when looking
 * for the status issue; pull requests, which GitHub lists with issues, do not count.
 */
const MAX_ISSUES_SCANNED = 1000;
const status_issue_LIST = 'GET /repos/{owner}/{repo}/issues';
const status_issue_CREATE = 'POST /repos/{owner}/{repo}/issues';
const status_issue_UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
async function status_issue_call(operation, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw toGitHubApiError(error, operation);
    }
}
function isStatusIssue(input, issue) {
    const ours = issue.user?.login.toLowerCase() === input.botLogin.toLowerCase();
    return ours && (issue.body ?? '').startsWith(STATUS_ISSUE_MARKER);
}
/**
 * Reads the bot's issues in the given state and order, page by page, until
 * `stop` says enough or {@link MAX_ISSUES_SCANNED} issues (pull requests not
 * counted) were read; returns those carrying the marker.
 */
async function scanStatusIssues(input, order, stop) {
    const found = [];
    let scanned = 0;
    const pages = input.octokit.paginate.iterator(input.octokit.rest.issues.listForRepo, {
        ...input.repo,
        ...order,
        creator: input.botLogin,
        per_page: 100,
    });
    await status_issue_call(status_issue_LIST, async () => {
        for await (const page of pages) {
            for (const issue of page.data) {
                if (issue.pull_request !== undefined)
                    continue;
                scanned += 1;
                if (isStatusIssue(input, issue))
                    found.push(issue);
                if (stop(found) || scanned >= MAX_ISSUES_SCANNED)
                    return;
            }
        }
    });
    return found;
}
/** The open status issues by `botLogin`, oldest first. */
async function listOpenStatusIssues(input) {
    const order = { state: 'open', sort: 'created', direction: 'asc' };
    const found = await scanStatusIssues(input, order, () => false);
    return found.sort((a, b) => a.number - b.number);
}
/**
 * The closed status issue updated last (the status issue someone closed;
 * duplicates this module closed were closed before it), or none.
 */
async function findClosedStatusIssue(input) {
    const order = { state: 'closed', sort: 'updated', direction: 'desc' };
    const found = await scanStatusIssues(input, order, (marked) => marked.length > 0);
    return found[0];
}
/** The body as written: marker first, redacted of the run's secrets, cut to GitHub's limit. */
function renderStatusIssueBody(body) {
    const text = sanitizeOutgoingText(`${STATUS_ISSUE_MARKER}\n${body}`);
    if (text.length <= MAX_ISSUE_BODY_CHARS)
        return text;
    const note = '\n\n_(cut: the full report is in the run’s JSON report)_\n';
    return `${text.slice(0, MAX_ISSUE_BODY_CHARS - note.length)}${note}`;
}
async function closeDuplicates(input, keep, found) {
    const closed = [];
    for (const issue of found) {
        if (issue.number === keep || issue.state !== 'open')
            continue;
        await status_issue_call(status_issue_UPDATE, () => input.octokit.rest.issues.update({
            ...input.repo,
            issue_number: issue.number,
            state: 'closed',
            state_reason: 'duplicate',
        }));
        closed.push(issue.number);
    }
    return closed;
}
/**
 * Creates the status issue, or updates it in place (title and body): the
 * oldest open one, else the closed one updated last, reopened. A second open one
 * left by an earlier retried create is closed as a duplicate.
 *
 * @throws GitHubApiError when a call fails (e.g. 403 without `issues: write`).
 */
async function upsertStatusIssue(input) {
    const body = renderStatusIssueBody(input.body);
    const title = sanitizeOutgoingText(input.title, { singleLine: true });
    const found = await listOpenStatusIssues(input);
    // Closed ones are read only when none is open: the usual path is one short listing.
    const existing = found[0] ?? (await findClosedStatusIssue(input));
    if (existing) {
        const reopen = existing.state !== 'open';
        const { data } = await status_issue_call(status_issue_UPDATE, () => input.octokit.rest.issues.update({
            ...input.repo,
            issue_number: existing.number,
            title,
            body,
            ...(reopen ? { state: 'open' } : {}),
        }));
        // The listing already holds any duplicate: no second listing on the usual path.
        const closed = await closeDuplicates(input, existing.number, found);
        const status = reopen ? 'reopened' : 'updated';
        return { status, number: data.number, url: data.html_url, closed };
    }
    const { data } = await status_issue_call(status_issue_CREATE, () => input.octokit.rest.issues.create({ ...input.repo, title, body }));
    // A retried POST or a concurrent run may have made another: keep the oldest.
    const after = await listOpenStatusIssues(input);
    const oldest = after[0];
    if (!oldest || oldest.number === data.number) {
        const closed = await closeDuplicates(input, data.number, after);
        return { status: 'created', number: data.number, url: data.html_url, closed };
    }
    // An earlier create (a retried POST whose answer was lost, or another run) made one
    // first: it is the status issue, and the one this call made is the duplicate.
    await status_issue_call(status_issue_UPDATE, () => input.octokit.rest.issues.update({ ...input.repo, issue_number: oldest.number, title, body }));
    const closed = await closeDuplicates(input, oldest.number, after);
    return { status: 'updated', number: oldest.number, url: oldest.html_url, closed };
}

;// CONCATENATED MODULE: ../github/src/forward-port-pull.ts
/**
 * The forward-port pull request of a maintenance line: found by its head
 * branch, created once, then updated in place by every run, so a re-run never
 * opens a second one. Its body lists the picks, and each pick left for a
 * person (a conflict) with the commands that do it.
 */




const forward_port_pull_LIST = 'GET /repos/{owner}/{repo}/pulls';
const forward_port_pull_CREATE = 'POST /repos/{owner}/{repo}/pulls';
const forward_port_pull_UPDATE = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';
/** Bodies longer than this are cut (GitHub refuses bodies over 65,536 characters). */
const MAX_PULL_BODY_CHARS = 60_000;
async function forward_port_pull_call(operation, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw toGitHubApiError(error, operation);
    }
}
/**
 * Updates the open pull request whose head is `head` in this repository
 * (title and body), or creates it.
 *
 * @throws GitHubApiError when a call fails (e.g. 403 without `pull-requests: write`).
 */
async function upsertForwardPortPull(input) {
    const title = sanitizeOutgoingText(input.title, { singleLine: true });
    const body = cutBody(sanitizeOutgoingText(input.body));
    const { data: open } = await forward_port_pull_call(forward_port_pull_LIST, () => input.octokit.rest.pulls.list({
        ...input.repo,
        head: `${input.repo.owner}:${input.head}`,
        base: input.base,
        state: 'open',
        per_page: 100,
    }));
    // Matched again by name: the `head` filter is GitHub's, the decision is ours.
    const existing = open
        .filter((pull) => pull.head.ref === input.head)
        .sort((a, b) => a.number - b.number)[0];
    if (existing) {
        const { data } = await forward_port_pull_call(forward_port_pull_UPDATE, () => input.octokit.rest.pulls.update({
            ...input.repo,
            pull_number: existing.number,
            title,
            body,
        }));
        return { status: 'updated', number: data.number, url: data.html_url };
    }
    const { data } = await forward_port_pull_call(forward_port_pull_CREATE, () => input.octokit.rest.pulls.create({
        ...input.repo,
        base: input.base,
        head: input.head,
        title,
        body,
    }));
    return { status: 'created', number: data.number, url: data.html_url };
}
function cutBody(text) {
    if (text.length <= MAX_PULL_BODY_CHARS)
        return text;
    const note = '\n\n_(cut: the full list is in the run’s forward-ports output)_\n';
    return `${text.slice(0, MAX_PULL_BODY_CHARS - note.length)}${note}`;
}
/** The title of a line's forward-port pull request, e.g. `Forward-port 3.5.x into main`. */
function formatForwardPortTitle(line, mainline) {
    return `Forward-port ${(0,src/* truncateText */.lm)(line, 100)} into ${(0,src/* truncateText */.lm)(mainline, 100)}`;
}
const REASONS = {
    conflict: 'conflicts with mainline: pick it by hand',
    empty: 'already applied (the pick came out empty)',
    'already-on-branch': 'already picked on this branch',
};
function forward_port_pull_renderCommitRow(commit, note) {
    const cells = [`\`${commit.sha.slice(0, 12)}\``, escapeMarkdownCell(commit.subject, 200)];
    if (note !== undefined)
        cells.push(note);
    return `| ${cells.join(' | ')} |`;
}
/**
 * The pull request's Markdown body: what the branch picks, what was left
 * out and why, and for each conflicting pick the commands a person runs on
 * the branch (the branch name shell-quoted; shas are hex). Untrusted text
 * (the line's name, subjects) is escaped.
 */
function renderForwardPortBody(input) {
    const remote = input.remote ?? 'origin';
    const conflicts = input.skipped.filter((s) => s.reason === 'conflict');
    const parts = [
        `Commits shipped on the maintenance line **${escapeMarkdownText(input.line, 200)}** that ` +
            `**${escapeMarkdownText(input.mainline, 200)}** lacks, cherry-picked with \`git cherry-pick -x\` ` +
            'by release-policy (patch-merge, open-forward-ports). A re-run updates this pull request and adds only new picks.',
    ];
    if (input.picked.length > 0) {
        parts.push(['### Picked by the last run', '', '| commit | subject |', '| --- | --- |']
            .concat(input.picked.map((c) => forward_port_pull_renderCommitRow(c)))
            .join('\n'));
    }
    else {
        parts.push('The last run picked no new commit.');
    }
    if (input.skipped.length > 0) {
        parts.push(['### Not picked', '', '| commit | subject | why |', '| --- | --- | --- |']
            .concat(input.skipped.map((c) => forward_port_pull_renderCommitRow(c, REASONS[c.reason])))
            .join('\n'));
    }
    if (conflicts.length > 0) {
        const branch = (0,src/* quoteShellArgument */.qK)(input.branch);
        const commands = [
            `git fetch ${(0,src/* quoteShellArgument */.qK)(remote)} ${branch}`,
            `git switch ${branch}`,
            ...conflicts.map((c) => `git cherry-pick -x ${c.sha}`),
            `git push ${(0,src/* quoteShellArgument */.qK)(remote)} ${branch}`,
        ];
        parts.push([
            '### For a person to do',
            '',
            'These picks conflict with mainline. Pick each on this branch, resolve the conflict, ' +
                '`git cherry-pick --continue`, then push; a later run sees the `(cherry picked from commit …)` line and leaves it:',
            '',
            '```sh',
            ...commands,
            '```',
        ].join('\n'));
    }
    return `${parts.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ../github/src/org-audit.ts
/**
 * The audit across an organisation, with GitHub Actions as the engine: the
 * repositories to audit (a list, or every repository with a topic), split
 * into matrix jobs within GitHub's limit, and the per-repository JSON reports
 * merged into one organisation report.
 */



/** GitHub runs at most 256 jobs of one matrix. */
const MAX_MATRIX_JOBS = 256;
/** Matrix jobs the reusable workflow declares; repositories beyond them are refused. */
const MATRIX_GROUPS = 4;
/** Repositories listed at most, so a huge organisation stays a bounded call. */
const MAX_ORG_REPOSITORIES = MAX_MATRIX_JOBS * MATRIX_GROUPS;
const LIST_ORG_REPOS = 'GET /orgs/{org}/repos';
/**
 * The organisation's repositories to audit, by full name in name order:
 * archived ones left out, and only those with `topic` when given. One
 * paginated listing (100 a page).
 *
 * @throws GitHubApiError when the listing fails.
 */
async function listOrgRepositories(octokit, selection) {
    try {
        const repos = await octokit.paginate(octokit.rest.repos.listForOrg, {
            org: selection.org,
            type: 'all',
            sort: 'full_name',
            per_page: 100,
        });
        const topic = selection.topic?.toLowerCase();
        return repos
            .filter((r) => r.archived !== true)
            .filter((r) => topic === undefined || (r.topics ?? []).includes(topic))
            .map((r) => r.full_name);
    }
    catch (error) {
        throw toGitHubApiError(error, LIST_ORG_REPOS);
    }
}
/**
 * Splits the repositories (duplicates removed, compared without case) into
 * matrices of at most {@link MAX_MATRIX_JOBS}.
 *
 * @throws RangeError when there are more than {@link MAX_ORG_REPOSITORIES}.
 */
function planAuditMatrix(repositories) {
    const seen = new Set();
    const unique = repositories.filter((name) => {
        const key = name.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    if (unique.length > MAX_ORG_REPOSITORIES) {
        throw new RangeError(`${unique.length} repositories are more than the ${MAX_ORG_REPOSITORIES} one organisation audit runs ` +
            `(${MATRIX_GROUPS} matrices of ${MAX_MATRIX_JOBS} jobs). Split them with a topic, e.g. topic: team-a, and call the workflow once per topic.`);
    }
    const groups = Array.from({ length: MATRIX_GROUPS }, (_, i) => ({
        repository: unique.slice(i * MAX_MATRIX_JOBS, (i + 1) * MAX_MATRIX_JOBS),
    }));
    return { groups, count: unique.length };
}
function rowOf(report) {
    const findings = report.findings;
    const counts = (0,src/* countFindings */.Gt)(findings);
    return {
        repository: report.status.repository,
        ok: report.ok,
        errors: counts.error,
        warnings: counts.warning,
        notices: counts.notice,
        lines: report.status.lines.length,
        unreadable: report.status.unreadable.length,
        failing: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))],
    };
}
function isStatusReport(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const report = value;
    return (typeof report.ok === 'boolean' &&
        typeof report.status?.repository === 'string' &&
        Array.isArray(report.status.lines) &&
        Array.isArray(report.findings));
}
/**
 * Merges the JSON reports of the matrix jobs (file name → parsed JSON, or
 * the text that did not parse) into one organisation report, sorted by
 * repository. A file that is not a status report is named, not merged.
 */
function mergeStatusReports(files) {
    const rows = [];
    const unreadable = [];
    for (const [name, value] of files) {
        if (isStatusReport(value))
            rows.push(rowOf(value));
        else
            unreadable.push(name);
    }
    rows.sort((a, b) => a.repository.localeCompare(b.repository));
    return { repositories: rows, failed: rows.filter((r) => !r.ok).length, unreadable };
}
/** The organisation report as Markdown: the summary table, failing repositories first. */
function renderOrgMarkdown(report) {
    const rows = [...report.repositories].sort((a, b) => Number(a.ok) - Number(b.ok));
    const table = rows.map((r) => `| ${escapeMarkdownCell(r.repository, 200)} | ${r.ok ? 'pass' : 'fail'} | ${r.errors} | ${r.warnings} | ${r.notices} | ${r.lines} | ${r.unreadable} | ${r.failing.map((rule) => escapeMarkdownCell(rule, 80)).join(', ')} |`);
    const notes = report.unreadable.map((name) => `- ${escapeMarkdownCell(name, 200)} is not a status report and was left out.`);
    return [
        '### Release policy audit of the organisation',
        '',
        `${report.repositories.length} repositories audited, ${report.failed} failing.`,
        '',
        '| repository | audit | errors | warnings | notices | release lines | settings not read | failing rules |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...table,
        ...(notes.length > 0 ? ['', ...notes] : []),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ../github/src/workspace.ts
/** Where in the workspace an action works: its `working-directory` input, kept inside. */





function isInside(root, path) {
    const inside = (0,external_node_path_.relative)(root, path);
    return !(inside === '..' ||
        inside.startsWith('../') ||
        inside.startsWith('..\\') ||
        (0,external_node_path_.isAbsolute)(inside));
}
/**
 * The `working-directory` input of the action `action` resolved against the
 * workspace (`.` when empty). The folder must exist and stay inside the
 * workspace by its real path too: a symlink in the repository pointing
 * elsewhere is refused like `../..`.
 * @throws InputError when it leaves the workspace (`../../etc`, an absolute path elsewhere, a symlink
 *   out), or is not a folder, naming the action's inputs.
 */
function resolveWorkingDirectory(workspace, input, action) {
    const root = (0,external_node_path_.resolve)(workspace);
    const cwd = (0,external_node_path_.resolve)(root, input || '.');
    const readMore = `Read more: ${ACTIONS_DOCS}#${action}-inputs`;
    const leaves = new InputError(`The working-directory input ${(0,src/* quoteValue */.cl)(input)} leaves the workspace. Give a folder inside the ` +
        `checked-out repository, relative to it, e.g. "packages/app". ${readMore}`);
    if (!isInside(root, cwd))
        throw leaves;
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(cwd);
    }
    catch {
        throw new InputError(`The working-directory input ${(0,src/* quoteValue */.cl)(input)} names no folder in the workspace. Check the path ` +
            `(relative to the repository root) and that the checkout step ran before this one. ${readMore}`);
    }
    if (!isInside((0,external_node_fs_.realpathSync)(root), real))
        throw leaves;
    if (!(0,external_node_fs_.statSync)(real).isDirectory()) {
        throw new InputError(`The working-directory input ${(0,src/* quoteValue */.cl)(input)} is a file, not a folder. Give the folder that ` +
            `holds the project, e.g. "packages/app". ${readMore}`);
    }
    return cwd;
}

;// CONCATENATED MODULE: ../github/src/promotion-facts.ts
/**
 * The facts of a promotion, read from the API: the commit and its author,
 * the deployments of the target environment and of the commit everywhere,
 * and, on a runner, the run's environment reviews with each reviewer's
 * permission and team membership (never `author_association`).
 */




const GET_COMMIT = 'GET /repos/{owner}/{repo}/commits/{ref}';
const RUN_REVIEWS = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals';
const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const MEMBERSHIP = 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}';
/**
 * Reads everything the promotion rules judge.
 *
 * @throws PromotionError when the ref names no commit; GitHubApiError when a call fails
 */
async function gatherPromotionFacts(input) {
    const { octokit, repo, policy, request } = input;
    // One gathering reads each deployment's statuses once, whichever lists it.
    const known = new Map();
    const target = await readDeployments(octokit, repo, { environment: request.environment }, known);
    let commit;
    let version = request.version ?? '';
    if (request.rollback) {
        const back = (0,src/* findRollbackTarget */.L_)(target, request.environment);
        if (back) {
            commit = await readCommit(octokit, repo, back.sha);
            version = back.version;
        }
    }
    else {
        const ref = resolvePromotedRef(request, policy, input.run?.sha);
        commit = await readCommit(octokit, repo, ref);
        if (!version)
            version = request.ref ?? commit.sha.slice(0, 12);
    }
    const ofCommit = commit
        ? await readDeployments(octokit, repo, { sha: commit.sha, max: 100 }, known)
        : [];
    // What the environment before holds now, so a refusal can name it.
    const after = (0,src/* findEnvironmentSpec */.Wi)(policy, request.environment)?.after;
    const before = after
        ? await readDeployments(octokit, repo, { environment: after, max: 5 }, known)
        : [];
    const approvals = input.run
        ? await readApprovals(octokit, repo, policy, request.environment, input.run.id, input.now)
        : undefined;
    return {
        environment: request.environment,
        version,
        commit: commit?.sha ?? '',
        ...(request.artifact ? { artifact: request.artifact } : {}),
        ...(request.step !== undefined ? { step: request.step } : {}),
        rollback: request.rollback,
        ...(request.emergency !== undefined ? { emergency: request.emergency } : {}),
        ...(input.run ? { runId: input.run.id, starter: input.run.starter } : {}),
        ...(commit?.author ? { author: commit.author } : {}),
        deployments: mergeDeployments(target, ofCommit, before),
        ...(approvals ? { approvals } : {}),
    };
}
/** The ref a promotion names: the version's tag, the ref given, or the run's commit. */
function resolvePromotedRef(request, policy, runSha) {
    if (request.version)
        return `${policy.versioning.tagPrefix[0] ?? ''}${request.version}`;
    if (request.ref)
        return request.ref;
    if (runSha)
        return runSha;
    throw new PromotionError('Nothing names what to promote: give the version (e.g. 1.4.0, whose tag v1.4.0 must exist) or a ref, ' +
        `or set rollback to return to the previous version. Read more: ${ACTIONS_DOCS}#promote-inputs`);
}
async function readCommit(octokit, repo, ref) {
    try {
        const { data } = await callGitHubApi(GET_COMMIT, () => octokit.rest.repos.getCommit({ ...repo, ref }));
        return { sha: data.sha, ...(data.author?.login ? { author: data.author.login } : {}) };
    }
    catch (error) {
        if (error instanceof GitHubApiError && (error.status === 404 || error.status === 422)) {
            throw new PromotionError(`The ref ${(0,src/* quoteValue */.cl)(ref)} names no commit of ${repo.owner}/${repo.repo}. Give a version whose tag exists ` +
                `(e.g. 1.4.0 for the tag v1.4.0), a branch, a tag or a full sha. Read more: ${ACTIONS_DOCS}#promote-inputs`, { cause: error });
        }
        throw error;
    }
}
/** The run's reviews of the environment and its gates, each with the reviewer's permission and teams. */
async function readApprovals(octokit, repo, policy, environment, runId, now) {
    const { data } = await callGitHubApi(RUN_REVIEWS, () => octokit.rest.actions.getReviewsForRun({ ...repo, run_id: runId }));
    const teams = ((0,src/* findEnvironmentSpec */.Wi)(policy, environment)?.approvals.from ?? []).filter((f) => f.includes('/'));
    const people = new Map();
    const approvals = [];
    for (const review of data) {
        const login = review.user.login;
        for (const env of review.environments) {
            if (env.name === undefined || !(0,src/* isApprovalEnvironment */.bu)(environment, env.name))
                continue;
            let person = people.get(login.toLowerCase());
            if (!person) {
                person = {
                    permission: await readPermission(octokit, repo, login),
                    teams: await readTeams(octokit, login, teams),
                };
                people.set(login.toLowerCase(), person);
            }
            approvals.push({
                login,
                type: review.user.type,
                environment: env.name,
                state: review.state,
                permission: person.permission,
                teams: person.teams,
                comment: review.comment,
                seenAt: now.toISOString(),
            });
        }
    }
    return approvals;
}
async function readPermission(octokit, repo, username) {
    try {
        const { data } = await callGitHubApi(PERMISSION, () => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username }));
        // role_name is the real role (maintain, triage); permission the legacy one.
        return data.role_name || data.permission;
    }
    catch (error) {
        // 404: not a collaborator at all, which is no permission.
        if (error instanceof GitHubApiError && error.status === 404)
            return 'none';
        throw error;
    }
}
async function readTeams(octokit, username, teams) {
    const member = [];
    for (const team of teams) {
        const [org = '', slug = ''] = team.split('/');
        try {
            const { data } = await callGitHubApi(MEMBERSHIP, () => octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username }));
            if (data.state === 'active')
                member.push(team);
        }
        catch (error) {
            // 404 is GitHub's answer for "not a member" (and for a team the token cannot see).
            if (!(error instanceof GitHubApiError && error.status === 404))
                throw error;
        }
    }
    return member;
}

;// CONCATENATED MODULE: ../github/src/promotion-deploy.ts
/**
 * Creates the GitHub Deployment of a promotion and walks it through its
 * statuses: `in_progress`, then `success` (the deployment it replaces is
 * marked `inactive`) or `failure`. Re-run safe: a re-run of the same run
 * takes over the deployment it left behind instead of creating another, so
 * the environment ends with one live deployment. Concurrent promotions:
 * the one whose deployment was created first goes on; any other yields with
 * a failure status and a {@link PromotionError}.
 */




const promotion_deploy_CREATE = 'POST /repos/{owner}/{repo}/deployments';
const promotion_deploy_LIST = 'GET /repos/{owner}/{repo}/deployments';
const STATUS = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
/**
 * Creates (or takes over) the deployment, marks it in progress, yields to
 * an older concurrent promotion, then marks it successful and the one it
 * replaced inactive.
 *
 * @throws PromotionError when a concurrent promotion goes first; GitHubApiError when a call fails
 */
async function deployPromotion(input) {
    const { octokit, repo, record } = input;
    const id = (await findOwnDeployment(input)) ?? (await createDeployment(input));
    input.created?.(id);
    const links = {
        ...(input.logUrl ? { log_url: input.logUrl } : {}),
        ...(input.environmentUrl ? { environment_url: input.environmentUrl } : {}),
    };
    await postStatus(octokit, repo, id, 'in_progress', `Promoting ${record.version} (${record.percent}%)`, links);
    const current = await readDeployments(octokit, repo, {
        environment: record.environment,
        max: 100,
    });
    const rival = current.find((d) => d.id !== id && d.id > input.seenUpTo && d.id < id);
    if (rival) {
        await postStatus(octokit, repo, id, 'failure', `Yielded to deployment #${rival.id}`, links);
        throw new PromotionError(`Another promotion of ${JSON.stringify(record.environment)} started at the same time (deployment #${rival.id} of ` +
            `${JSON.stringify(rival.version)}) and goes first; this one stopped before going live (deployment #${id} is marked failure). ` +
            `Run this promotion again when that one has finished. Read more: ${ACTIONS_DOCS}#promote-concurrency`);
    }
    await postStatus(octokit, repo, id, 'success', `${record.version} live at ${record.percent}%`, {
        ...links,
        auto_inactive: true,
    });
    // GitHub's auto_inactive leaves production environments alone: replaced deployments are marked here.
    const replaced = current.filter((d) => d.id !== id && d.state === 'success').map((d) => d.id);
    for (const old of replaced) {
        await postStatus(octokit, repo, old, 'inactive', `Replaced by deployment #${id}`, {});
    }
    return { id, replaced };
}
/** Marks a deployment failed: the act stopped after creating it. */
async function failPromotion(octokit, repo, id, reason) {
    await postStatus(octokit, repo, id, 'failure', reason.slice(0, 140), {});
}
/** The deployment this run created earlier for the same commit and step (a re-run), if any. */
async function findOwnDeployment(input) {
    if (input.runId === undefined)
        return undefined;
    const { record } = input;
    const { data } = await callGitHubApi(promotion_deploy_LIST, () => input.octokit.rest.repos.listDeployments({
        ...input.repo,
        environment: record.environment,
        sha: record.commit,
        per_page: 100,
    }));
    const own = data.find((d) => {
        const recorded = (0,src/* readEvidencePayload */.MG)(d.payload);
        return recorded.runId === input.runId && (recorded.percent ?? 100) === record.percent;
    });
    return own?.id;
}
async function createDeployment(input) {
    const { record } = input;
    const { data } = await callGitHubApi(promotion_deploy_CREATE, () => input.octokit.rest.repos.createDeployment({
        ...input.repo,
        ref: record.commit,
        environment: record.environment,
        // The promote check is the gate; the commit's own checks include this very run, still in progress.
        required_contexts: [],
        auto_merge: false,
        payload: { [src/* EVIDENCE_PAYLOAD_KEY */.DP]: { ...record } },
        description: `${record.rollback ? 'Rollback to' : 'Promote'} ${record.version} (${record.percent}%)`.slice(0, 140),
        production_environment: input.production,
        transient_environment: false,
    }));
    if (!('id' in data)) {
        // 202: GitHub merged the default branch instead of deploying (auto_merge is off, so this is unexpected).
        throw new PromotionError(`GitHub did not create the deployment of ${record.commit}: ${JSON.stringify(data.message ?? '')}. Read more: ${ACTIONS_DOCS}#promote-action`);
    }
    return data.id;
}
async function postStatus(octokit, repo, id, state, description, extra) {
    await callGitHubApi(STATUS, () => octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: id,
        state,
        description: description.slice(0, 140),
        ...extra,
    }));
}

;// CONCATENATED MODULE: ../github/src/promotion-report.ts
/**
 * What a promotion shows people: the job summary's pipeline picture (a
 * mermaid flowchart, the environment promoted to highlighted), the table of
 * environments, and the evidence record as Markdown and JSON. Untrusted
 * text (versions, logins, messages) is escaped; environment names come from
 * the policy, whose schema allows only letters, digits, `.`, `_` and `-`. Pure.
 */


const MARK = { done: '✔', current: '⏳', failed: '✖', none: '' };
function describeStage(environment, deployments, record, outcome) {
    if (environment === record.environment) {
        return outcome === 'live' ? 'done' : outcome === 'failed' ? 'failed' : 'current';
    }
    return (0,src/* findSucceededDeployment */.S2)(deployments, environment, record.commit) ? 'done' : 'none';
}
/** A mermaid flowchart of the pipeline: `dev ✔ → test ✔ → staging ⏳ → production`. */
function renderPipelineDiagram(policy, deployments, record, outcome) {
    const names = policy.environments.map((e) => e.name);
    const nodes = names.map((name, i) => {
        const mark = MARK[describeStage(name, deployments, record, outcome)];
        const percent = name === record.environment && record.percent < 100 ? ` ${record.percent}%` : '';
        return `e${i}["${name}${percent}${mark ? ` ${mark}` : ''}"]`;
    });
    const current = names.indexOf(record.environment);
    return [
        '```mermaid',
        'flowchart LR',
        `  ${nodes.join(' --> ')}`,
        '  classDef current stroke-width:4px,stroke:#d4a72c',
        ...(current >= 0 ? [`  class e${current} current`] : []),
        '```',
    ].join('\n');
}
/** The environments table: this commit's state in each, and what is live where it is known. */
function renderEnvironmentsTable(policy, deployments, record) {
    const rows = policy.environments.map((e) => {
        const ofCommit = (0,src/* findSucceededDeployment */.S2)(deployments, e.name, record.commit);
        const live = (0,src/* findLiveDeployment */.jc)(deployments, e.name);
        return [
            e.name,
            ofCommit ? `✔ since ${ofCommit.succeededAt ?? ''}` : '',
            live ? escapeMarkdownCell(live.version) : '',
            live?.succeededAt ?? '',
            escapeMarkdownCell((live?.approvers ?? []).join(', ')),
        ];
    });
    return [
        `| environment | ${escapeMarkdownCell(record.commit.slice(0, 12))} | live version | live since | approvers |`,
        '| --- | --- | --- | --- | --- |',
        ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ].join('\n');
}
/** The evidence record for people: a table of what was decided, then the record itself as JSON. */
function renderEvidenceMarkdown(record) {
    const cell = (text) => escapeMarkdownCell(text);
    const approvals = record.approvals
        .map((a) => `${cell(a.login)} (${cell(a.environment)}, ${cell(a.at)})`)
        .join('<br>') || 'none';
    const rows = [
        ['environment', cell(record.environment)],
        ['version', cell(record.version)],
        ['commit', cell(record.commit)],
        [
            'artifact',
            record.artifact ? `${cell(record.artifact.name)} ${cell(record.artifact.digest)}` : 'none',
        ],
        ['percent', `${record.percent}%`],
        ['rollback', record.rollback ? 'yes' : 'no'],
        ['emergency', record.emergency !== undefined ? cell(record.emergency) : 'no'],
        [
            'previous version',
            record.previousVersion !== undefined ? cell(record.previousVersion) : 'none',
        ],
        ['approvals', approvals],
        ['window', cell(record.window)],
        ['checks passed', record.checks.passed.join(', ') || 'none'],
        [
            'findings',
            record.checks.findings.map((f) => `${f.rule} (${f.severity})`).join(', ') || 'none',
        ],
        ['at', cell(record.at)],
    ];
    const json = JSON.stringify(record, null, 2);
    const fence = '`'.repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return [
        '| evidence | |',
        '| --- | --- |',
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        '',
        `${fence}json`,
        json,
        fence,
    ].join('\n');
}

;// CONCATENATED MODULE: ../github/src/promotion-evidence.ts

const GET_RELEASE = 'GET /repos/{owner}/{repo}/releases/tags/{tag}';
/** The file names of a promotion's evidence, e.g. `promotion-production-1.4.0.json`. */
function nameEvidenceFiles(record) {
    const base = `promotion-${record.environment}-${record.version}-${record.percent}`.replace(/[^0-9A-Za-z._-]/g, '-');
    return { json: `${base}.json`, markdown: `${base}.md`, artifact: base };
}
/**
 * The digest of the `artifact` input's artifact, uploaded earlier in the run.
 *
 * @throws EvidenceStoreError (from the store) when the run has no artifact of that name
 */
async function readPromotionArtifact(name, store) {
    const found = await store.readArtifactDigest(name);
    return { name: found.name, digest: found.digest };
}
/** The id of the release of `tag`; undefined when the version has no (published) release. */
async function findReleaseId(octokit, repo, tag) {
    try {
        const { data } = await callGitHubApi(GET_RELEASE, () => octokit.rest.repos.getReleaseByTag({ ...repo, tag }));
        return data.id;
    }
    catch (error) {
        // 404: the version has no published release to attach the record to; the artifact holds it.
        if (error instanceof GitHubApiError && error.status === 404)
            return undefined;
        throw error;
    }
}
/**
 * Uploads the evidence as a workflow artifact and, when `releaseTag` is
 * given (a production promotion of a released version), attaches it to the
 * tag's release. The store is passed in by the promote action from
 * `@release-policy/github/evidence`, so only that bundle carries the artifact client.
 */
async function storePromotionEvidence(input, store) {
    const names = nameEvidenceFiles(input.record);
    const json = `${JSON.stringify(input.record, null, 2)}\n`;
    const uploaded = await store.uploadEvidenceArtifact({
        name: names.artifact,
        files: [
            { name: names.json, content: json },
            { name: names.markdown, content: input.markdown },
        ],
    });
    const releaseId = input.releaseTag
        ? await findReleaseId(input.octokit, input.repo, input.releaseTag)
        : undefined;
    if (releaseId === undefined)
        return { artifactId: uploaded.id };
    const asset = await store.attachReleaseAsset(input.octokit, {
        ...input.repo,
        releaseId,
        name: names.json,
        contentType: 'application/json',
        data: json,
    });
    return { artifactId: uploaded.id, assetUrl: asset.url };
}

;// CONCATENATED MODULE: ../github/src/index.ts
// The public API of @release-policy/github: what the actions, the CLI, the
// tests and the benchmarks use. Everything else is internal.
// The shared action flow (check → act → record)

// The run and its facts


// The API client and its errors




// Reading a policy file from disk: regular files inside the repository only

// Publishing release notes as the GitHub Release of a tag

// The configuration audit: its facts, the status report and the status issue






// Where an action works in the workspace









/***/ })

};
