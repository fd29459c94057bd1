/**
 * Repository contents: a file as JSON (base64) or raw, or a directory listing.
 */
import { createHash } from 'node:crypto';
import { json, notFound, requireRepo, type Handler } from '../http.js';
import { repoApiUrl, repoWebUrl } from '../render.js';

/** The git blob sha of `content`, as `git hash-object` computes it. */
export function blobSha(content: string): string {
  const data = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${data.length}\0`), data]))
    .digest('hex');
}

/** Base64 in lines of 60 characters, each ending in a newline, as GitHub sends it. */
function base64Lines(content: string): string {
  const encoded = Buffer.from(content, 'utf8').toString('base64');
  return (encoded.match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
}

/** True when the Accept header asks for the raw media type. */
function wantsRaw(accept: string | undefined): boolean {
  return /application\/vnd\.github(\.v3)?\.raw(\+json)?/i.test(accept ?? '');
}

const getContent: Handler = async (ctx, req) => {
  const repo = requireRepo(ctx, req);
  const path = (req.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const ref = req.query.ref ?? repo.defaultBranch;
  const api = repoApiUrl(ctx.urls, repo);
  const web = repoWebUrl(ctx.urls, repo);
  const refQuery = `?ref=${encodeURIComponent(ref)}`;
  const links = (p: string, type: 'file' | 'dir', sha: string) => {
    const self = `${api}/contents/${p}${refQuery}`;
    const git = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
    const html = `${web}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${p}`;
    return {
      url: self,
      git_url: git,
      html_url: html,
      download_url:
        type === 'file' ? `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${p}` : null,
      _links: { self, git, html },
    };
  };

  const target = path === '' ? undefined : await ctx.git.readSymlinkTarget(repo, ref, path);
  if (target !== undefined) {
    // A link whose target is not a normal file of the repository is answered
    // as the link itself, whatever media type was asked for.
    const sha = blobSha(target);
    return json(200, {
      type: 'symlink',
      target,
      size: Buffer.byteLength(target),
      name: path.split('/').pop() ?? path,
      path,
      sha,
      ...links(path, 'file', sha),
    });
  }

  const content = path === '' ? undefined : await ctx.git.readFile(repo, ref, path);
  if (content !== undefined) {
    if (wantsRaw(req.headers.accept)) {
      return { status: 200, raw: { contentType: 'text/plain; charset=utf-8', text: content } };
    }
    const sha = blobSha(content);
    return json(200, {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(content),
      name: path.split('/').pop() ?? path,
      path,
      content: base64Lines(content),
      sha,
      ...links(path, 'file', sha),
    });
  }

  const entries = await ctx.git.listDirectory(repo, ref, path);
  if (!entries) throw notFound();
  return json(
    200,
    entries.map((e) => {
      const sha = blobSha(`${ref}:${e.path}`);
      return {
        type: e.type,
        size: e.size,
        name: e.name,
        path: e.path,
        sha,
        ...links(e.path, e.type, sha),
      };
    }),
  );
};

export const contentHandlers: Record<string, Handler> = {
  'repos/get-content': getContent,
};
