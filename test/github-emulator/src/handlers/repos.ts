/**
 * Repositories, the authenticated user, rate limits, collaborator permissions
 * and team membership.
 */
import {
  GitHubError,
  errorBody,
  json,
  notFound,
  requireRepo,
  type Handler,
  type HandlerContext,
} from '../http.js';
import { ensureUser, nodeId, renderRepo, renderUser } from '../render.js';
import { sameRepo, type Permission, type RepoRecord } from '../state.js';

/** The permission a user has on a repository (owner: admin; public: read; else none). */
export function permissionOf(ctx: HandlerContext, repo: RepoRecord, login: string): Permission {
  const record = ctx.state.collaborators.find(
    (c) => sameRepo(c.repo, repo.fullName) && c.username.toLowerCase() === login.toLowerCase(),
  );
  if (record) return record.permission;
  if (repo.owner.toLowerCase() === login.toLowerCase()) return 'admin';
  return repo.private ? 'none' : 'read';
}

/** GitHub's `author_association` of a user on a repository. */
export function authorAssociation(ctx: HandlerContext, repo: RepoRecord, login: string) {
  if (repo.owner.toLowerCase() === login.toLowerCase()) return 'OWNER' as const;
  const member = ctx.state.teams.some(
    (t) =>
      t.org.toLowerCase() === repo.owner.toLowerCase() &&
      t.members.some((m) => m.username.toLowerCase() === login.toLowerCase()),
  );
  if (member) return 'MEMBER' as const;
  const collaborator = ctx.state.collaborators.some(
    (c) => sameRepo(c.repo, repo.fullName) && c.username.toLowerCase() === login.toLowerCase(),
  );
  return collaborator ? ('COLLABORATOR' as const) : ('NONE' as const);
}

const getRepo: Handler = (ctx, req) =>
  json(200, renderRepo(ctx.state, ctx.urls, requireRepo(ctx, req)));

const getAuthenticated: Handler = (ctx) => {
  const status = ctx.state.viewerStatus;
  if (status === 401) throw new GitHubError(401, errorBody(401, 'Requires authentication'));
  if (status === 403) {
    throw new GitHubError(403, errorBody(403, 'Resource not accessible by integration'));
  }
  const user = ensureUser(ctx.state, ctx.state.viewer);
  const stamp = ctx.stamp();
  return json(200, {
    ...renderUser(ctx.state, ctx.urls, user.login),
    user_view_type: 'private',
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: ctx.state.repos.filter((r) => r.owner === user.login).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: stamp,
    updated_at: stamp,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  });
};

const getRateLimit: Handler = (ctx) => {
  const { limit, remaining, reset } = ctx.state.rateLimit;
  const core = { limit, remaining, reset, used: limit - remaining };
  const fresh = (n: number) => ({ limit: n, remaining: n, reset, used: 0 });
  return json(200, {
    resources: {
      core,
      search: fresh(30),
      graphql: fresh(5000),
      integration_manifest: fresh(5000),
      code_search: fresh(10),
    },
    rate: core,
  });
};

const getCollaboratorPermission: Handler = (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const login = req.params.username ?? '';
  const user = ctx.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  if (!user) throw notFound();
  const permission = permissionOf(ctx, repo, user.login);
  const record = ctx.state.collaborators.find(
    (c) => sameRepo(c.repo, repo.fullName) && c.username.toLowerCase() === login.toLowerCase(),
  );
  const roleName = record?.roleName ?? permission;
  const legacy =
    permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(permission);
  return json(200, {
    permission: legacy,
    role_name: roleName,
    user: {
      ...renderUser(ctx.state, ctx.urls, user.login),
      role_name: roleName,
      permissions: {
        pull: rank >= 1,
        triage: rank >= 2,
        push: rank >= 3,
        maintain: rank >= 4,
        admin: rank >= 5,
      },
    },
  });
};

const getTeamMembership: Handler = (ctx, req) => {
  const org = (req.params.org ?? '').toLowerCase();
  const slug = (req.params.team_slug ?? '').toLowerCase();
  const login = (req.params.username ?? '').toLowerCase();
  const team = ctx.state.teams.find(
    (t) => t.org.toLowerCase() === org && t.slug.toLowerCase() === slug,
  );
  const member = team?.members.find((m) => m.username.toLowerCase() === login);
  if (!team || !member) throw notFound();
  return json(200, {
    url: `${ctx.urls.api}/teams/${team.id}/memberships/${member.username}`,
    role: member.role,
    state: member.state,
  });
};

const getUser: Handler = (ctx, req) => {
  const login = req.params.username ?? '';
  const user = ctx.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  if (!user) throw notFound();
  return json(200, {
    ...renderUser(ctx.state, ctx.urls, user.login),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: ctx.stamp(),
    updated_at: ctx.stamp(),
    node_id: nodeId('U', user.id),
  });
};

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
  'users/get-authenticated': getAuthenticated,
  'users/get-by-username': getUser,
  'rate-limit/get': getRateLimit,
  'repos/get-collaborator-permission-level': getCollaboratorPermission,
  'teams/get-membership-for-user-in-org': getTeamMembership,
};
