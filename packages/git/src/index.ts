export { GitError, type GitErrorDetails, type GitFailureKind } from './errors.js';
export { createGit, type CompleteHistoryOptions, type CreateGitOptions, type Git } from './git.js';
export type { TreeEntry } from './revision-files.js';
export type { GitHeadStart } from './head-start.js';
export { isInsideRepository } from './inside.js';
export {
  FETCH_TIMEOUT_MS,
  IncompleteHistoryError,
  type HistoryAdvice,
  type HistoryRepair,
} from './history.js';
export type { RevisionRange } from './arguments.js';
export type { CommitSide, SideCommit } from './commit-lists.js';
export type { LogOptions } from './log.js';
export type { CommitMessage } from './log-parser.js';
export type { PatchIdPairOptions } from './patch-ids.js';
export {
  gatherAllReleases,
  gatherReleaseRange,
  type AllReleasesInput,
  type ReleaseRange,
  type ReleaseRangeInput,
} from './release-notes.js';
export {
  MAX_CHANGELOG_BYTES,
  readChangelogFile,
  resolveChangelogPath,
  writeChangelogFile,
  writeReleasesToChangelog,
  type ChangelogRelease,
} from './changelog-file.js';
export {
  gatherBranchFacts,
  gatherVersionFacts,
  readPushedTag,
  type GatherBranchFactsInput,
  type GatherVersionFactsInput,
  type GatheredVersionFacts,
  type RunnerEnv,
} from './facts.js';
export {
  gatherAuditDocumentFacts,
  type AuditDocumentFacts,
  type GatherAuditDocumentFactsInput,
} from './audit-documents.js';
export {
  gatherAuditPatchFacts,
  type AuditPatchFacts,
  type GatherAuditPatchFactsInput,
} from './audit-patches.js';
export { gatherPatchFacts, PatchLineError, type GatherPatchFactsInput } from './patches.js';
export {
  FORWARD_PORT_IDENTITY,
  ForwardPortError,
  pushForwardPort,
  REMOTE_TIMEOUT_MS,
  type ForwardPortInput,
  type ForwardPortResult,
  type ForwardPortSkipReason,
} from './forward-port.js';
export {
  gatherDocumentFacts,
  listMatchingFiles,
  matchGlob,
  readDocument,
  MAX_DOCUMENT_BYTES,
  type DocumentRead,
  type GatherDocumentFactsInput,
  type TemplateSource,
} from './documents.js';
export { createRevisionTemplateSource, readDocumentAt } from './revision-documents.js';
