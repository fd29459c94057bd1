/**
 * An organisation's repositories, paginated, as an organisation-wide audit
 * lists them.
 */
import { listResponse, notFound, type Handler } from '../http.js';
import { renderRepo } from '../render.js';

// Sorted by full name (ascending by default) or by creation time (newest
// first by default); `type` public and private are honoured, forks lists none
// (the records hold no forks).
const listForOrg: Handler = (ctx, req) => {
  const org = (req.params.org ?? '').toLowerCase();
  const known = ctx.state.users.some(
    (u) => u.login.toLowerCase() === org && u.type === 'Organization',
  );
  const repos = ctx.state.repos.filter((r) => r.owner.toLowerCase() === org);
  if (!known && repos.length === 0) throw notFound();
  const type = req.query.type ?? 'all';
  const byName = req.query.sort === 'full_name';
  const ascending = (req.query.direction ?? (byName ? 'asc' : 'desc')) === 'asc';
  const selected = repos
    .filter((r) => type !== 'public' || !r.private)
    .filter((r) => type !== 'private' || r.private)
    .filter(() => type !== 'forks')
    .sort((a, b) => {
      const order = byName
        ? a.fullName.localeCompare(b.fullName)
        : a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
      return ascending ? order : -order;
    });
  return listResponse(
    ctx,
    req,
    selected.map((r) => renderRepo(ctx.state, ctx.urls, r)),
  );
};

export const orgHandlers: Record<string, Handler> = {
  'repos/list-for-org': listForOrg,
};
