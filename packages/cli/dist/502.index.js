export const id = 502;
export const ids = [502];
export const modules = {

/***/ 9502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInitCommand: () => (/* binding */ runInitCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../core/src/index.ts + 112 modules
var src = __webpack_require__(4815);
// EXTERNAL MODULE: ./src/io.ts
var src_io = __webpack_require__(1168);
// EXTERNAL MODULE: ./src/policy.ts
var policy = __webpack_require__(7838);
;// CONCATENATED MODULE: ./src/commands/init-settings.ts
/**
 * The GitHub settings a repository needs before the policy is enforced, as
 * `release-policy init` prints them: what to set in the repository's
 * settings, and the `gh api` command that sets it. A policy file is only
 * worth what GitHub enforces (docs/actions.md#reusable-workflow).
 */

/**
 * The environments of a policy as `init` sets them up: the GitHub
 * environments and approval gates it prints, the promote starter's choices
 * and approvals map, the continuous starter's environment. One source, so the
 * settings, the starters and the promote action's count never disagree.
 */
function listInitEnvironments(policy) {
    return policy.environments.map((environment) => ({
        name: environment.name,
        approvals: environment.approvals.required,
        ...(environment.automatic ? { automatic: true } : {}),
    }));
}
/** The check a protected line requires: the starter's caller job / the reusable workflow's job. */
const REQUIRED_CHECK = 'release-policy / release policy';
function describeEnvironment(environment, gate, mainline) {
    if (gate)
        return `approval gate of ${environment.name}: the same required reviewers, self-review prevented`;
    if (environment.approvals === 0)
        return environment.automatic
            ? `the automatic environment: no reviewers, deployments from ${mainline} only`
            : `no reviewers; deployments from ${mainline}, release branches and release tags only`;
    return `${environment.approvals} distinct approvals: required reviewers here and in each approval gate, self-review prevented`;
}
function listEnvironmentSettings(environment, mainline) {
    const names = [environment.name, ...(0,src/* listApprovalGates */.qj)(environment.name, environment.approvals)];
    return names.flatMap((name, index) => {
        const reviewed = environment.approvals > 0;
        const body = {
            deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
            ...(reviewed
                ? { prevent_self_review: true, reviewers: [{ type: 'Team', id: '$TEAM_ID' }] }
                : {}),
        };
        const refs = environment.automatic
            ? [{ name: mainline, type: 'branch' }]
            : [
                { name: mainline, type: 'branch' },
                { name: 'release/*', type: 'branch' },
                { name: 'v*', type: 'tag' },
            ];
        return [
            {
                what: `environment ${name}: ${describeEnvironment(environment, index > 0, mainline)}`,
                operationId: 'repos/create-or-update-environment',
                method: 'PUT',
                path: `repos/{owner}/{repo}/environments/${encodeURIComponent(name)}`,
                body,
            },
            ...refs.map((ref) => ({
                what: `environment ${name}: deployments from ${ref.type} ${ref.name}`,
                operationId: 'repos/create-deployment-branch-policy',
                method: 'POST',
                path: `repos/{owner}/{repo}/environments/${encodeURIComponent(name)}/deployment-branch-policies`,
                body: ref,
            })),
        ];
    });
}
/** The rulesets: the mainline and release lines take changes only through checked pull requests; release tags never move. */
function listRulesets() {
    return [
        {
            what: `ruleset "release-policy lines": main, release/** and *.x only through pull requests that passed "${REQUIRED_CHECK}"; no force push, no deletion`,
            operationId: 'repos/create-repo-ruleset',
            method: 'POST',
            path: 'repos/{owner}/{repo}/rulesets',
            body: {
                name: 'release-policy lines',
                target: 'branch',
                enforcement: 'active',
                conditions: {
                    ref_name: {
                        include: ['~DEFAULT_BRANCH', 'refs/heads/release/**', 'refs/heads/*.x'],
                        exclude: [],
                    },
                },
                rules: [
                    { type: 'deletion' },
                    { type: 'non_fast_forward' },
                    {
                        type: 'pull_request',
                        parameters: {
                            required_approving_review_count: 1,
                            dismiss_stale_reviews_on_push: true,
                            require_code_owner_review: false,
                            require_last_push_approval: true,
                            required_review_thread_resolution: false,
                        },
                    },
                    {
                        type: 'required_status_checks',
                        parameters: {
                            strict_required_status_checks_policy: true,
                            required_status_checks: [{ context: REQUIRED_CHECK }],
                        },
                    },
                ],
            },
        },
        {
            what: 'ruleset "release tags": tags v* cannot be moved or deleted',
            operationId: 'repos/create-repo-ruleset',
            method: 'POST',
            path: 'repos/{owner}/{repo}/rulesets',
            body: {
                name: 'release tags',
                target: 'tag',
                enforcement: 'active',
                conditions: { ref_name: { include: ['refs/tags/v*'], exclude: [] } },
                rules: [{ type: 'deletion' }, { type: 'non_fast_forward' }, { type: 'update' }],
            },
        },
    ];
}
/** Every setting `init` prints for the policy, in the order to make them. */
function listGitHubSettings(policy) {
    return [
        ...listInitEnvironments(policy).flatMap((environment) => listEnvironmentSettings(environment, policy.mainline)),
        ...listRulesets(),
    ];
}
/**
 * One `gh api` command for a setting. The body goes on standard input as
 * JSON in a heredoc whose one expansion is `$TEAM_ID` (the reviewers' team):
 * every other `$`, backquote and backslash is escaped, so a mainline or an
 * environment name from the policy is data, never run; the path is quoted.
 */
function renderGhApiCommand(setting) {
    const json = JSON.stringify(setting.body)
        .replace(/[\\$`]/g, (char) => `\\${char}`)
        .replace(/"\\\$TEAM_ID"/g, '$TEAM_ID');
    return `gh api -X ${setting.method} ${(0,src/* quoteShellArgument */.qK)(setting.path)} --input - <<JSON\n${json}\nJSON`;
}
/**
 * The settings as a shell script to read or run: each setting's description
 * as a comment, then its command; first how to get the reviewers' team id.
 */
function renderGitHubSettings(settings) {
    return [
        '# Then make GitHub enforce the policy: in the Settings of the repository, or by',
        '# running these gh api commands inside the repository as an admin. Reviewers are',
        '# one team, by id (see docs/cli.md#init for what each setting protects):',
        'TEAM_ID=$(gh api orgs/YOUR-ORG/teams/YOUR-TEAM --jq .id)',
        ...settings.flatMap((setting, index) => [
            '',
            `# ${index + 1}. ${(0,src/* escapeInvisible */.ts)(setting.what, { singleLine: true })}`,
            renderGhApiCommand(setting),
        ]),
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/commands/init-starters.ts
/**
 * The starters `init` writes name the policy's environments: the promote
 * starter's choice list and approvals map, the continuous starter's
 * automatic environment. The templates in `workflows-templates/` are written
 * for the default policy; for another policy the few lines that name
 * environments are rewritten here, so a team's starters, its GitHub settings
 * and the promote action's approval count come from one list.
 */

const PROMOTE_STARTER = '.github/workflows/starter-promote.yml';
const PROMOTE_WORKFLOW = '.github/workflows/promote.yml';
const CONTINUOUS_STARTER = '.github/workflows/starter-continuous.yml';
const CONTINUOUS_WORKFLOW = '.github/workflows/continuous.yml';
/** A template line that names environments was not found: the template changed without this module. */
class StarterTemplateError extends src/* ReleasePolicyError */.CP {
}
/** A YAML flow-sequence item: plain when it is a simple word, else a JSON (double-quoted YAML) string. */
function renderYamlItem(name) {
    return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}
/**
 * A JSON object literal inside a single-quoted expression string: quotes are
 * doubled (the expression syntax's escape), braces inside names are written
 * as JSON escapes so no `}}` can end the expression early.
 */
function renderApprovalsMap(environments) {
    const entries = environments.map(({ name, approvals }) => `${JSON.stringify(name).replace(/[{}]/g, (brace) => (brace === '{' ? '\\u007b' : '\\u007d'))}:${approvals}`);
    return `{${entries.join(',')}}`.replace(/'/g, "''");
}
/** Replaces the one line matching `pattern` in `text`, or throws (the template changed). */
function replaceLine(text, path, pattern, line) {
    const lines = text.split('\n');
    const index = lines.findIndex((candidate) => pattern.test(candidate));
    if (index < 0)
        throw new StarterTemplateError(`${path}: no line matches ${String(pattern)}`);
    lines[index] = line;
    return lines.join('\n');
}
function adaptPromoteStarter(text, environments) {
    const options = `        options: [${environments.map((e) => renderYamlItem(e.name)).join(', ')}]`;
    const approvals = `      approvals: \${{ fromJSON('${renderApprovalsMap(environments)}')[inputs.environment] }}`;
    const withOptions = replaceLine(text, PROMOTE_STARTER, /^ {8}options: \[/, options);
    return replaceLine(withOptions, PROMOTE_STARTER, /^ {6}approvals: \$\{\{ fromJSON\(/, approvals);
}
function adaptContinuousStarter(text, automatic) {
    const item = renderYamlItem(automatic);
    const withEnvironment = replaceLine(text, CONTINUOUS_STARTER, /^ {6}environment: /, `      environment: ${item}`);
    return replaceLine(withEnvironment, CONTINUOUS_STARTER, /^# delivered to the automatic environment of your policy/, `# delivered to the automatic environment of your policy (here: ${item}; set`);
}
/**
 * The workflows `init` writes, their environments those of the policy. A
 * policy without environments gets no promote workflows; one without an
 * `automatic` environment no continuous workflows (each skipped with its
 * reason). The first automatic environment is the continuous one.
 */
function adaptWorkflowsToEnvironments(workflows, environments) {
    const automatic = environments.find((environment) => environment.automatic)?.name;
    const files = [];
    const skipped = [];
    for (const file of workflows) {
        if (file.path === PROMOTE_STARTER || file.path === PROMOTE_WORKFLOW) {
            if (environments.length === 0) {
                skipped.push({ path: file.path, reason: 'the policy lists no environments' });
                continue;
            }
            if (file.path === PROMOTE_STARTER) {
                files.push({ path: file.path, text: adaptPromoteStarter(file.text, environments) });
                continue;
            }
        }
        if (file.path === CONTINUOUS_STARTER || file.path === CONTINUOUS_WORKFLOW) {
            if (automatic === undefined) {
                skipped.push({
                    path: file.path,
                    reason: 'no environment of the policy is automatic: true',
                });
                continue;
            }
            if (file.path === CONTINUOUS_STARTER) {
                files.push({ path: file.path, text: adaptContinuousStarter(file.text, automatic) });
                continue;
            }
        }
        files.push(file);
    }
    return { files, skipped };
}

;// CONCATENATED MODULE: ./src/commands/init-workflows.ts
/**
 * The workflows `release-policy init` writes into `.github/workflows/`: the
 * reusable workflows and their starters, copied from `workflows-templates/`
 * (the CLI is one bundled file, so they travel inside it). Generated:
 * `UPDATE_WORKFLOWS=1 npx jest packages/cli/src/commands/init-workflows.test.ts`
 * rewrites it, and that test fails when a template changed without it.
 */
/** The workflow templates and starters, by their path in the repository `init` sets up. */
const INIT_WORKFLOWS = [
    {
        path: '.github/workflows/continuous.yml',
        text: "# Reusable workflow: continuous delivery to the policy's automatic environment\n# (the customer test environment of the procedure). Every change merged into\n# mainline is promoted there without approvals; the promote action still\n# checks that the environment is automatic in the policy.\n#\n# Copy this file to .github/workflows/continuous.yml and call it from another\n# workflow (see starter-continuous.yml):\n#   jobs:\n#     continuous:\n#       uses: ./.github/workflows/continuous.yml\n#       with:\n#         environment: test\n#\n# Reference: docs/actions.md#reusable-workflow\nname: continuous\n\non:\n  workflow_call:\n    inputs:\n      environment:\n        description: The policy's automatic environment (automatic true).\n        type: string\n        required: true\n      artifact:\n        description: The name of an artifact uploaded earlier in the run whose digest is recorded. Empty none.\n        type: string\n        required: false\n        default: ''\n      policy:\n        description: Repository-relative path of the policy file. A missing file means the embedded default policy.\n        type: string\n        required: false\n        default: .github/release-policy.yml\n    outputs:\n      deployment-id:\n        description: The id of the GitHub Deployment created.\n        value: ${{ jobs.promote.outputs.deployment-id }}\n      url:\n        description: The environment URL of the deployment.\n        value: ${{ jobs.promote.outputs.url }}\n\n# Nothing beyond reading the code at the top; the job asks for what it needs.\npermissions:\n  contents: read\n\njobs:\n  promote:\n    name: deliver to ${{ inputs.environment }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    # Shares its group with promote.yml: a manual promotion and a push never deploy at once.\n    concurrency:\n      group: release-policy-promote-${{ inputs.environment }}\n      cancel-in-progress: false\n    environment:\n      name: ${{ inputs.environment }}\n      url: ${{ steps.promote.outputs.url }}\n    permissions:\n      contents: read\n      deployments: write\n      actions: read\n    outputs:\n      deployment-id: ${{ steps.promote.outputs.deployment-id }}\n      url: ${{ steps.promote.outputs.url }}\n    steps:\n      - name: Check out the full history and tags\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the commit's place in the history\n          persist-credentials: false\n\n      - name: Promote the pushed commit\n        id: promote\n        uses: release-policy/release-policy/actions/promote@v1\n        with:\n          environment: ${{ inputs.environment }}\n          ref: ${{ github.sha }}\n          artifact: ${{ inputs.artifact }}\n          policy: ${{ inputs.policy }}\n",
    },
    {
        path: '.github/workflows/patch-audit.yml',
        text: "# Reusable workflow: the periodic configuration audit. It checks that every\n# patch of the maintenance lines is in mainline, audits the repository's\n# GitHub settings against the policy (environments and their reviewers,\n# branch and tag protection, the workflows that run our actions), and\n# updates the one status issue that says where every release stands.\n#\n# Copy this file to .github/workflows/patch-audit.yml and call it from another\n# workflow (see starter-patch-audit.yml):\n#   jobs:\n#     patch-audit:\n#       uses: ./.github/workflows/patch-audit.yml\n#\n# Reference: docs/actions.md#reusable-workflow\nname: patch-audit\n\non:\n  workflow_call:\n    inputs:\n      policy:\n        description: Repository-relative path of the policy file. A missing file means the embedded default policy.\n        type: string\n        required: false\n        default: .github/release-policy.yml\n      lines:\n        description: >-\n          The maintenance lines to check, comma-separated (e.g. 3.5.x). Empty:\n          every branch of the kinds the policy lists under patches.kinds.\n        type: string\n        required: false\n        default: ''\n      open-forward-ports:\n        description: >-\n          Open one pull request per maintenance line with missing patches, into\n          mainline, that cherry-picks them with -x (job forward-ports). Needs\n          the secret forward-port-token.\n        type: boolean\n        required: false\n        default: false\n    secrets:\n      forward-port-token:\n        description: >-\n          A fine-grained personal access token for open-forward-ports,\n          limited to this repository, with Contents and Pull requests\n          read and write: it pushes the forward-port branches and opens their\n          pull requests. Not a GitHub App installation token, which expires\n          after an hour. The job's own token stays read-only, and pushes made\n          with it would start no workflow, so the pull requests' checks would\n          not run.\n        required: false\n      audit-token:\n        description: >-\n          A read-only token that may read the repository's administration\n          settings (branch protection, rulesets, environments), e.g. a GitHub\n          App installation token. Without it the audit uses the job's token and\n          says which settings it could not read.\n        required: false\n    outputs:\n      patches-ok:\n        description: \"'true' when every patch of the maintenance lines is in mainline.\"\n        value: ${{ jobs.patches.outputs.ok }}\n      patches-missing-count:\n        description: How many patches of the maintenance lines are not in mainline.\n        value: ${{ jobs.patches.outputs.missing-count }}\n      forward-ports:\n        description: >-\n          The forward-port pull requests opened or updated, as JSON (see the\n          patch-merge action's forward-ports output); empty without\n          open-forward-ports.\n        value: ${{ jobs.forward-ports.outputs.forward-ports }}\n\n# Nothing beyond reading the code at the top; each job asks for what it needs.\npermissions:\n  contents: read\n\njobs:\n  patches:\n    name: patches in mainline\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    permissions:\n      contents: read\n    outputs:\n      ok: ${{ steps.patch-merge.outputs.ok }}\n      missing-count: ${{ steps.patch-merge.outputs.missing-count }}\n    steps:\n      - name: Check out every branch and tag\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # every maintenance line and mainline, with their histories\n          persist-credentials: false\n\n      - name: Patches of the maintenance lines in mainline\n        id: patch-merge\n        uses: release-policy/release-policy/actions/patch-merge@v1\n        with:\n          policy: ${{ inputs.policy }}\n          lines: ${{ inputs.lines }}\n          comment: 'false'\n\n  forward-ports:\n    name: forward ports of missing patches\n    needs: patches\n    if: ${{ !cancelled() && inputs.open-forward-ports && needs.patches.outputs.missing-count != '0' && needs.patches.outputs.missing-count != '' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    # One writer of the forward-port branches at a time: each run continues them.\n    concurrency:\n      group: release-policy-forward-ports\n      cancel-in-progress: false\n    # The job's token only reads: the branches and pull requests are written\n    # with the forward-port-token secret. This job is red whenever it runs:\n    # patch-merge fails its step while patches are missing, which is when the\n    # job runs, also after it opened the pull requests. The forward-ports\n    # output and the pull requests say what it did.\n    permissions:\n      contents: read\n    outputs:\n      forward-ports: ${{ steps.patch-merge.outputs.forward-ports }}\n    steps:\n      - name: Require the forward-port token\n        env:\n          FORWARD_PORT_TOKEN_SET: ${{ secrets.forward-port-token != '' }}\n        run: |\n          if [ \"$FORWARD_PORT_TOKEN_SET\" != 'true' ]; then\n            echo '::error::open-forward-ports needs the secret forward-port-token: a fine-grained personal access token with Contents and Pull requests read and write. See docs/actions.md#forward-ports'\n            exit 1\n          fi\n\n      - name: Check out every branch and tag, able to push\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # every maintenance line and mainline, with their histories\n          # patch-merge pushes the forward-port branches with these credentials.\n          token: ${{ secrets.forward-port-token }}\n          persist-credentials: true\n\n      - name: Open or update the forward-port pull requests\n        id: patch-merge\n        uses: release-policy/release-policy/actions/patch-merge@v1\n        with:\n          policy: ${{ inputs.policy }}\n          lines: ${{ inputs.lines }}\n          comment: 'false'\n          open-forward-ports: 'true'\n          token: ${{ secrets.forward-port-token }}\n\n  audit:\n    name: configuration audit and status\n    needs: patches\n    if: ${{ !cancelled() }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    # One writer of the status issue at a time: it is updated in place, never duplicated.\n    concurrency:\n      group: release-policy-status\n      cancel-in-progress: false\n    permissions:\n      contents: read\n      issues: write\n      deployments: read\n      actions: read\n      pull-requests: read\n    steps:\n      - name: Check out the policy and every line\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the status carries each maintenance line's missing patches\n          persist-credentials: false\n\n      - name: Settings drift and status report\n        uses: release-policy/release-policy/actions/audit@v1\n        with:\n          policy: ${{ inputs.policy }}\n          token: ${{ secrets.audit-token || github.token }}\n",
    },
    {
        path: '.github/workflows/pr-policy.yml',
        text: "# Reusable workflow: the pull request checks (branch name, version, release\n# documents and change request, and on release pull requests the patches of\n# the maintenance lines) in one job. Formerly release-policy.yml: rename the\n# file and the caller's uses: line.\n#\n# Copy this file to .github/workflows/pr-policy.yml and call it from another\n# workflow (see starter-pr-policy.yml):\n#   jobs:\n#     release-policy:\n#       uses: ./.github/workflows/pr-policy.yml\n#       with:\n#         policy: .github/release-policy.yml\n#\n# Reference: docs/actions.md#reusable-workflow\nname: release-policy\n\non:\n  workflow_call:\n    inputs:\n      policy:\n        description: >-\n          Repository-relative path of the policy file. A missing file means the\n          embedded default policy. On a pull request it is read from the base branch.\n        type: string\n        required: false\n        default: .github/release-policy.yml\n      version:\n        description: >-\n          An extra declared version to check (e.g. 1.4.0), besides the version\n          files, the branch name and a pushed tag. Empty: none.\n        type: string\n        required: false\n        default: ''\n      working-directory:\n        description: >-\n          Directory, relative to the repository root, that the version check runs\n          in; the policy's version files are read relative to it.\n        type: string\n        required: false\n        default: .\n    outputs:\n      ok:\n        description: \"'true' when every check found no error.\"\n        value: ${{ jobs.release-policy.outputs.ok }}\n      branch-name:\n        description: The branch checked, short name; empty when the run is not for a branch.\n        value: ${{ jobs.release-policy.outputs.branch-name }}\n      branch-base:\n        description: The pull request base branch it merges into; empty on a push.\n        value: ${{ jobs.release-policy.outputs.branch-base }}\n      branch-kind:\n        description: The branch kind (feature, fix, release, …), empty when none matched.\n        value: ${{ jobs.release-policy.outputs.branch-kind }}\n      branch-ticket:\n        description: The ticket key in the branch name, e.g. CHG-1234.\n        value: ${{ jobs.release-policy.outputs.branch-ticket }}\n      branch-version:\n        description: The version in the branch name (hotfix/1.4.3 gives 1.4.3).\n        value: ${{ jobs.release-policy.outputs.branch-version }}\n      branch-ok:\n        description: \"'true' when the branch-name check found no error.\"\n        value: ${{ jobs.release-policy.outputs.branch-ok }}\n      branch-findings:\n        description: The branch-name check's findings as a JSON array.\n        value: ${{ jobs.release-policy.outputs.branch-findings }}\n      version:\n        description: The declared version, without the tag prefix.\n        value: ${{ jobs.release-policy.outputs.version }}\n      previous:\n        description: The previous release on the same line.\n        value: ${{ jobs.release-policy.outputs.previous }}\n      bump:\n        description: The step from the previous release to the declared version.\n        value: ${{ jobs.release-policy.outputs.bump }}\n      recommended:\n        description: The version the commits since the previous release call for.\n        value: ${{ jobs.release-policy.outputs.recommended }}\n      prerelease:\n        description: \"'true' when the declared version is a pre-release.\"\n        value: ${{ jobs.release-policy.outputs.prerelease }}\n      tag:\n        description: The tag the release will have, prefix included (e.g. v1.4.0).\n        value: ${{ jobs.release-policy.outputs.tag }}\n      version-ok:\n        description: \"'true' when the version check found no error.\"\n        value: ${{ jobs.release-policy.outputs.version-ok }}\n      release-type:\n        description: The release type whose documents were checked; empty when the run does not release.\n        value: ${{ jobs.release-policy.outputs.release-type }}\n      docs-missing:\n        description: How many required documents or sections are missing, empty or placeholder text.\n        value: ${{ jobs.release-policy.outputs.docs-missing }}\n      docs-ok:\n        description: \"'true' when the docs-gate check found no error.\"\n        value: ${{ jobs.release-policy.outputs.docs-ok }}\n      docs-findings:\n        description: The docs-gate check's findings as a JSON array.\n        value: ${{ jobs.release-policy.outputs.docs-findings }}\n      version-findings:\n        description: The version check's findings as a JSON array.\n        value: ${{ jobs.release-policy.outputs.version-findings }}\n      patches-missing-count:\n        description: How many patches of the maintenance lines are not in mainline; empty when not a release.\n        value: ${{ jobs.release-policy.outputs.patches-missing-count }}\n      patches-report:\n        description: Path of the patch-merge JSON report; empty when not a release.\n        value: ${{ jobs.release-policy.outputs.patches-report }}\n      patches-ok:\n        description: \"'true' when the patch-merge check found no error or did not run (not a release).\"\n        value: ${{ jobs.release-policy.outputs.patches-ok }}\n      patches-findings:\n        description: The patch-merge check's findings as a JSON array.\n        value: ${{ jobs.release-policy.outputs.patches-findings }}\n      patches-forward-ports:\n        description: >-\n          Always empty here: this workflow opens no forward-port pull requests\n          (patch-audit.yml does, with open-forward-ports).\n        value: ${{ jobs.release-policy.outputs.patches-forward-ports }}\n\n# Nothing beyond reading the code at the top; the job asks for what it needs.\npermissions:\n  contents: read\n\njobs:\n  release-policy:\n    name: release policy\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    # Read the policy and the code, write the one sticky comment per check.\n    permissions:\n      contents: read\n      pull-requests: write\n    outputs:\n      ok: ${{ steps.branch-name.outputs.ok == 'true' && steps.version.outputs.ok == 'true' && steps.docs-gate.outputs.ok == 'true' && steps.patch-merge.outputs.ok != 'false' }}\n      branch-name: ${{ steps.branch-name.outputs.name }}\n      branch-base: ${{ steps.branch-name.outputs.base }}\n      branch-kind: ${{ steps.branch-name.outputs.kind }}\n      branch-ticket: ${{ steps.branch-name.outputs.ticket }}\n      branch-version: ${{ steps.branch-name.outputs.version }}\n      branch-ok: ${{ steps.branch-name.outputs.ok }}\n      branch-findings: ${{ steps.branch-name.outputs.findings }}\n      version: ${{ steps.version.outputs.version }}\n      previous: ${{ steps.version.outputs.previous }}\n      bump: ${{ steps.version.outputs.bump }}\n      recommended: ${{ steps.version.outputs.recommended }}\n      prerelease: ${{ steps.version.outputs.prerelease }}\n      tag: ${{ steps.version.outputs.tag }}\n      version-ok: ${{ steps.version.outputs.ok }}\n      version-findings: ${{ steps.version.outputs.findings }}\n      release-type: ${{ steps.docs-gate.outputs.release-type }}\n      docs-missing: ${{ steps.docs-gate.outputs.missing }}\n      docs-ok: ${{ steps.docs-gate.outputs.ok }}\n      docs-findings: ${{ steps.docs-gate.outputs.findings }}\n      patches-missing-count: ${{ steps.patch-merge.outputs.missing-count }}\n      patches-report: ${{ steps.patch-merge.outputs.report }}\n      patches-ok: ${{ steps.patch-merge.outputs.ok != 'false' }}\n      patches-findings: ${{ steps.patch-merge.outputs.findings }}\n      patches-forward-ports: ${{ steps.patch-merge.outputs.forward-ports }}\n    steps:\n      - name: Check out the full history and tags\n        id: checkout\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the version check needs every tag and the commits since the last release\n          persist-credentials: false\n\n      - name: Branch name\n        id: branch-name\n        uses: release-policy/release-policy/actions/branch-name@v1\n        with:\n          policy: ${{ inputs.policy }}\n\n      # Runs even when a check before it failed, so one run reports every check.\n      - name: Release documents and change request\n        id: docs-gate\n        if: ${{ !cancelled() && steps.checkout.outcome == 'success' }}\n        uses: release-policy/release-policy/actions/docs-gate@v1\n        with:\n          policy: ${{ inputs.policy }}\n          version: ${{ inputs.version }}\n\n      # Releases only: a release branch, a tag push or a scheduled run.\n      - name: Patches of the maintenance lines in mainline\n        id: patch-merge\n        if: ${{ !cancelled() && steps.checkout.outcome == 'success' && (steps.branch-name.outputs.kind == 'release' || github.ref_type == 'tag' || github.event_name == 'schedule') }}\n        uses: release-policy/release-policy/actions/patch-merge@v1\n        with:\n          policy: ${{ inputs.policy }}\n\n      # Runs even when the branch name failed, so one run reports both checks.\n      - name: Version\n        id: version\n        if: ${{ !cancelled() && steps.checkout.outcome == 'success' }}\n        uses: release-policy/release-policy/actions/version@v1\n        with:\n          policy: ${{ inputs.policy }}\n          version: ${{ inputs.version }}\n          working-directory: ${{ inputs.working-directory }}\n",
    },
    {
        path: '.github/workflows/promote.yml',
        text: "# Reusable workflow: promote a version to one environment. Reviewers approve\n# in GitHub's own screen: GitHub lets a job go on after one approval, so each\n# further approval the policy asks for is one gate job bound to its own\n# environment (production-approval-2, production-approval-3, …), each with the\n# same required reviewers. Then one job bound to the environment itself runs\n# the promote action, which counts the distinct approvals of the whole run and\n# checks order, soak time, change windows and freezes before it deploys.\n# `release-policy init` prints the settings and gh api commands that create\n# the environments.\n#\n# Copy this file to .github/workflows/promote.yml and call it from another\n# workflow (see starter-promote.yml):\n#   jobs:\n#     promote:\n#       uses: ./.github/workflows/promote.yml\n#       with:\n#         environment: production\n#         version: 1.4.0\n#         approvals: 2\n#\n# Reference: docs/actions.md#reusable-workflow\nname: promote\n\non:\n  workflow_call:\n    inputs:\n      environment:\n        description: The environment to promote to, as the policy's environments list names it.\n        type: string\n        required: true\n      version:\n        description: The version to promote (e.g. 1.4.0). Empty with ref set, or with rollback.\n        type: string\n        required: false\n        default: ''\n      ref:\n        description: A commit or ref to promote instead of a version. Empty with version set.\n        type: string\n        required: false\n        default: ''\n      approvals:\n        description: >-\n          How many distinct people approve: the policy's approvals.required for\n          the environment. 1 or less needs no gate job; each one above 1 waits\n          in the environment <environment>-approval-<n>.\n        type: number\n        required: false\n        default: 1\n      artifact:\n        description: The name of an artifact uploaded earlier in the run whose digest is recorded and compared. Empty none.\n        type: string\n        required: false\n        default: ''\n      step:\n        description: The canary step in percent (e.g. 5, 25, 100). Empty the policy's first step, or 100.\n        type: string\n        required: false\n        default: ''\n      rollback:\n        description: Promote the environment's previous successful version again.\n        type: boolean\n        required: false\n        default: false\n      emergency:\n        description: The reason for an emergency promotion inside a freeze or outside a change window. Empty none.\n        type: string\n        required: false\n        default: ''\n      policy:\n        description: Repository-relative path of the policy file. A missing file means the embedded default policy.\n        type: string\n        required: false\n        default: .github/release-policy.yml\n    outputs:\n      deployment-id:\n        description: The id of the GitHub Deployment created.\n        value: ${{ jobs.promote.outputs.deployment-id }}\n      previous-version:\n        description: The version the environment held before.\n        value: ${{ jobs.promote.outputs.previous-version }}\n      url:\n        description: The environment URL of the deployment.\n        value: ${{ jobs.promote.outputs.url }}\n      percent:\n        description: The canary percent now live.\n        value: ${{ jobs.promote.outputs.percent }}\n\n# Nothing beyond reading the code at the top; each job asks for what it needs.\npermissions:\n  contents: read\n\njobs:\n  gates:\n    name: approval gates\n    runs-on: ubuntu-latest\n    timeout-minutes: 2\n    permissions: {}\n    outputs:\n      numbers: ${{ steps.gates.outputs.numbers }}\n    steps:\n      # The gate numbers 2..approvals as a JSON array, e.g. [2,3]; [] for one approval.\n      - name: List the gates\n        id: gates\n        env:\n          APPROVALS: ${{ inputs.approvals }}\n        run: |\n          if ! [[ \"$APPROVALS\" =~ ^[0-9]+$ ]] || [ \"$APPROVALS\" -gt 20 ]; then\n            echo \"::error::approvals must be a whole number from 0 to 20\"\n            exit 1\n          fi\n          echo \"numbers=$(seq 2 \"$APPROVALS\" | jq -cs .)\" >> \"$GITHUB_OUTPUT\"\n\n  approval:\n    name: approval ${{ matrix.gate }} for ${{ inputs.environment }}\n    needs: gates\n    if: ${{ needs.gates.outputs.numbers != '[]' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 2\n    permissions: {}\n    strategy:\n      matrix:\n        gate: ${{ fromJSON(needs.gates.outputs.numbers) }}\n    # Each gate waits for its own reviewer; two runs never share a gate.\n    concurrency:\n      group: release-policy-promote-${{ inputs.environment }}-approval-${{ matrix.gate }}\n      cancel-in-progress: false\n    environment: ${{ inputs.environment }}-approval-${{ matrix.gate }}\n    steps:\n      - name: Approved\n        env:\n          GATE: ${{ matrix.gate }}\n          ENVIRONMENT: ${{ inputs.environment }}\n        run: echo \"Approval $GATE for $ENVIRONMENT was given.\"\n\n  promote:\n    name: promote to ${{ inputs.environment }}\n    needs: [gates, approval]\n    if: ${{ !cancelled() && needs.gates.result == 'success' && (needs.approval.result == 'success' || needs.approval.result == 'skipped') }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    # One promotion of an environment at a time; the second waits (never cancels a deployment half done).\n    concurrency:\n      group: release-policy-promote-${{ inputs.environment }}\n      cancel-in-progress: false\n    environment:\n      name: ${{ inputs.environment }}\n      url: ${{ steps.promote.outputs.url }}\n    permissions:\n      contents: write # the evidence record is attached to the production release\n      deployments: write\n      actions: read # the run's approvals\n    outputs:\n      deployment-id: ${{ steps.promote.outputs.deployment-id }}\n      previous-version: ${{ steps.promote.outputs.previous-version }}\n      url: ${{ steps.promote.outputs.url }}\n      percent: ${{ steps.promote.outputs.percent }}\n    steps:\n      - name: Check out the full history and tags\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the version's tag and commit\n          persist-credentials: false\n\n      - name: Promote\n        id: promote\n        uses: release-policy/release-policy/actions/promote@v1\n        with:\n          environment: ${{ inputs.environment }}\n          version: ${{ inputs.version }}\n          ref: ${{ inputs.ref }}\n          artifact: ${{ inputs.artifact }}\n          step: ${{ inputs.step }}\n          rollback: ${{ inputs.rollback }}\n          emergency: ${{ inputs.emergency }}\n          policy: ${{ inputs.policy }}\n",
    },
    {
        path: '.github/workflows/release.yml',
        text: '# Reusable workflow: a release. On a release tag or a merged release pull\n# request it checks the version, the release documents and the patches of the\n# maintenance lines; when they pass it publishes the GitHub Release with its\n# notes, and it always leaves a record of what was checked as an artifact.\n#\n# Copy this file to .github/workflows/release.yml and call it from another\n# workflow (see starter-release.yml):\n#   jobs:\n#     release:\n#       uses: ./.github/workflows/release.yml\n#\n# Reference: docs/actions.md#reusable-workflow\nname: release\n\non:\n  workflow_call:\n    inputs:\n      policy:\n        description: Repository-relative path of the policy file. A missing file means the embedded default policy.\n        type: string\n        required: false\n        default: .github/release-policy.yml\n      version:\n        description: >-\n          The version to release (e.g. 1.4.0). Empty: the pushed tag\'s version,\n          else the version the branch and version files declare.\n        type: string\n        required: false\n        default: \'\'\n      publish:\n        description: Publish the GitHub Release of the version with its notes when every check passed.\n        type: boolean\n        required: false\n        default: true\n    outputs:\n      ok:\n        description: "\'true\' when every release check passed."\n        value: ${{ jobs.check.outputs.ok }}\n      version:\n        description: The version released, without the tag prefix.\n        value: ${{ jobs.check.outputs.version }}\n      tag:\n        description: The release tag, prefix included (e.g. v1.4.0).\n        value: ${{ jobs.check.outputs.tag }}\n      release-url:\n        description: The URL of the GitHub Release; empty when nothing was published.\n        value: ${{ jobs.publish.outputs.url }}\n\n# Nothing beyond reading the code at the top; each job asks for what it needs.\npermissions:\n  contents: read\n\njobs:\n  check:\n    name: release checks\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    permissions:\n      contents: read\n      pull-requests: write\n    outputs:\n      ok: ${{ steps.version.outputs.ok == \'true\' && steps.docs-gate.outputs.ok == \'true\' && steps.patch-merge.outputs.ok == \'true\' }}\n      version: ${{ steps.version.outputs.version }}\n      tag: ${{ steps.version.outputs.tag }}\n      version-findings: ${{ steps.version.outputs.findings }}\n      docs-findings: ${{ steps.docs-gate.outputs.findings }}\n      patches-findings: ${{ steps.patch-merge.outputs.findings }}\n      patches-missing-count: ${{ steps.patch-merge.outputs.missing-count }}\n    steps:\n      - name: Check out the full history and tags\n        id: checkout\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the version and patch checks need every tag and line\n          persist-credentials: false\n\n      - name: Version\n        id: version\n        uses: release-policy/release-policy/actions/version@v1\n        with:\n          policy: ${{ inputs.policy }}\n          version: ${{ inputs.version }}\n\n      # Runs even when the version failed, so one run reports every check.\n      - name: Release documents\n        id: docs-gate\n        if: ${{ !cancelled() && steps.checkout.outcome == \'success\' }}\n        uses: release-policy/release-policy/actions/docs-gate@v1\n        with:\n          policy: ${{ inputs.policy }}\n          version: ${{ steps.version.outputs.version }}\n\n      - name: Patches of the maintenance lines in mainline\n        id: patch-merge\n        if: ${{ !cancelled() && steps.checkout.outcome == \'success\' }}\n        uses: release-policy/release-policy/actions/patch-merge@v1\n        with:\n          policy: ${{ inputs.policy }}\n\n  publish:\n    name: publish the release\n    needs: check\n    if: ${{ inputs.publish && needs.check.outputs.ok == \'true\' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    # One publication per tag at a time: a re-run waits for the run before it.\n    concurrency:\n      group: release-policy-release-${{ needs.check.outputs.tag }}\n      cancel-in-progress: false\n    permissions:\n      contents: write\n      pull-requests: write\n    outputs:\n      url: ${{ steps.changelog.outputs.url }}\n      release-id: ${{ steps.changelog.outputs.release-id }}\n    steps:\n      - name: Check out the full history and tags\n        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          fetch-depth: 0 # the notes cover the commits since the previous release\n          persist-credentials: false\n\n      - name: Release notes and the GitHub Release\n        id: changelog\n        uses: release-policy/release-policy/actions/changelog@v1\n        with:\n          policy: ${{ inputs.policy }}\n          version: ${{ needs.check.outputs.version }}\n          write-changelog: \'false\'\n          publish: \'true\'\n\n  record:\n    name: release record\n    needs: [check, publish]\n    if: ${{ !cancelled() }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    permissions: {}\n    steps:\n      # Every value comes through env: and is written by jq as JSON data.\n      - name: Write the record\n        env:\n          VERSION: ${{ needs.check.outputs.version }}\n          TAG: ${{ needs.check.outputs.tag }}\n          CHECKS_OK: ${{ needs.check.outputs.ok }}\n          VERSION_FINDINGS: ${{ needs.check.outputs.version-findings }}\n          DOCS_FINDINGS: ${{ needs.check.outputs.docs-findings }}\n          PATCHES_FINDINGS: ${{ needs.check.outputs.patches-findings }}\n          PATCHES_MISSING: ${{ needs.check.outputs.patches-missing-count }}\n          PUBLISH_RESULT: ${{ needs.publish.result }}\n          RELEASE_URL: ${{ needs.publish.outputs.url }}\n          COMMIT: ${{ github.sha }}\n          ACTOR: ${{ github.actor }}\n          RUN_URL: ${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}\n        run: |\n          jq -n \\\n            --arg version "$VERSION" --arg tag "$TAG" --arg commit "$COMMIT" \\\n            --arg actor "$ACTOR" --arg run "$RUN_URL" --arg ok "$CHECKS_OK" \\\n            --arg versionFindings "$VERSION_FINDINGS" --arg docsFindings "$DOCS_FINDINGS" \\\n            --arg patchesFindings "$PATCHES_FINDINGS" --arg patchesMissing "$PATCHES_MISSING" \\\n            --arg published "$PUBLISH_RESULT" --arg release "$RELEASE_URL" \\\n            \'{version: $version, tag: $tag, commit: $commit, actor: $actor, run: $run,\n              checksPassed: ($ok == "true"),\n              findings: {\n                version: ($versionFindings | fromjson? // []),\n                documents: ($docsFindings | fromjson? // []),\n                patches: ($patchesFindings | fromjson? // [])\n              },\n              patchesMissing: ($patchesMissing | tonumber? // null),\n              publish: $published, release: $release}\' > "$RUNNER_TEMP/release-record.json"\n          {\n            echo \'### Release record\'\n            echo\n            echo \'```json\'\n            cat "$RUNNER_TEMP/release-record.json"\n            echo \'```\'\n          } >> "$GITHUB_STEP_SUMMARY"\n\n      - name: Keep the record\n        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2\n        with:\n          name: release-record\n          path: ${{ runner.temp }}/release-record.json\n          if-no-files-found: error\n',
    },
    {
        path: '.github/workflows/starter-continuous.yml',
        text: "# Starter: copy this file and continuous.yml (the reusable workflow) into your\n# repository's .github/workflows/ directory. Every push to the mainline is\n# delivered to the automatic environment of your policy (here: test; set\n# automatic: true on it in the policy).\n#\n# Reference: docs/actions.md#reusable-workflow\nname: continuous\n\non:\n  push:\n    branches: [main]\n\npermissions:\n  contents: read\n\njobs:\n  continuous:\n    uses: ./.github/workflows/continuous.yml\n    # The called workflow gets no more than this: deploy and read the run.\n    permissions:\n      contents: read\n      deployments: write\n      actions: read\n    with:\n      environment: test\n      policy: .github/release-policy.yml\n",
    },
    {
        path: '.github/workflows/starter-patch-audit.yml',
        text: "# Starter: copy this file and patch-audit.yml (the reusable workflow) into\n# your repository's .github/workflows/ directory. It runs the configuration\n# audit every weekday morning and on demand. Give it a read-only token that\n# can read the administration settings as the secret RELEASE_POLICY_AUDIT_TOKEN\n# (see docs/actions.md#reusable-workflow); without it the audit says what it\n# could not read.\nname: patch-audit\n\non:\n  schedule:\n    - cron: '17 6 * * 1-5'\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\njobs:\n  patch-audit:\n    uses: ./.github/workflows/patch-audit.yml\n    # The called workflow gets no more than this: read the code, deployments and\n    # runs, and write the one status issue.\n    permissions:\n      contents: read\n      issues: write\n      deployments: read\n      actions: read\n      pull-requests: read\n    with:\n      policy: .github/release-policy.yml\n      # true: open one pull request per line with missing patches that picks\n      # them into mainline; needs the forward-port-token secret below.\n      open-forward-ports: false\n    secrets:\n      audit-token: ${{ secrets.RELEASE_POLICY_AUDIT_TOKEN }}\n      # A fine-grained personal access token for this repository with\n      # Contents and Pull requests read and write (not a GitHub App\n      # installation token: it expires after an hour); see\n      # docs/actions.md#forward-ports.\n      forward-port-token: ${{ secrets.RELEASE_POLICY_FORWARD_PORT_TOKEN }}\n",
    },
    {
        path: '.github/workflows/starter-pr-policy.yml',
        text: "# Starter: copy this file and pr-policy.yml (the reusable workflow) into\n# your repository's .github/workflows/ directory. It checks every pull request\n# and every push to the mainline, the release lines and release tags against\n# .github/release-policy.yml (or the embedded default policy when that file is\n# absent). Adjust the branch and tag filters to your policy's branch kinds.\n#\n# Reference: docs/actions.md\nname: release-policy\n\non:\n  pull_request:\n    # \"edited\" re-runs the merge-direction check when the base branch changes.\n    types: [opened, synchronize, reopened, edited]\n  push:\n    branches: [main, 'release/**', '*.x', 'hotfix/**']\n    tags: ['v*']\n\n# One run per pull request or ref; a newer push to a pull request replaces the\n# older run (its sticky comments are updated in place either way).\nconcurrency:\n  group: release-policy-${{ github.event.pull_request.number || github.ref }}\n  cancel-in-progress: ${{ github.event_name == 'pull_request' }}\n\npermissions:\n  contents: read\n\njobs:\n  release-policy:\n    uses: ./.github/workflows/pr-policy.yml\n    # The called workflow gets no more than this: read the code, write the sticky comments.\n    permissions:\n      contents: read\n      pull-requests: write\n    with:\n      policy: .github/release-policy.yml\n      working-directory: .\n",
    },
    {
        path: '.github/workflows/starter-promote.yml',
        text: '# Starter: copy this file and promote.yml (the reusable workflow) into your\n# repository\'s .github/workflows/ directory. Run it from the Actions tab with\n# the environment and the version. Set approvals per environment to the\n# policy\'s approvals.required (the map below), and create the environments\n# and their approval gates with the commands `release-policy init` prints.\n#\n# Reference: docs/actions.md#reusable-workflow\nname: promote\n\non:\n  workflow_dispatch:\n    inputs:\n      environment:\n        description: The environment to promote to.\n        type: choice\n        options: [dev, test, staging, production]\n        required: true\n      version:\n        description: The version to promote (e.g. 1.4.0); empty with rollback.\n        type: string\n        required: false\n      rollback:\n        description: Promote the environment\'s previous version again.\n        type: boolean\n        default: false\n      emergency:\n        description: The reason for an emergency promotion; empty for none.\n        type: string\n        required: false\n\npermissions:\n  contents: read\n\njobs:\n  promote:\n    uses: ./.github/workflows/promote.yml\n    # The called workflow gets no more than this: deploy, read the run\'s\n    # approvals, attach the evidence record to the release.\n    permissions:\n      contents: write\n      deployments: write\n      actions: read\n    with:\n      environment: ${{ inputs.environment }}\n      version: ${{ inputs.version }}\n      rollback: ${{ inputs.rollback }}\n      emergency: ${{ inputs.emergency }}\n      approvals: ${{ fromJSON(\'{"dev":0,"test":0,"staging":1,"production":2}\')[inputs.environment] }}\n      policy: .github/release-policy.yml\n',
    },
    {
        path: '.github/workflows/starter-release.yml',
        text: "# Starter: copy this file and release.yml (the reusable workflow) into your\n# repository's .github/workflows/ directory. It releases on every pushed\n# release tag and on every merged release pull request into the mainline.\n# Adjust the tag filter and the release branch pattern to your policy.\n#\n# Reference: docs/actions.md#reusable-workflow\nname: release\n\non:\n  push:\n    tags: ['v*']\n  pull_request:\n    types: [closed]\n    branches: [main]\n\npermissions:\n  contents: read\n\njobs:\n  release:\n    # A closed pull request releases only when it was merged from a release branch.\n    if: ${{ github.event_name == 'push' || (github.event.pull_request.merged && startsWith(github.head_ref, 'release/')) }}\n    uses: ./.github/workflows/release.yml\n    # The called workflow gets no more than this: publish the release, comment on the pull request.\n    permissions:\n      contents: write\n      pull-requests: write\n    with:\n      policy: .github/release-policy.yml\n",
    },
];

;// CONCATENATED MODULE: ./src/commands/init.ts









/**
 * Writes `text` to `path` through a temporary file, so a crash never leaves
 * half a file behind; the final step is exclusive without `force`, so two
 * runs cannot both create it. Returns false when the file exists and
 * `force` is off (nothing written).
 */
async function writeNew(path, text, force) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const temp = `${path}.${(0,external_node_crypto_.randomUUID)()}.tmp`;
    await (0,promises_.writeFile)(temp, text, { flag: 'wx' });
    try {
        if (force)
            await (0,promises_.rename)(temp, path);
        else
            await (0,promises_.link)(temp, path);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    finally {
        await (0,promises_.unlink)(temp).catch(() => undefined);
    }
}
/** One line of `init`'s report: a file written, or kept because it exists. */
function describeInitFile(file) {
    if (file.status === 'written')
        return `wrote ${file.path}`;
    if (file.status === 'skipped')
        return `skip  ${file.path} (${file.reason ?? ''})`;
    return `kept  ${file.path} (exists; --force overwrites it)`;
}
/**
 * The files of a repository set-up for `policy`: the policy at `target`, with
 * `docs` the release document templates, the pull request template, and the
 * workflows and their starters, their environments those of the policy.
 */
function listSetupFiles(target, docs, policy) {
    const workflows = adaptWorkflowsToEnvironments(INIT_WORKFLOWS, listInitEnvironments(policy));
    return {
        files: [
            { path: target, text: src/* DEFAULT_POLICY_YAML */.Fm },
            ...(docs ? (0,src/* renderDocumentTemplates */.VL)(policy) : []),
            (0,src/* renderPullRequestTemplate */.d8)(policy),
            ...workflows.files,
        ],
        skipped: workflows.skipped.map((file) => ({ ...file, status: 'skipped' })),
    };
}
/**
 * The policy the set-up is for: the repository's own when it has one that
 * `init` keeps (its environments, documents and change-request sections),
 * else the default policy `init` writes. A malformed policy file is an error
 * that points at its line, before anything is written.
 */
async function readSetupPolicy(root, target, force) {
    if (force)
        return (0,src/* defaultPolicy */.G4)();
    const path = (0,external_node_path_.isAbsolute)(target) ? target : (0,external_node_path_.join)(root, target);
    const exists = await (0,promises_.lstat)(path).then(() => true, () => false);
    if (!exists)
        return (0,src/* defaultPolicy */.G4)();
    return (await (0,policy/* readPolicy */.T)(root, target === src/* POLICY_PATH */.l$ ? undefined : target)).policy;
}
/** Writes each file under `root`, keeping any that exists unless `force`. */
async function writeSetupFiles(root, files, force) {
    const results = [];
    for (const file of files) {
        const path = (0,external_node_path_.isAbsolute)(file.path) ? file.path : (0,external_node_path_.join)(root, file.path);
        const written = await writeNew(path, file.text, force);
        results.push({ path: file.path, status: written ? 'written' : 'kept' });
    }
    return results;
}
/** `--output FILE` alone: only the policy, refused when the file exists. */
async function writePolicyOnly(root, target, force) {
    const path = (0,external_node_path_.isAbsolute)(target) ? target : (0,external_node_path_.join)(root, target);
    if (!(await writeNew(path, src/* DEFAULT_POLICY_YAML */.Fm, force))) {
        throw new src/* UsageError */.eb(`${JSON.stringify(target)} already exists; nothing was written. Use --force to overwrite it, ` +
            'or --output FILE to write elsewhere. See docs/cli.md#init');
    }
    return {
        exitCode: src_io/* EXIT */.d.ok,
        json: { ok: true, findings: [], written: target },
        text: `Wrote the default policy to ${target}. Edit it, commit it, and see docs/policy.md.`,
    };
}
/**
 * `release-policy init [--dir REPO] [--docs] [--force]`: sets up a
 * repository. It writes the default policy, commented, the pull request
 * template with the change-request sections, the reusable workflows and
 * their starters, and with `--docs` the release document templates; a file
 * that exists is kept (and reported) unless `--force`. Then it prints the
 * GitHub settings that make GitHub enforce the policy, with the `gh api`
 * command for each. `--output FILE` alone writes only the policy there.
 */
async function runInitCommand(args, io) {
    if (args.positionals.length > 0) {
        throw new src/* UsageError */.eb(`"init" takes no arguments, got ${JSON.stringify(args.positionals)}. Example: release-policy init --dir ../service`);
    }
    const root = args.dir === undefined ? io.cwd : (0,external_node_path_.resolve)(io.cwd, args.dir);
    const target = args.output ?? args.policy ?? src/* POLICY_PATH */.l$;
    if (!args.docs && target !== src/* POLICY_PATH */.l$)
        return writePolicyOnly(root, target, args.force);
    const policy = await readSetupPolicy(root, target, args.force);
    const setup = listSetupFiles(target, args.docs, policy);
    const files = [...(await writeSetupFiles(root, setup.files, args.force)), ...setup.skipped];
    const settings = listGitHubSettings(policy);
    const next = args.docs
        ? 'Fill in every TODO of the documents before a release: the docs check fails on templates. See docs/policy.md#documents.'
        : `Edit ${target}, commit everything, and see docs/policy.md.`;
    return {
        exitCode: src_io/* EXIT */.d.ok,
        json: {
            ok: true,
            findings: [],
            files,
            settings: settings.map((setting) => ({
                what: setting.what,
                command: renderGhApiCommand(setting),
            })),
        },
        text: [...files.map(describeInitFile), next, '', renderGitHubSettings(settings)].join('\n'),
    };
}


/***/ })

};
