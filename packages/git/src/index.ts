export {
  GitError,
  GIT_DOCS,
  classifyGitFailure,
  formatArgs,
  type GitErrorDetails,
  type GitFailureKind,
} from './errors.js';
export { createGit, type Git, type CreateGitOptions, type LogOptions } from './git.js';
export { CommitLogParser, LogFormatError, LOG_FORMAT } from './log-parser.js';
export {
  FileAccessError,
  checkRelativePath,
  readFileInside,
  MAX_VERSION_FILE_BYTES,
  VERSION_FILES_DOCS,
} from './files.js';
export {
  gatherBranchFacts,
  gatherVersionFacts,
  readPushedTag,
  convertVersionNotesToFindings,
  MAX_COMMITS,
  type GatherBranchFactsInput,
  type GatherVersionFactsInput,
  type GatheredVersionFacts,
  type RunnerEnv,
} from './facts.js';
