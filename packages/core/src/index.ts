// The public API of @release-policy/core: what the adapters (git, github, cli),
// the actions, the tests and the benchmarks use. Everything else is internal.

// Findings and errors
export {
  countFindings,
  isPassing,
  sortFindings,
  type Finding,
  type FindingCommit,
  type FindingData,
  type FindingDocument,
  type FindingSection,
  type Severity,
} from './findings.js';
export {
  ConfigError,
  convertConfigIssuesToFindings,
  formatConfigIssues,
  readErrorCode,
  ReleasePolicyError,
  UsageError,
  type ConfigIssue,
} from './errors.js';

// Facts the adapters gather
export type {
  BranchFacts,
  CommitFacts,
  CommitPerson,
  CommitTrailer,
  Facts,
  MergedPullRequest,
  MergedPullRequestFacts,
  PullRequestFacts,
  PullRequestRef,
  ReleaseEntry,
  ReleaseFacts,
  RunFacts,
  VersionFacts,
  VersionFileProblem,
  VersionHistory,
  VersionSource,
  VersionSourceKind,
  DocumentEntryFacts,
  DocumentFacts,
  LineCommit,
  MainlineCommit,
  PatchFacts,
  PatchesUnread,
  DocumentsUnread,
  PatchLineFacts,
  DocumentFile,
  DocumentProblem,
  ApprovalFact,
  DeploymentEntry,
  DeploymentState,
  PromotionFacts,
} from './facts.js';
export { docsCheck } from './checks/docs/index.js';

// The configuration audit and status
export type {
  AuditActionUse,
  AuditBranch,
  AuditEnvironment,
  AuditFacts,
  AuditTags,
  AuditUnreadable,
  AuditWorkflow,
  DeploymentBranches,
} from './audit-facts.js';
export { auditCheck } from './checks/audit/index.js';
export {
  AUDIT_FAILURES,
  DEFAULT_ACTION_REPOSITORY,
  type AuditFailure,
  type AuditPolicy,
} from './checks/audit/section.js';
export { listPolicyEnvironments, type PolicyEnvironment } from './checks/audit/environments.js';
export {
  LINE_KINDS,
  MAX_AUDITED_LINES,
  planAuditBranches,
  planTagSample,
  type PlannedBranch,
} from './checks/audit/plan.js';
export {
  computeReleaseStatus,
  MAX_STATUS_LINES,
  MAX_STATUS_MISSING_COMMITS,
  type DeployedVersion,
  OTHER_LINE,
  type PendingPromotion,
  type ReleaseStatus,
  type StatusLine,
  type StatusPatches,
} from './checks/audit/status.js';
export {
  DEFAULT_NEXT_RELEASE_TYPE,
  inspectNextReleaseDocuments,
  type DocumentState,
  type NextReleaseDocument,
  type NextReleaseDocuments,
} from './checks/audit/documents.js';
export { isPinnedRef } from './rules/audit-workflow-pin.js';
export { matchRefPattern } from './ref-patterns.js';
export {
  checkDocumentLinks,
  checkMissingTemplates,
  type DocumentLinkOutside,
  type DocumentTemplateMissing,
} from './checks/docs/links.js';
export { convertDocumentBytes, MAX_DOCUMENT_BYTES } from './checks/docs/document-bytes.js';
export {
  PULL_REQUEST_TEMPLATE_PATH,
  renderDocumentTemplates,
  renderPullRequestTemplate,
  type TemplateFile,
} from './checks/docs/templates.js';
export { classifyRelease, isReleaseType, type ReleaseClass } from './checks/docs/release.js';
export {
  RELEASE_TYPES,
  type ChangeRequestPolicy,
  type DocumentSpec,
  type ReleaseType,
  type SectionSpec,
} from './checks/docs/section.js';
export {
  isPlaceholderLine,
  normalizeHeading,
  normalizeLineBreaks,
  parseMarkdownOutline,
  type ContentLine,
  type MarkdownOutline,
  type MarkdownSection,
} from './markdown.js';
export { resolveBranchUnderTest, type BranchSignals } from './run-branch.js';

// The policy
export type {
  BranchKind,
  BranchesPolicy,
  Bump,
  ChangelogPackage,
  ChangelogPolicy,
  ChangelogTypeSection,
  CommitsPolicy,
  PatchesPolicy,
  PatchWaiver,
  Policy,
  VersionFileSpec,
  VersioningPolicy,
} from './config/schema.js';
export {
  defaultPolicy,
  DefaultPolicyError,
  loadPolicy,
  loadPolicyBytes,
  parsePolicy,
  parsePolicyBytes,
  POLICY_PATH,
  type PolicyParseResult,
} from './config/load.js';
export { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_YAML, POLICY_SCHEMA_URL } from './config/default.js';
export { RELEASE_POLICY_VERSION } from './config/constants.js';
export { createPolicyJsonSchema } from './config/json-schema.js';
export {
  definePolicySection,
  type AnyPolicySection,
  type FieldInfo,
  type PolicyPosition,
  type PolicySection,
  type PolicySectionDefinition,
} from './config/section.js';
export { findClosest, type FindClosestOptions } from './config/did-you-mean.js';

// Checks, rules and the engine
export {
  defineCheck,
  FACT_SOURCES,
  type CheckCommand,
  type CheckDefinition,
  type CheckOutput,
  type CheckValues,
  type FactKind,
  type FactSource,
} from './checks/types.js';
export { CHECKS, isCheckName, selectChecks, type CheckName } from './checks/registry.js';
export { branchCheck } from './checks/branch/index.js';
export { versionCheck } from './checks/version/index.js';
export { changelogCheck } from './checks/changelog/index.js';
export {
  collectChangelogEntries,
  createChangelogParserOptions,
  OTHER_TYPE,
  type ChangelogEntry,
} from './changelog-entries.js';
export { findChangelogPackage, selectPackageEntries } from './changelog-packages.js';
export {
  groupChangelogEntries,
  neutralizeCommitText,
  renderReleaseNotes,
  type ChangelogRepository,
  type ChangelogSection,
  type ReleaseNotesInput,
} from './changelog-render.js';
export {
  ChangelogFileError,
  insertReleaseNotes,
  type InsertReleaseNotesOptions,
} from './changelog-file.js';
export { collectRiskAssessments, readRiskSection, type RiskAssessment } from './changelog-risk.js';
export { patchesCheck } from './checks/patches/index.js';
export { promoteCheck } from './checks/promote/index.js';
export {
  computeCanaryStep,
  decideWindow,
  findEnvironmentSpec,
  findLiveDeployment,
  findRollbackTarget,
  findSucceededDeployment,
  isApprovalEnvironment,
  listApprovalEnvironments,
  listApprovalGates,
  tallyApprovals,
  type ApprovalTally,
  type CanaryStep,
  type WindowDecision,
} from './checks/promote/plan.js';
export {
  buildEvidenceRecord,
  EVIDENCE_FORMAT,
  EVIDENCE_PAYLOAD_KEY,
  readEvidencePayload,
  type EvidenceApproval,
  type EvidenceRecord,
} from './checks/promote/evidence.js';
export { describeDuration, parseDuration } from './checks/promote/duration.js';
export {
  DEFAULT_PATCH_EXEMPTIONS,
  DEFAULT_PATCH_KINDS,
  patchesSection,
} from './checks/patches/section.js';
export {
  classifyLine,
  classifyLineCommits,
  matchSubjectPattern,
  readCherryPickSources,
  readPullRequestNumber,
  isPatchReleaseBranch,
  selectLinesBelow,
  selectPatchLines,
  type ClassifiedCommit,
  type ClassifiedLine,
  type PatchEvidence,
  type PatchStatus,
} from './checks/patches/classify.js';
export {
  FORWARD_PORT_BRANCH_PREFIX,
  formatForwardPortBranch,
  planForwardPorts,
  type ForwardPortCommit,
  type ForwardPortPlan,
} from './checks/patches/forward-ports.js';
export type { Rule, RuleContext, RuleFinding } from './rules/types.js';
export { RULES } from './rules/registry.js';
export { computeSeverity, evaluate, type EvaluateOptions, type Evaluation } from './engine.js';

// Branches
export {
  classifyBranch,
  describeBranchKind,
  normalizeBranchName,
  quoteBranchName,
  type BranchClass,
} from './branches.js';

// Versions and commits
export {
  analyzeVersion,
  planVersionCheck,
  rankPreviousReleaseTags,
  type VersionAnalysis,
  type VersionBump,
} from './version.js';
export { parseReleaseTag, type ReleaseTag } from './version-tags.js';
export {
  compareVersions,
  parseStrictVersion,
  quoteVersionText,
  type SemVerParts,
} from './version-parse.js';
export {
  collectBranchVersionSource,
  collectTagVersionSource,
  selectSourceParseOptions,
} from './version-sources.js';
export { computeImpliedBump, parseConventionalCommit, type ConventionalCommit } from './commits.js';
export { collectFileVersionSource, explainVersionFilePath } from './version-files.js';

// Text helpers: one home for quoting, cutting and plurals
export {
  escapeInvisible,
  MAX_QUOTED_LENGTH,
  neutralizeLogLine,
  neutralizeWorkflowCommands,
  plural,
  quoteShellArgument,
  quoteValue,
  truncateText,
} from './text.js';

// Links into the docs of the running release
export { formatReleaseDocsBaseUrl, linkDocs, linkFindingDocs, PROJECT_URL } from './docs-links.js';
