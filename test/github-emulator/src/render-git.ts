/**
 * Renderers for git data: commits (REST and git-database shapes), refs, tags.
 */
import { nodeId, renderUser, repoApiUrl, repoWebUrl, type Urls } from './render.js';
import type {
  CommitRecord,
  EmulatorState,
  RefRecord,
  RepoRecord,
  TagObjectRecord,
} from './state.js';

const unsigned = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

/** Renders a `commit` (as in `GET /repos/{owner}/{repo}/commits/{ref}`). */
export function renderCommit(
  state: EmulatorState,
  urls: Urls,
  repo: RepoRecord,
  commit: CommitRecord,
) {
  const api = repoApiUrl(urls, repo);
  const web = repoWebUrl(urls, repo);
  const login = commit.authorLogin;
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message.replace(/\n+$/, ''),
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: unsigned,
    },
    author: login ? renderUser(state, urls, login) : null,
    committer: login ? renderUser(state, urls, login) : null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
  };
}

/** Renders a `git-commit` (as in `GET /repos/{owner}/{repo}/git/commits/{sha}`). */
export function renderGitCommit(urls: Urls, repo: RepoRecord, commit: CommitRecord) {
  const api = repoApiUrl(urls, repo);
  const web = repoWebUrl(urls, repo);
  return {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
    verification: unsigned,
  };
}

/** Renders a `git-ref`; `type` is `tag` for annotated tags. */
export function renderRef(urls: Urls, repo: RepoRecord, ref: RefRecord, type: 'commit' | 'tag') {
  const api = repoApiUrl(urls, repo);
  return {
    ref: ref.ref,
    node_id: nodeId('REF', `${repo.id}:${ref.ref}`),
    url: `${api}/git/${ref.ref}`,
    object: {
      type,
      sha: ref.sha,
      url: `${api}/git/${type === 'tag' ? 'tags' : 'commits'}/${ref.sha}`,
    },
  };
}

/** Renders a `git-tag` (an annotated tag object). */
export function renderTagObject(urls: Urls, repo: RepoRecord, tag: TagObjectRecord) {
  const api = repoApiUrl(urls, repo);
  return {
    node_id: nodeId('TAG', tag.sha),
    tag: tag.tag,
    sha: tag.sha,
    url: `${api}/git/tags/${tag.sha}`,
    message: tag.message,
    tagger: tag.tagger,
    object: {
      sha: tag.object.sha,
      type: tag.object.type,
      url: `${api}/git/${tag.object.type === 'tag' ? 'tags' : 'commits'}/${tag.object.sha}`,
    },
    verification: unsigned,
  };
}
