// The public API of @release-policy/github: what the actions, the CLI, the
// tests and the benchmarks use. Everything else is internal.

// The shared action flow (check → act → record)
export { failWithError, parseBooleanInput, runPolicyAction, ISSUES_URL } from './action.js';
export type {
  ActInput,
  ActOutcome,
  ActResult,
  ActSkipReason,
  Gathered,
  GatherInput,
  PolicyActionSpec,
  RecordInput,
  RunInput,
} from './action-spec.js';
export type { ActionInputs } from './action-inputs.js';
export type { OutputValue } from './outputs.js';

// The run and its facts
export {
  formatRunUrl,
  gatherRunFacts,
  readRunContext,
  resolveRunBranch,
  type PullRequestContext,
  type RunContext,
} from './context.js';
export {
  DEFAULT_MAX_RELEASES,
  gatherGitHubFacts,
  type GatheredGitHubFacts,
  type GatherGitHubFactsInput,
  type PullRequestLookup,
  type RepositoryRef,
} from './api-facts.js';

// The API client and its errors
export {
  createOctokit,
  DEFAULT_CALL_DEADLINE_MS,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RATE_LIMIT_RETRIES,
  DEFAULT_RETRIES,
  type CreateOctokitOptions,
  type Octokit,
} from './octokit.js';
export type { OctokitLog } from './log.js';
export {
  GitHubApiError,
  InputError,
  PromotionError,
  callGitHubApi,
  toGitHubApiError,
  type GitHubApiErrorDetails,
  type GitHubApiErrorKind,
} from './errors.js';
export { ACTIONS_DOCS } from './text.js';
export { logData } from './log.js';

// A pull request's document templates, read where its policy is: the base commit
export {
  createBaseTemplateSource,
  fetchDocumentTemplate,
  type BaseTemplateSource,
  type TemplateRead,
} from './document-template.js';
export { resolvePolicyRef } from './run-policy.js';

// Reading a policy file from disk: regular files inside the repository only
export {
  describePolicyFileProblem,
  MAX_POLICY_FILE_BYTES,
  readPolicyFileInside,
  readPolicyFileSafely,
  type PolicyFileProblem,
  type PolicyFileRead,
} from './policy-file.js';

// Publishing release notes as the GitHub Release of a tag
export {
  mergeReleaseBody,
  NOTES_END,
  NOTES_START,
  publishRelease,
  sanitizeReleaseNotes,
  type PublishedRelease,
  type PublishReleaseInput,
} from './release.js';

// The configuration audit: its facts, the status report and the status issue
export { gatherAuditFacts, type GatherAuditFactsInput } from './audit-gather.js';
export { findActionUses, MAX_WORKFLOW_FILES } from './audit-workflows.js';
export { MAX_STATUS_FINDINGS, renderStatusMarkdown, type StatusReport } from './status-report.js';
export {
  renderStatusIssueBody,
  STATUS_ISSUE_MARKER,
  upsertStatusIssue,
  type StatusIssueInput,
  type StatusIssueResult,
} from './status-issue.js';
export {
  formatForwardPortTitle,
  MAX_PULL_BODY_CHARS,
  renderForwardPortBody,
  upsertForwardPortPull,
  type ForwardPortBodyInput,
  type ForwardPortPullInput,
  type ForwardPortPullResult,
  type ForwardPortSkip,
} from './forward-port-pull.js';

export {
  listOrgRepositories,
  MATRIX_GROUPS,
  MAX_MATRIX_JOBS,
  MAX_ORG_REPOSITORIES,
  mergeStatusReports,
  planAuditMatrix,
  renderOrgMarkdown,
  type AuditMatrix,
  type AuditPlan,
  type OrgReport,
  type OrgRepositoryRow,
  type OrgSelection,
} from './org-audit.js';

// Where an action works in the workspace
export { resolveWorkingDirectory } from './workspace.js';
export {
  gatherPromotionFacts,
  type GatherPromotionInput,
  type PromotionRequest,
} from './promotion-facts.js';
export {
  DEFAULT_MAX_DEPLOYMENTS,
  listDeploymentHistory,
  mergeDeployments,
  readDeployments,
  type DeploymentQuery,
} from './deployments.js';
export {
  deployPromotion,
  failPromotion,
  type DeployedPromotion,
  type DeployPromotionInput,
} from './promotion-deploy.js';
export {
  renderEnvironmentsTable,
  renderEvidenceMarkdown,
  renderPipelineDiagram,
  type PromotionOutcome,
} from './promotion-report.js';
export {
  nameEvidenceFiles,
  readPromotionArtifact,
  storePromotionEvidence,
  type EvidenceStore,
  type StoredEvidence,
} from './promotion-evidence.js';
export { writeSummary } from './report.js';
