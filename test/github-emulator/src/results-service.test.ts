import { createHash } from 'node:crypto';
import { describe, it, expect } from '@jest/globals';
import { startEmulator, type Emulator } from './server.js';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';

/** The backend ids inside the runtime token, as `@actions/artifact` reads them. */
function readIds(emulator: Emulator) {
  const claims = JSON.parse(
    Buffer.from(emulator.runtimeToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { scp: string };
  const scope = claims.scp.split(' ').find((s) => s.startsWith('Actions.Results:')) ?? '';
  const [, run = '', job = ''] = scope.split(':');
  return { workflow_run_backend_id: run, workflow_job_run_backend_id: job };
}

async function twirp(
  emulator: Emulator,
  method: string,
  body: object,
  token = emulator.runtimeToken,
) {
  const response = await fetch(`${emulator.resultsUrl}${SERVICE}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates, uploads in two blocks and finalizes an artifact; returns its id. */
async function uploadArtifact(emulator: Emulator, name: string, bytes: Buffer) {
  const ids = readIds(emulator);
  const created = await twirp(emulator, 'CreateArtifact', { ...ids, name, version: 7 });
  const url = String(created.body.signed_upload_url);
  const half = Math.floor(bytes.length / 2);
  for (const [id, part] of [
    ['YQ==', bytes.subarray(0, half)],
    ['Yg==', bytes.subarray(half)],
  ] as const) {
    const put = await fetch(`${url}&comp=block&blockid=${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: part,
    });
    expect(put.status).toBe(201);
  }
  const list =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><BlockList><Latest>YQ==</Latest><Latest>Yg==</Latest></BlockList>';
  const committed = await fetch(`${url}&comp=blocklist`, {
    method: 'PUT',
    body: list,
    headers: { 'x-ms-blob-content-type': 'application/zip' },
  });
  expect(committed.status).toBe(201);
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const finalized = await twirp(emulator, 'FinalizeArtifact', {
    ...ids,
    name,
    size: String(bytes.length),
    hash: digest,
  });
  return { finalized, digest };
}

describe('the results service', () => {
  it('assembles staged blocks in block-list order and records the digest at finalize', async () => {
    const emulator = await startEmulator();
    try {
      const bytes = Buffer.from('PK-not-really-a-zip-but-bytes');
      const { finalized, digest } = await uploadArtifact(emulator, 'evidence', bytes);
      const [artifact] = emulator.state.artifacts;
      expect(finalized).toEqual({
        status: 200,
        body: { ok: true, artifact_id: String(artifact?.id) },
      });
      expect(artifact?.content?.equals(bytes)).toBe(true);
      expect(artifact?.digest).toBe(digest);
      const listed = await twirp(emulator, 'ListArtifacts', {
        ...readIds(emulator),
        name_filter: 'evidence',
      });
      expect(listed.body.artifacts).toEqual([
        expect.objectContaining({
          name: 'evidence',
          database_id: String(artifact?.id),
          size: String(bytes.length),
          digest,
        }),
      ]);
      const signed = await twirp(emulator, 'GetSignedArtifactURL', {
        ...readIds(emulator),
        name: 'evidence',
      });
      const download = await fetch(String(signed.body.signed_url));
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
      expect(download.headers.get('content-type')).toBe('application/zip');
      emulator.assertNoViolations();
    } finally {
      await emulator.close();
    }
  });

  it('refuses a second artifact of the same name in the run, until the first is deleted', async () => {
    const emulator = await startEmulator();
    try {
      await uploadArtifact(emulator, 'evidence', Buffer.from('one'));
      const again = await twirp(emulator, 'CreateArtifact', {
        ...readIds(emulator),
        name: 'evidence',
        version: 7,
      });
      expect(again).toEqual({
        status: 409,
        body: {
          code: 'already_exists',
          msg: 'an artifact with this name already exists on the workflow run',
        },
      });
      const deleted = await twirp(emulator, 'DeleteArtifact', {
        ...readIds(emulator),
        name: 'evidence',
      });
      expect(deleted.body.ok).toBe(true);
      expect(emulator.state.artifacts).toEqual([]);
      emulator.assertNoViolations();
    } finally {
      await emulator.close();
    }
  });

  it('refuses a finalize whose hash differs from the uploaded bytes', async () => {
    const emulator = await startEmulator();
    try {
      const ids = readIds(emulator);
      const created = await twirp(emulator, 'CreateArtifact', { ...ids, name: 'x', version: 7 });
      await fetch(String(created.body.signed_upload_url), {
        method: 'PUT',
        body: 'abc',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
      });
      const finalized = await twirp(emulator, 'FinalizeArtifact', {
        ...ids,
        name: 'x',
        size: '3',
        hash: 'sha256:00',
      });
      expect(finalized.status).toBe(400);
      expect(emulator.state.artifacts[0]?.finalized).toBe(false);
    } finally {
      await emulator.close();
    }
  });

  it('answers 401 without the runtime token and 403 to a blob URL without its signature', async () => {
    const emulator = await startEmulator();
    try {
      const ids = readIds(emulator);
      expect((await twirp(emulator, 'ListArtifacts', ids, 'wrong')).body).toEqual({
        code: 'unauthenticated',
        msg: 'the runtime token is missing or wrong',
      });
      const created = await twirp(emulator, 'CreateArtifact', { ...ids, name: 'x', version: 7 });
      const unsigned = new URL(String(created.body.signed_upload_url));
      unsigned.searchParams.set('sig', 'forged');
      const put = await fetch(unsigned, {
        method: 'PUT',
        body: 'abc',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
      });
      expect([put.status, put.headers.get('x-ms-error-code')]).toEqual([
        403,
        'AuthenticationFailed',
      ]);
    } finally {
      await emulator.close();
    }
  });

  it('records a call for another run as a violation', async () => {
    const emulator = await startEmulator();
    try {
      const listed = await twirp(emulator, 'ListArtifacts', {
        workflow_run_backend_id: 'another-run',
        workflow_job_run_backend_id: 'another-job',
      });
      expect(listed.status).toBe(403);
      expect(emulator.violations.map((v) => [v.kind, v.operationId, v.message])).toEqual([
        [
          'request',
          'results/ListArtifacts',
          'workflow_run_backend_id is not the run of the runtime token',
        ],
      ]);
    } finally {
      await emulator.close();
    }
  });
});
