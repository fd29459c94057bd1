/**
 * Shared renderers: users, repositories, teams and URLs in the shapes GitHub
 * answers with (every field the description requires is filled).
 */
import type { EmulatorState, RepoRecord, TeamRecord, UserRecord } from './state.js';

/** Where API and web links point. */
export interface Urls {
  /** Base of API links: the emulator, e.g. `http://127.0.0.1:5123`. */
  api: string;
  /** Base of web links, e.g. `https://github.com`. */
  web: string;
  /** Base of release-asset uploads: the emulator's uploads host (uploads.github.com). */
  uploads: string;
}

/** A GraphQL-style node id for a record. */
export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '');
}

/** Finds a user by login, creating a plain one when unknown. */
export function ensureUser(state: EmulatorState, login: string): UserRecord {
  let user = state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  if (!user) {
    user = {
      login,
      id: state.nextId,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      siteAdmin: false,
    };
    state.nextId += 1;
    state.users.push(user);
  }
  return user;
}

/** Renders a `simple-user`. */
export function renderUser(state: EmulatorState, urls: Urls, login: string) {
  const user = ensureUser(state, login);
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: user.siteAdmin,
  };
}

/** The API URL of a repository, e.g. `http://127.0.0.1:5123/repos/o/r`. */
export function repoApiUrl(urls: Urls, repo: RepoRecord | string): string {
  return `${urls.api}/repos/${typeof repo === 'string' ? repo : repo.fullName}`;
}

/** The web URL of a repository, e.g. `https://github.com/o/r`. */
export function repoWebUrl(urls: Urls, repo: RepoRecord | string): string {
  return `${urls.web}/${typeof repo === 'string' ? repo : repo.fullName}`;
}

/** Renders a repository with every field of `full-repository` (also a valid `repository`). */
export function renderRepo(state: EmulatorState, urls: Urls, repo: RepoRecord) {
  const api = repoApiUrl(urls, repo);
  const web = repoWebUrl(urls, repo);
  const host = new URL(urls.web).host;
  const openIssues = state.issues.filter((i) => i.repo === repo.fullName && i.state === 'open');
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: renderUser(state, urls, repo.owner),
    private: repo.private,
    html_url: web,
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${repo.fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    subscribers_count: 0,
    network_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues.length,
    open_issues: openIssues.length,
    is_template: false,
    topics: repo.topics ?? [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.archived,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
  };
}

/** Renders a `team`. */
export function renderTeam(urls: Urls, team: TeamRecord) {
  const api = `${urls.api}/orgs/${team.org}/teams/${team.slug}`;
  return {
    id: team.id,
    node_id: nodeId('T', team.id),
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    url: api,
    html_url: `${urls.web}/orgs/${team.org}/teams/${team.slug}`,
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization' as const,
    parent: null,
  };
}
