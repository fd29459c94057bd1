var Z=Object.defineProperty;var i=(g,v)=>Z(g,"name",{value:v,configurable:!0});const ee=905,ne=[905],te={5905:((g,v,h)=>{h.d(v,{runInitCommand:i(()=>B,"runInitCommand")});var S=h(7598),l=h(1455),c=h(6760),a=h(5364),b=h(1168),E=h(7838);function k(e){return e.environments.map(n=>({name:n.name,approvals:n.approvals.required,...n.automatic?{automatic:!0}:{}}))}i(k,"listInitEnvironments");const $="release-policy / release policy";function O(e,n,s){return n?`approval gate of ${e.name}: the same required reviewers, self-review prevented`:e.approvals===0?e.automatic?`the automatic environment: no reviewers, deployments from ${s} only`:`no reviewers; deployments from ${s}, release branches and release tags only`:`${e.approvals} distinct approvals: required reviewers here and in each approval gate, self-review prevented`}i(O,"describeEnvironment");function _(e,n){return[e.name,...(0,a.qj)(e.name,e.approvals)].flatMap((t,o)=>{const r=e.approvals>0,u={deployment_branch_policy:{protected_branches:!1,custom_branch_policies:!0},...r?{prevent_self_review:!0,reviewers:[{type:"Team",id:"$TEAM_ID"}]}:{}},d=e.automatic?[{name:n,type:"branch"}]:[{name:n,type:"branch"},{name:"release/*",type:"branch"},{name:"v*",type:"tag"}];return[{what:`environment ${t}: ${O(e,o>0,n)}`,operationId:"repos/create-or-update-environment",method:"PUT",path:`repos/{owner}/{repo}/environments/${encodeURIComponent(t)}`,body:u},...d.map(p=>({what:`environment ${t}: deployments from ${p.type} ${p.name}`,operationId:"repos/create-deployment-branch-policy",method:"POST",path:`repos/{owner}/{repo}/environments/${encodeURIComponent(t)}/deployment-branch-policies`,body:p}))]})}i(_,"listEnvironmentSettings");function q(){return[{what:`ruleset "release-policy lines": main, release/** and *.x only through pull requests that passed "${$}"; no force push, no deletion`,operationId:"repos/create-repo-ruleset",method:"POST",path:"repos/{owner}/{repo}/rulesets",body:{name:"release-policy lines",target:"branch",enforcement:"active",conditions:{ref_name:{include:["~DEFAULT_BRANCH","refs/heads/release/**","refs/heads/*.x"],exclude:[]}},rules:[{type:"deletion"},{type:"non_fast_forward"},{type:"pull_request",parameters:{required_approving_review_count:1,dismiss_stale_reviews_on_push:!0,require_code_owner_review:!1,require_last_push_approval:!0,required_review_thread_resolution:!1}},{type:"required_status_checks",parameters:{strict_required_status_checks_policy:!0,required_status_checks:[{context:$}]}}]}},{what:'ruleset "release tags": tags v* cannot be moved or deleted',operationId:"repos/create-repo-ruleset",method:"POST",path:"repos/{owner}/{repo}/rulesets",body:{name:"release tags",target:"tag",enforcement:"active",conditions:{ref_name:{include:["refs/tags/v*"],exclude:[]}},rules:[{type:"deletion"},{type:"non_fast_forward"},{type:"update"}]}}]}i(q,"listRulesets");function N(e){return[...k(e).flatMap(n=>_(n,e.mainline)),...q()]}i(N,"listGitHubSettings");function T(e){const n=JSON.stringify(e.body).replace(/[\\$`]/g,s=>`\\${s}`).replace(/"\\\$TEAM_ID"/g,"$TEAM_ID");return`gh api -X ${e.method} ${(0,a.qK)(e.path)} --input - <<JSON
${n}
JSON`}i(T,"renderGhApiCommand");function A(e){return["# Then make GitHub enforce the policy: in the Settings of the repository, or by","# running these gh api commands inside the repository as an admin. Reviewers are","# one team, by id (see docs/cli.md#init for what each setting protects):","TEAM_ID=$(gh api orgs/YOUR-ORG/teams/YOUR-TEAM --jq .id)",...e.flatMap((n,s)=>["",`# ${s+1}. ${(0,a.ts)(n.what,{singleLine:!0})}`,T(n)])].join(`
`)}i(A,"renderGitHubSettings");const f=".github/workflows/starter-promote.yml",I=".github/workflows/promote.yml",y=".github/workflows/starter-continuous.yml",x=".github/workflows/continuous.yml";class C extends a.CP{static{i(this,"StarterTemplateError")}static type="StarterTemplateError"}function j(e){return/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(e)?e:JSON.stringify(e)}i(j,"renderYamlItem");function P(e){return`{${e.map(({name:s,approvals:t})=>`${JSON.stringify(s).replace(/[{}]/g,o=>o==="{"?"\\u007b":"\\u007d")}:${t}`).join(",")}}`.replace(/'/g,"''")}i(P,"renderApprovalsMap");function w(e,n,s,t){const o=e.split(`
`),r=o.findIndex(u=>s.test(u));if(r<0)throw new C(`${n}: no line matches ${String(s)}`);return o[r]=t,o.join(`
`)}i(w,"replaceLine");function U(e,n){const s=`        options: [${n.map(r=>j(r.name)).join(", ")}]`,t=`      approvals: \${{ fromJSON('${P(n)}')[inputs.environment] }}`,o=w(e,f,/^ {8}options: \[/,s);return w(o,f,/^ {6}approvals: \$\{\{ fromJSON\(/,t)}i(U,"adaptPromoteStarter");function G(e,n){const s=j(n),t=w(e,y,/^ {6}environment: /,`      environment: ${s}`);return w(t,y,/^# delivered to the automatic environment of your policy/,`# delivered to the automatic environment of your policy (here: ${s}; set`)}i(G,"adaptContinuousStarter");function L(e,n){const s=n.find(r=>r.automatic)?.name,t=[],o=[];for(const r of e){if(r.path===f||r.path===I){if(n.length===0){o.push({path:r.path,reason:"the policy lists no environments"});continue}if(r.path===f){t.push({path:r.path,text:U(r.text,n)});continue}}if(r.path===y||r.path===x){if(s===void 0){o.push({path:r.path,reason:"no environment of the policy is automatic: true"});continue}if(r.path===y){t.push({path:r.path,text:G(r.text,s)});continue}}t.push(r)}return{files:t,skipped:o}}i(L,"adaptWorkflowsToEnvironments");var H=h(9165);async function F(e,n,s){const t=s.split("/").slice(0,-1);for(let o=1;o<=t.length;o+=1){const r=t.slice(0,o).join("/"),u=(0,c.join)(e,r);let d;try{d=await(0,l.lstat)(u)}catch(p){if((0,a.WS)(p)==="ENOENT")return;throw p}if(d.isSymbolicLink()){const p=await(0,l.realpath)(u).catch(()=>{});if(p===void 0||!(0,H.JM)(n,p))return{folder:r,kind:"link"}}else if(!d.isDirectory())return{folder:r,kind:"file"}}}i(F,"findUnsafeFolder");function M({folder:e,kind:n}){const s=JSON.stringify(e),t=(0,a.qK)(e);return n==="link"?`${s} is a symbolic link that leads outside the repository (or into .git, or nowhere): replace it with a real folder (rm ${t} && mkdir ${t}), or run init with --dir in the repository it leads to.`:`${s} is a file, not a folder: move it away, or give the policy elsewhere with --output FILE.`}i(M,"describeUnsafeFolder");async function D(e,n){let s;try{s=await(0,l.realpath)(e)}catch(o){if((0,a.WS)(o)==="ENOENT")return;throw o}const t=new Map;for(const o of n){if((0,c.isAbsolute)(o))continue;const r=await F(e,s,o);r!==void 0&&t.set(r.folder,r)}if(t.size!==0)throw new a.eb(`init writes only inside the repository, so nothing was written. ${[...t.values()].map(M).join(" ")} See docs/cli.md#init`)}i(D,"checkInitTargets");const J=[{path:".github/workflows/continuous.yml",text:`# Reusable workflow: continuous delivery to the policy's automatic environment
# (the customer test environment of the procedure). Every change merged into
# mainline is promoted there without approvals; the promote action still
# checks that the environment is automatic in the policy.
#
# Copy this file to .github/workflows/continuous.yml and call it from another
# workflow (see starter-continuous.yml):
#   jobs:
#     continuous:
#       uses: ./.github/workflows/continuous.yml
#       with:
#         environment: test
#
# Reference: docs/actions.md#reusable-workflow
name: continuous

on:
  workflow_call:
    inputs:
      environment:
        description: The policy's automatic environment (automatic true).
        type: string
        required: true
      artifact:
        description: The name of an artifact uploaded earlier in the run whose digest is recorded. Empty none.
        type: string
        required: false
        default: ''
      policy:
        description: Repository-relative path of the policy file. A missing file means the embedded default policy.
        type: string
        required: false
        default: .github/release-policy.yml
    outputs:
      deployment-id:
        description: The id of the GitHub Deployment created.
        value: \${{ jobs.promote.outputs.deployment-id }}
      url:
        description: The environment URL of the deployment.
        value: \${{ jobs.promote.outputs.url }}

# Nothing beyond reading the code at the top; the job asks for what it needs.
permissions:
  contents: read

jobs:
  promote:
    name: deliver to \${{ inputs.environment }}
    runs-on: ubuntu-latest
    timeout-minutes: 30
    # Shares its group with promote.yml: a manual promotion and a push never deploy at once.
    concurrency:
      group: release-policy-promote-\${{ inputs.environment }}
      cancel-in-progress: false
    environment:
      name: \${{ inputs.environment }}
      url: \${{ steps.promote.outputs.url }}
    permissions:
      contents: read
      deployments: write
      actions: read
    outputs:
      deployment-id: \${{ steps.promote.outputs.deployment-id }}
      url: \${{ steps.promote.outputs.url }}
    steps:
      - name: Check out the full history and tags
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the commit's place in the history
          persist-credentials: false

      - name: Promote the pushed commit
        id: promote
        uses: release-policy/release-policy/actions/promote@v1
        with:
          environment: \${{ inputs.environment }}
          ref: \${{ github.sha }}
          artifact: \${{ inputs.artifact }}
          policy: \${{ inputs.policy }}
`},{path:".github/workflows/patch-audit.yml",text:`# Reusable workflow: the periodic configuration audit. It checks that every
# patch of the maintenance lines is in mainline, audits the repository's
# GitHub settings against the policy (environments and their reviewers,
# branch and tag protection, the workflows that run our actions), and
# updates the one status issue that says where every release stands.
#
# Copy this file to .github/workflows/patch-audit.yml and call it from another
# workflow (see starter-patch-audit.yml):
#   jobs:
#     patch-audit:
#       uses: ./.github/workflows/patch-audit.yml
#
# Reference: docs/actions.md#reusable-workflow
name: patch-audit

on:
  workflow_call:
    inputs:
      policy:
        description: Repository-relative path of the policy file. A missing file means the embedded default policy.
        type: string
        required: false
        default: .github/release-policy.yml
      lines:
        description: >-
          The maintenance lines to check, comma-separated (e.g. 3.5.x). Empty:
          every branch of the kinds the policy lists under patches.kinds.
        type: string
        required: false
        default: ''
      open-forward-ports:
        description: >-
          Open one pull request per maintenance line with missing patches, into
          mainline, that cherry-picks them with -x (job forward-ports). Needs
          the secret forward-port-token.
        type: boolean
        required: false
        default: false
    secrets:
      forward-port-token:
        description: >-
          A fine-grained personal access token for open-forward-ports,
          limited to this repository, with Contents and Pull requests
          read and write: it pushes the forward-port branches and opens their
          pull requests. Not a GitHub App installation token, which expires
          after an hour. The job's own token stays read-only, and pushes made
          with it would start no workflow, so the pull requests' checks would
          not run.
        required: false
      audit-token:
        description: >-
          A read-only token that may read the repository's administration
          settings (branch protection, rulesets, environments), e.g. a GitHub
          App installation token. Without it the audit uses the job's token and
          says which settings it could not read.
        required: false
    outputs:
      patches-ok:
        description: "'true' when every patch of the maintenance lines is in mainline."
        value: \${{ jobs.patches.outputs.ok }}
      patches-missing-count:
        description: How many patches of the maintenance lines are not in mainline.
        value: \${{ jobs.patches.outputs.missing-count }}
      forward-ports:
        description: >-
          The forward-port pull requests opened or updated, as JSON (see the
          patch-merge action's forward-ports output); empty without
          open-forward-ports.
        value: \${{ jobs.forward-ports.outputs.forward-ports }}

# Nothing beyond reading the code at the top; each job asks for what it needs.
permissions:
  contents: read

jobs:
  patches:
    name: patches in mainline
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
    outputs:
      ok: \${{ steps.patch-merge.outputs.ok }}
      missing-count: \${{ steps.patch-merge.outputs.missing-count }}
    steps:
      - name: Check out every branch and tag
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # every maintenance line and mainline, with their histories
          persist-credentials: false

      - name: Patches of the maintenance lines in mainline
        id: patch-merge
        uses: release-policy/release-policy/actions/patch-merge@v1
        with:
          policy: \${{ inputs.policy }}
          lines: \${{ inputs.lines }}
          comment: 'false'

  forward-ports:
    name: forward ports of missing patches
    needs: patches
    if: \${{ !cancelled() && inputs.open-forward-ports && needs.patches.outputs.missing-count != '0' && needs.patches.outputs.missing-count != '' }}
    runs-on: ubuntu-latest
    timeout-minutes: 15
    # One writer of the forward-port branches at a time: each run continues them.
    concurrency:
      group: release-policy-forward-ports
      cancel-in-progress: false
    # The job's token only reads: the branches and pull requests are written
    # with the forward-port-token secret. This job is red whenever it runs:
    # patch-merge fails its step while patches are missing, which is when the
    # job runs, also after it opened the pull requests. The forward-ports
    # output and the pull requests say what it did.
    permissions:
      contents: read
    outputs:
      forward-ports: \${{ steps.patch-merge.outputs.forward-ports }}
    steps:
      - name: Require the forward-port token
        env:
          FORWARD_PORT_TOKEN_SET: \${{ secrets.forward-port-token != '' }}
        run: |
          if [ "$FORWARD_PORT_TOKEN_SET" != 'true' ]; then
            echo '::error::open-forward-ports needs the secret forward-port-token: a fine-grained personal access token with Contents and Pull requests read and write. See docs/actions.md#forward-ports'
            exit 1
          fi

      - name: Check out every branch and tag, able to push
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # every maintenance line and mainline, with their histories
          # patch-merge pushes the forward-port branches with these credentials.
          token: \${{ secrets.forward-port-token }}
          persist-credentials: true

      - name: Open or update the forward-port pull requests
        id: patch-merge
        uses: release-policy/release-policy/actions/patch-merge@v1
        with:
          policy: \${{ inputs.policy }}
          lines: \${{ inputs.lines }}
          comment: 'false'
          open-forward-ports: 'true'
          token: \${{ secrets.forward-port-token }}

  audit:
    name: configuration audit and status
    needs: patches
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    timeout-minutes: 15
    # One writer of the status issue at a time: it is updated in place, never duplicated.
    concurrency:
      group: release-policy-status
      cancel-in-progress: false
    permissions:
      contents: read
      issues: write
      deployments: read
      actions: read
      pull-requests: read
    steps:
      - name: Check out the policy and every line
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the status carries each maintenance line's missing patches
          persist-credentials: false

      - name: Settings drift and status report
        uses: release-policy/release-policy/actions/audit@v1
        with:
          policy: \${{ inputs.policy }}
          token: \${{ secrets.audit-token || github.token }}
`},{path:".github/workflows/pr-policy.yml",text:`# Reusable workflow: the pull request checks (branch name, version, release
# documents and change request, and on release pull requests the patches of
# the maintenance lines) in one job. Formerly release-policy.yml: rename the
# file and the caller's uses: line.
#
# Copy this file to .github/workflows/pr-policy.yml and call it from another
# workflow (see starter-pr-policy.yml):
#   jobs:
#     release-policy:
#       uses: ./.github/workflows/pr-policy.yml
#       with:
#         policy: .github/release-policy.yml
#
# Reference: docs/actions.md#reusable-workflow
name: release-policy

on:
  workflow_call:
    inputs:
      policy:
        description: >-
          Repository-relative path of the policy file. A missing file means the
          embedded default policy. On a pull request it is read from the base branch.
        type: string
        required: false
        default: .github/release-policy.yml
      version:
        description: >-
          An extra declared version to check (e.g. 1.4.0), besides the version
          files, the branch name and a pushed tag. Empty: none.
        type: string
        required: false
        default: ''
      working-directory:
        description: >-
          Directory, relative to the repository root, that the version check runs
          in; the policy's version files are read relative to it.
        type: string
        required: false
        default: .
    outputs:
      ok:
        description: "'true' when every check found no error."
        value: \${{ jobs.release-policy.outputs.ok }}
      branch-name:
        description: The branch checked, short name; empty when the run is not for a branch.
        value: \${{ jobs.release-policy.outputs.branch-name }}
      branch-base:
        description: The pull request base branch it merges into; empty on a push.
        value: \${{ jobs.release-policy.outputs.branch-base }}
      branch-kind:
        description: The branch kind (feature, fix, release, \u2026), empty when none matched.
        value: \${{ jobs.release-policy.outputs.branch-kind }}
      branch-ticket:
        description: The ticket key in the branch name, e.g. CHG-1234.
        value: \${{ jobs.release-policy.outputs.branch-ticket }}
      branch-version:
        description: The version in the branch name (hotfix/1.4.3 gives 1.4.3).
        value: \${{ jobs.release-policy.outputs.branch-version }}
      branch-ok:
        description: "'true' when the branch-name check found no error."
        value: \${{ jobs.release-policy.outputs.branch-ok }}
      branch-findings:
        description: The branch-name check's findings as a JSON array.
        value: \${{ jobs.release-policy.outputs.branch-findings }}
      version:
        description: The declared version, without the tag prefix.
        value: \${{ jobs.release-policy.outputs.version }}
      previous:
        description: The previous release on the same line.
        value: \${{ jobs.release-policy.outputs.previous }}
      bump:
        description: The step from the previous release to the declared version.
        value: \${{ jobs.release-policy.outputs.bump }}
      recommended:
        description: The version the commits since the previous release call for.
        value: \${{ jobs.release-policy.outputs.recommended }}
      prerelease:
        description: "'true' when the declared version is a pre-release."
        value: \${{ jobs.release-policy.outputs.prerelease }}
      tag:
        description: The tag the release will have, prefix included (e.g. v1.4.0).
        value: \${{ jobs.release-policy.outputs.tag }}
      version-ok:
        description: "'true' when the version check found no error."
        value: \${{ jobs.release-policy.outputs.version-ok }}
      release-type:
        description: The release type whose documents were checked; empty when the run does not release.
        value: \${{ jobs.release-policy.outputs.release-type }}
      docs-missing:
        description: How many required documents or sections are missing, empty or placeholder text.
        value: \${{ jobs.release-policy.outputs.docs-missing }}
      docs-ok:
        description: "'true' when the docs-gate check found no error."
        value: \${{ jobs.release-policy.outputs.docs-ok }}
      docs-findings:
        description: The docs-gate check's findings as a JSON array.
        value: \${{ jobs.release-policy.outputs.docs-findings }}
      version-findings:
        description: The version check's findings as a JSON array.
        value: \${{ jobs.release-policy.outputs.version-findings }}
      patches-missing-count:
        description: How many patches of the maintenance lines are not in mainline; empty when not a release.
        value: \${{ jobs.release-policy.outputs.patches-missing-count }}
      patches-report:
        description: Path of the patch-merge JSON report; empty when not a release.
        value: \${{ jobs.release-policy.outputs.patches-report }}
      patches-ok:
        description: "'true' when the patch-merge check found no error or did not run (not a release)."
        value: \${{ jobs.release-policy.outputs.patches-ok }}
      patches-findings:
        description: The patch-merge check's findings as a JSON array.
        value: \${{ jobs.release-policy.outputs.patches-findings }}
      patches-forward-ports:
        description: >-
          Always empty here: this workflow opens no forward-port pull requests
          (patch-audit.yml does, with open-forward-ports).
        value: \${{ jobs.release-policy.outputs.patches-forward-ports }}

# Nothing beyond reading the code at the top; the job asks for what it needs.
permissions:
  contents: read

jobs:
  release-policy:
    name: release policy
    runs-on: ubuntu-latest
    timeout-minutes: 10
    # Read the policy and the code, write the one sticky comment per check.
    permissions:
      contents: read
      pull-requests: write
    outputs:
      ok: \${{ steps.branch-name.outputs.ok == 'true' && steps.version.outputs.ok == 'true' && steps.docs-gate.outputs.ok == 'true' && steps.patch-merge.outputs.ok != 'false' }}
      branch-name: \${{ steps.branch-name.outputs.name }}
      branch-base: \${{ steps.branch-name.outputs.base }}
      branch-kind: \${{ steps.branch-name.outputs.kind }}
      branch-ticket: \${{ steps.branch-name.outputs.ticket }}
      branch-version: \${{ steps.branch-name.outputs.version }}
      branch-ok: \${{ steps.branch-name.outputs.ok }}
      branch-findings: \${{ steps.branch-name.outputs.findings }}
      version: \${{ steps.version.outputs.version }}
      previous: \${{ steps.version.outputs.previous }}
      bump: \${{ steps.version.outputs.bump }}
      recommended: \${{ steps.version.outputs.recommended }}
      prerelease: \${{ steps.version.outputs.prerelease }}
      tag: \${{ steps.version.outputs.tag }}
      version-ok: \${{ steps.version.outputs.ok }}
      version-findings: \${{ steps.version.outputs.findings }}
      release-type: \${{ steps.docs-gate.outputs.release-type }}
      docs-missing: \${{ steps.docs-gate.outputs.missing }}
      docs-ok: \${{ steps.docs-gate.outputs.ok }}
      docs-findings: \${{ steps.docs-gate.outputs.findings }}
      patches-missing-count: \${{ steps.patch-merge.outputs.missing-count }}
      patches-report: \${{ steps.patch-merge.outputs.report }}
      patches-ok: \${{ steps.patch-merge.outputs.ok != 'false' }}
      patches-findings: \${{ steps.patch-merge.outputs.findings }}
      patches-forward-ports: \${{ steps.patch-merge.outputs.forward-ports }}
    steps:
      - name: Check out the full history and tags
        id: checkout
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the version check needs every tag and the commits since the last release
          persist-credentials: false

      - name: Branch name
        id: branch-name
        uses: release-policy/release-policy/actions/branch-name@v1
        with:
          policy: \${{ inputs.policy }}

      # Runs even when a check before it failed, so one run reports every check.
      - name: Release documents and change request
        id: docs-gate
        if: \${{ !cancelled() && steps.checkout.outcome == 'success' }}
        uses: release-policy/release-policy/actions/docs-gate@v1
        with:
          policy: \${{ inputs.policy }}
          version: \${{ inputs.version }}

      # Releases only: a release branch, a tag push or a scheduled run.
      - name: Patches of the maintenance lines in mainline
        id: patch-merge
        if: \${{ !cancelled() && steps.checkout.outcome == 'success' && (steps.branch-name.outputs.kind == 'release' || github.ref_type == 'tag' || github.event_name == 'schedule') }}
        uses: release-policy/release-policy/actions/patch-merge@v1
        with:
          policy: \${{ inputs.policy }}

      # Runs even when the branch name failed, so one run reports both checks.
      - name: Version
        id: version
        if: \${{ !cancelled() && steps.checkout.outcome == 'success' }}
        uses: release-policy/release-policy/actions/version@v1
        with:
          policy: \${{ inputs.policy }}
          version: \${{ inputs.version }}
          working-directory: \${{ inputs.working-directory }}
`},{path:".github/workflows/promote.yml",text:`# Reusable workflow: promote a version to one environment. Reviewers approve
# in GitHub's own screen: GitHub lets a job go on after one approval, so each
# further approval the policy asks for is one gate job bound to its own
# environment (production-approval-2, production-approval-3, \u2026), each with the
# same required reviewers. Then one job bound to the environment itself runs
# the promote action, which counts the distinct approvals of the whole run and
# checks order, soak time, change windows and freezes before it deploys.
# \`release-policy init\` prints the settings and gh api commands that create
# the environments.
#
# Copy this file to .github/workflows/promote.yml and call it from another
# workflow (see starter-promote.yml):
#   jobs:
#     promote:
#       uses: ./.github/workflows/promote.yml
#       with:
#         environment: production
#         version: 1.4.0
#         approvals: 2
#
# Reference: docs/actions.md#reusable-workflow
name: promote

on:
  workflow_call:
    inputs:
      environment:
        description: The environment to promote to, as the policy's environments list names it.
        type: string
        required: true
      version:
        description: The version to promote (e.g. 1.4.0). Empty with ref set, or with rollback.
        type: string
        required: false
        default: ''
      ref:
        description: A commit or ref to promote instead of a version. Empty with version set.
        type: string
        required: false
        default: ''
      approvals:
        description: >-
          How many distinct people approve: the policy's approvals.required for
          the environment. 1 or less needs no gate job; each one above 1 waits
          in the environment <environment>-approval-<n>.
        type: number
        required: false
        default: 1
      artifact:
        description: The name of an artifact uploaded earlier in the run whose digest is recorded and compared. Empty none.
        type: string
        required: false
        default: ''
      step:
        description: The canary step in percent (e.g. 5, 25, 100). Empty the policy's first step, or 100.
        type: string
        required: false
        default: ''
      rollback:
        description: Promote the environment's previous successful version again.
        type: boolean
        required: false
        default: false
      emergency:
        description: The reason for an emergency promotion inside a freeze or outside a change window. Empty none.
        type: string
        required: false
        default: ''
      policy:
        description: Repository-relative path of the policy file. A missing file means the embedded default policy.
        type: string
        required: false
        default: .github/release-policy.yml
    outputs:
      deployment-id:
        description: The id of the GitHub Deployment created.
        value: \${{ jobs.promote.outputs.deployment-id }}
      previous-version:
        description: The version the environment held before.
        value: \${{ jobs.promote.outputs.previous-version }}
      url:
        description: The environment URL of the deployment.
        value: \${{ jobs.promote.outputs.url }}
      percent:
        description: The canary percent now live.
        value: \${{ jobs.promote.outputs.percent }}

# Nothing beyond reading the code at the top; each job asks for what it needs.
permissions:
  contents: read

jobs:
  gates:
    name: approval gates
    runs-on: ubuntu-latest
    timeout-minutes: 2
    permissions: {}
    outputs:
      numbers: \${{ steps.gates.outputs.numbers }}
    steps:
      # The gate numbers 2..approvals as a JSON array, e.g. [2,3]; [] for one approval.
      - name: List the gates
        id: gates
        env:
          APPROVALS: \${{ inputs.approvals }}
        run: |
          if ! [[ "$APPROVALS" =~ ^[0-9]+$ ]] || [ "$APPROVALS" -gt 20 ]; then
            echo "::error::approvals must be a whole number from 0 to 20"
            exit 1
          fi
          echo "numbers=$(seq 2 "$APPROVALS" | jq -cs .)" >> "$GITHUB_OUTPUT"

  approval:
    name: approval \${{ matrix.gate }} for \${{ inputs.environment }}
    needs: gates
    if: \${{ needs.gates.outputs.numbers != '[]' }}
    runs-on: ubuntu-latest
    timeout-minutes: 2
    permissions: {}
    strategy:
      matrix:
        gate: \${{ fromJSON(needs.gates.outputs.numbers) }}
    # Each gate waits for its own reviewer; two runs never share a gate.
    concurrency:
      group: release-policy-promote-\${{ inputs.environment }}-approval-\${{ matrix.gate }}
      cancel-in-progress: false
    environment: \${{ inputs.environment }}-approval-\${{ matrix.gate }}
    steps:
      - name: Approved
        env:
          GATE: \${{ matrix.gate }}
          ENVIRONMENT: \${{ inputs.environment }}
        run: echo "Approval $GATE for $ENVIRONMENT was given."

  promote:
    name: promote to \${{ inputs.environment }}
    needs: [gates, approval]
    if: \${{ !cancelled() && needs.gates.result == 'success' && (needs.approval.result == 'success' || needs.approval.result == 'skipped') }}
    runs-on: ubuntu-latest
    timeout-minutes: 30
    # One promotion of an environment at a time; the second waits (never cancels a deployment half done).
    concurrency:
      group: release-policy-promote-\${{ inputs.environment }}
      cancel-in-progress: false
    environment:
      name: \${{ inputs.environment }}
      url: \${{ steps.promote.outputs.url }}
    permissions:
      contents: write # the evidence record is attached to the production release
      deployments: write
      actions: read # the run's approvals
    outputs:
      deployment-id: \${{ steps.promote.outputs.deployment-id }}
      previous-version: \${{ steps.promote.outputs.previous-version }}
      url: \${{ steps.promote.outputs.url }}
      percent: \${{ steps.promote.outputs.percent }}
    steps:
      - name: Check out the full history and tags
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the version's tag and commit
          persist-credentials: false

      - name: Promote
        id: promote
        uses: release-policy/release-policy/actions/promote@v1
        with:
          environment: \${{ inputs.environment }}
          version: \${{ inputs.version }}
          ref: \${{ inputs.ref }}
          artifact: \${{ inputs.artifact }}
          step: \${{ inputs.step }}
          rollback: \${{ inputs.rollback }}
          emergency: \${{ inputs.emergency }}
          policy: \${{ inputs.policy }}
`},{path:".github/workflows/release.yml",text:`# Reusable workflow: a release. On a release tag or a merged release pull
# request it checks the version, the release documents and the patches of the
# maintenance lines; when they pass it publishes the GitHub Release with its
# notes, and it always leaves a record of what was checked as an artifact.
#
# Copy this file to .github/workflows/release.yml and call it from another
# workflow (see starter-release.yml):
#   jobs:
#     release:
#       uses: ./.github/workflows/release.yml
#
# Reference: docs/actions.md#reusable-workflow
name: release

on:
  workflow_call:
    inputs:
      policy:
        description: Repository-relative path of the policy file. A missing file means the embedded default policy.
        type: string
        required: false
        default: .github/release-policy.yml
      version:
        description: >-
          The version to release (e.g. 1.4.0). Empty: the pushed tag's version,
          else the version the branch and version files declare.
        type: string
        required: false
        default: ''
      publish:
        description: Publish the GitHub Release of the version with its notes when every check passed.
        type: boolean
        required: false
        default: true
    outputs:
      ok:
        description: "'true' when every release check passed."
        value: \${{ jobs.check.outputs.ok }}
      version:
        description: The version released, without the tag prefix.
        value: \${{ jobs.check.outputs.version }}
      tag:
        description: The release tag, prefix included (e.g. v1.4.0).
        value: \${{ jobs.check.outputs.tag }}
      release-url:
        description: The URL of the GitHub Release; empty when nothing was published.
        value: \${{ jobs.publish.outputs.url }}

# Nothing beyond reading the code at the top; each job asks for what it needs.
permissions:
  contents: read

jobs:
  check:
    name: release checks
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      pull-requests: write
    outputs:
      ok: \${{ steps.version.outputs.ok == 'true' && steps.docs-gate.outputs.ok == 'true' && steps.patch-merge.outputs.ok == 'true' }}
      version: \${{ steps.version.outputs.version }}
      tag: \${{ steps.version.outputs.tag }}
      version-findings: \${{ steps.version.outputs.findings }}
      docs-findings: \${{ steps.docs-gate.outputs.findings }}
      patches-findings: \${{ steps.patch-merge.outputs.findings }}
      patches-missing-count: \${{ steps.patch-merge.outputs.missing-count }}
    steps:
      - name: Check out the full history and tags
        id: checkout
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the version and patch checks need every tag and line
          persist-credentials: false

      - name: Version
        id: version
        uses: release-policy/release-policy/actions/version@v1
        with:
          policy: \${{ inputs.policy }}
          version: \${{ inputs.version }}

      # Runs even when the version failed, so one run reports every check.
      - name: Release documents
        id: docs-gate
        if: \${{ !cancelled() && steps.checkout.outcome == 'success' }}
        uses: release-policy/release-policy/actions/docs-gate@v1
        with:
          policy: \${{ inputs.policy }}
          version: \${{ steps.version.outputs.version }}

      - name: Patches of the maintenance lines in mainline
        id: patch-merge
        if: \${{ !cancelled() && steps.checkout.outcome == 'success' }}
        uses: release-policy/release-policy/actions/patch-merge@v1
        with:
          policy: \${{ inputs.policy }}

  publish:
    name: publish the release
    needs: check
    if: \${{ inputs.publish && needs.check.outputs.ok == 'true' }}
    runs-on: ubuntu-latest
    timeout-minutes: 10
    # One publication per tag at a time: a re-run waits for the run before it.
    concurrency:
      group: release-policy-release-\${{ needs.check.outputs.tag }}
      cancel-in-progress: false
    permissions:
      contents: write
      pull-requests: write
    outputs:
      url: \${{ steps.changelog.outputs.url }}
      release-id: \${{ steps.changelog.outputs.release-id }}
    steps:
      - name: Check out the full history and tags
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          fetch-depth: 0 # the notes cover the commits since the previous release
          persist-credentials: false

      - name: Release notes and the GitHub Release
        id: changelog
        uses: release-policy/release-policy/actions/changelog@v1
        with:
          policy: \${{ inputs.policy }}
          version: \${{ needs.check.outputs.version }}
          write-changelog: 'false'
          publish: 'true'

  record:
    name: release record
    needs: [check, publish]
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      # Every value comes through env: and is written by jq as JSON data.
      - name: Write the record
        env:
          VERSION: \${{ needs.check.outputs.version }}
          TAG: \${{ needs.check.outputs.tag }}
          CHECKS_OK: \${{ needs.check.outputs.ok }}
          VERSION_FINDINGS: \${{ needs.check.outputs.version-findings }}
          DOCS_FINDINGS: \${{ needs.check.outputs.docs-findings }}
          PATCHES_FINDINGS: \${{ needs.check.outputs.patches-findings }}
          PATCHES_MISSING: \${{ needs.check.outputs.patches-missing-count }}
          PUBLISH_RESULT: \${{ needs.publish.result }}
          RELEASE_URL: \${{ needs.publish.outputs.url }}
          COMMIT: \${{ github.sha }}
          ACTOR: \${{ github.actor }}
          RUN_URL: \${{ github.server_url }}/\${{ github.repository }}/actions/runs/\${{ github.run_id }}
        run: |
          jq -n \\
            --arg version "$VERSION" --arg tag "$TAG" --arg commit "$COMMIT" \\
            --arg actor "$ACTOR" --arg run "$RUN_URL" --arg ok "$CHECKS_OK" \\
            --arg versionFindings "$VERSION_FINDINGS" --arg docsFindings "$DOCS_FINDINGS" \\
            --arg patchesFindings "$PATCHES_FINDINGS" --arg patchesMissing "$PATCHES_MISSING" \\
            --arg published "$PUBLISH_RESULT" --arg release "$RELEASE_URL" \\
            '{version: $version, tag: $tag, commit: $commit, actor: $actor, run: $run,
              checksPassed: ($ok == "true"),
              findings: {
                version: ($versionFindings | fromjson? // []),
                documents: ($docsFindings | fromjson? // []),
                patches: ($patchesFindings | fromjson? // [])
              },
              patchesMissing: ($patchesMissing | tonumber? // null),
              publish: $published, release: $release}' > "$RUNNER_TEMP/release-record.json"
          {
            echo '### Release record'
            echo
            echo '\`\`\`json'
            cat "$RUNNER_TEMP/release-record.json"
            echo '\`\`\`'
          } >> "$GITHUB_STEP_SUMMARY"

      - name: Keep the record
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: release-record
          path: \${{ runner.temp }}/release-record.json
          if-no-files-found: error
`},{path:".github/workflows/starter-continuous.yml",text:`# Starter: copy this file and continuous.yml (the reusable workflow) into your
# repository's .github/workflows/ directory. Every push to the mainline is
# delivered to the automatic environment of your policy (here: test; set
# automatic: true on it in the policy).
#
# Reference: docs/actions.md#reusable-workflow
name: continuous

on:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  continuous:
    uses: ./.github/workflows/continuous.yml
    # The called workflow gets no more than this: deploy and read the run.
    permissions:
      contents: read
      deployments: write
      actions: read
    with:
      environment: test
      policy: .github/release-policy.yml
`},{path:".github/workflows/starter-patch-audit.yml",text:`# Starter: copy this file and patch-audit.yml (the reusable workflow) into
# your repository's .github/workflows/ directory. It runs the configuration
# audit every weekday morning and on demand. Give it a read-only token that
# can read the administration settings as the secret RELEASE_POLICY_AUDIT_TOKEN
# (see docs/actions.md#reusable-workflow); without it the audit says what it
# could not read.
name: patch-audit

on:
  schedule:
    - cron: '17 6 * * 1-5'
  workflow_dispatch:

permissions:
  contents: read

jobs:
  patch-audit:
    uses: ./.github/workflows/patch-audit.yml
    # The called workflow gets no more than this: read the code, deployments and
    # runs, and write the one status issue.
    permissions:
      contents: read
      issues: write
      deployments: read
      actions: read
      pull-requests: read
    with:
      policy: .github/release-policy.yml
      # true: open one pull request per line with missing patches that picks
      # them into mainline; needs the forward-port-token secret below.
      open-forward-ports: false
    secrets:
      audit-token: \${{ secrets.RELEASE_POLICY_AUDIT_TOKEN }}
      # A fine-grained personal access token for this repository with
      # Contents and Pull requests read and write (not a GitHub App
      # installation token: it expires after an hour); see
      # docs/actions.md#forward-ports.
      forward-port-token: \${{ secrets.RELEASE_POLICY_FORWARD_PORT_TOKEN }}
`},{path:".github/workflows/starter-pr-policy.yml",text:`# Starter: copy this file and pr-policy.yml (the reusable workflow) into
# your repository's .github/workflows/ directory. It checks every pull request
# and every push to the mainline, the release lines and release tags against
# .github/release-policy.yml (or the embedded default policy when that file is
# absent). Adjust the branch and tag filters to your policy's branch kinds.
#
# Reference: docs/actions.md
name: release-policy

on:
  pull_request:
    # "edited" re-runs the merge-direction check when the base branch changes.
    types: [opened, synchronize, reopened, edited]
  push:
    branches: [main, 'release/**', '*.x', 'hotfix/**']
    tags: ['v*']

# One run per pull request or ref; a newer push to a pull request replaces the
# older run (its sticky comments are updated in place either way).
concurrency:
  group: release-policy-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

permissions:
  contents: read

jobs:
  release-policy:
    uses: ./.github/workflows/pr-policy.yml
    # The called workflow gets no more than this: read the code, write the sticky comments.
    permissions:
      contents: read
      pull-requests: write
    with:
      policy: .github/release-policy.yml
      working-directory: .
`},{path:".github/workflows/starter-promote.yml",text:`# Starter: copy this file and promote.yml (the reusable workflow) into your
# repository's .github/workflows/ directory. Run it from the Actions tab with
# the environment and the version. Set approvals per environment to the
# policy's approvals.required (the map below), and create the environments
# and their approval gates with the commands \`release-policy init\` prints.
#
# Reference: docs/actions.md#reusable-workflow
name: promote

on:
  workflow_dispatch:
    inputs:
      environment:
        description: The environment to promote to.
        type: choice
        options: [dev, test, staging, production]
        required: true
      version:
        description: The version to promote (e.g. 1.4.0); empty with rollback.
        type: string
        required: false
      rollback:
        description: Promote the environment's previous version again.
        type: boolean
        default: false
      emergency:
        description: The reason for an emergency promotion; empty for none.
        type: string
        required: false

permissions:
  contents: read

jobs:
  promote:
    uses: ./.github/workflows/promote.yml
    # The called workflow gets no more than this: deploy, read the run's
    # approvals, attach the evidence record to the release.
    permissions:
      contents: write
      deployments: write
      actions: read
    with:
      environment: \${{ inputs.environment }}
      version: \${{ inputs.version }}
      rollback: \${{ inputs.rollback }}
      emergency: \${{ inputs.emergency }}
      approvals: \${{ fromJSON('{"dev":0,"test":0,"staging":1,"production":2}')[inputs.environment] }}
      policy: .github/release-policy.yml
`},{path:".github/workflows/starter-release.yml",text:`# Starter: copy this file and release.yml (the reusable workflow) into your
# repository's .github/workflows/ directory. It releases on every pushed
# release tag and on every merged release pull request into the mainline.
# Adjust the tag filter and the release branch pattern to your policy.
#
# Reference: docs/actions.md#reusable-workflow
name: release

on:
  push:
    tags: ['v*']
  pull_request:
    types: [closed]
    branches: [main]

permissions:
  contents: read

jobs:
  release:
    # A closed pull request releases only when it was merged from a release branch.
    if: \${{ github.event_name == 'push' || (github.event.pull_request.merged && startsWith(github.head_ref, 'release/')) }}
    uses: ./.github/workflows/release.yml
    # The called workflow gets no more than this: publish the release, comment on the pull request.
    permissions:
      contents: write
      pull-requests: write
    with:
      policy: .github/release-policy.yml
`}];async function R(e,n,s){await(0,l.mkdir)((0,c.dirname)(e),{recursive:!0});const t=`${e}.${(0,S.randomUUID)()}.tmp`;await(0,l.writeFile)(t,n,{flag:"wx"});try{return s?await(0,l.rename)(t,e):await(0,l.link)(t,e),!0}catch(o){if(o.code==="EEXIST")return!1;throw o}finally{await(0,l.unlink)(t).catch(()=>{})}}i(R,"writeNew");function K(e){return e.status==="written"?`wrote ${e.path}`:e.status==="skipped"?`skip  ${e.path} (${e.reason??""})`:`kept  ${e.path} (exists; --force overwrites it)`}i(K,"describeInitFile");function W(e,n,s){const t=L(J,k(s));return{files:[{path:e,text:a.Fm},...n?(0,a.VL)(s):[],(0,a.d8)(s),...t.files],skipped:t.skipped.map(o=>({...o,status:"skipped"}))}}i(W,"listSetupFiles");async function V(e,n,s){if(s)return(0,a.G4)();const t=(0,c.isAbsolute)(n)?n:(0,c.join)(e,n);return await(0,l.lstat)(t).then(()=>!0,()=>!1)?(await(0,E.T)({cwd:e,root:e},n===a.l$?void 0:n)).policy:(0,a.G4)()}i(V,"readSetupPolicy");async function Y(e,n,s){const t=[];for(const o of n){const r=(0,c.isAbsolute)(o.path)?o.path:(0,c.join)(e,o.path),u=await R(r,o.text,s);t.push({path:o.path,status:u?"written":"kept"})}return t}i(Y,"writeSetupFiles");async function z(e,n,s){const t=(0,c.isAbsolute)(n)?n:(0,c.join)(e,n);if(!await R(t,a.Fm,s))throw new a.eb(`${JSON.stringify(n)} already exists; nothing was written. Use --force to overwrite it, or --output FILE to write elsewhere. See docs/cli.md#init`);return{exitCode:b.d.ok,json:{ok:!0,findings:[],written:n},text:`Wrote the default policy to ${n}. Edit it, commit it, and see docs/policy.md.`}}i(z,"writePolicyOnly");async function B(e,n){if(e.positionals.length>0)throw new a.eb(`"init" takes no arguments, got ${JSON.stringify(e.positionals)}. Example: release-policy init --dir ../service`);const s=e.dir===void 0?n.cwd:(0,c.resolve)(n.cwd,e.dir),t=e.output??e.policy??a.l$;if(!e.docs&&t!==a.l$)return z(s,t,e.force);const o=await V(s,t,e.force),r=W(t,e.docs,o),u=e.output??e.policy;await D(s,r.files.map(m=>m.path).filter(m=>m!==u));const d=[...await Y(s,r.files,e.force),...r.skipped],p=N(o),X=e.docs?"Fill in every TODO of the documents before a release: the docs check fails on templates. See docs/policy.md#documents.":`Edit ${t}, commit everything, and see docs/policy.md.`;return{exitCode:b.d.ok,json:{ok:!0,findings:[],files:d,settings:p.map(m=>({what:m.what,command:T(m)}))},text:[...d.map(K),X,"",A(p)].join(`
`)}}i(B,"runInitCommand")})};export{ee as id,ne as ids,te as modules};
