export * from './errors.js';
export * from './octokit.js';
export * from './context.js';
export * from './policy.js';
export * from './policy-file.js';
export * from './outputs.js';
export * from './log.js';
export * from './markdown.js';
export * from './render.js';
export * from './annotations.js';
export * from './comment.js';
export * from './report.js';
export { ACTIONS_DOCS } from './text.js';
export * from './run-policy.js';
export * from './action.js';
export {
  gatherGitHubFacts,
  DEFAULT_MAX_RELEASES,
  type GatherGitHubFactsInput,
  type GatheredGitHubFacts,
  type PullRequestLookup,
  type RepositoryRef,
} from './api-facts.js';
