import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uploadTicketSchema } from '@contract/encoding.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { uploadsDir } from './uploads-repo.js';
import { backends, aliceAsArtist, signedClient, testServer, type TestServer } from '../test/harness.js';
import { createEncoding } from './encodings-repo.js';

type Client = Awaited<ReturnType<typeof signedClient>>;

/** Defects found by the review of the encoding dashboard's server side, one test each. */
describe.each(backends())('artist encoding dashboard, hostile and unlucky clients (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  const song = () => fs.readFileSync(inject('fixtureMp3'));

  const call = async (method: string, p: string, body?: unknown) => {
    const r = await alice.call(method, p, body === undefined ? undefined : JSON.stringify(body));
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const ticket = async (size: number, purpose: 'encode' | 'verify' = 'encode') => {
    const t = await call('POST', '/api/v1/artist/uploads', { name: 'song.mp3', size, type: 'audio/mpeg', purpose });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    return uploadTicketSchema.parse(t.body);
  };
  const upload = async (bytes: Buffer, purpose: 'encode' | 'verify' = 'encode') => {
    const t = await ticket(bytes.length, purpose);
    const put = await fetch(t.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'audio/mpeg' },
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    return t;
  };

  beforeAll(async () => {
    s = await testServer(backend, { UPLOAD_IDLE_TIMEOUT_SEC: '1' });
    origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
  });
  afterAll(() => s.shutdown());

  it('answers a second verification of a verify upload (whose file is gone) with a 4xx, not a 500', async () => {
    const t = await upload(song(), 'verify');
    const first = await call('POST', '/api/v1/artist/verify', { uploadId: t.id });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await call('POST', '/api/v1/artist/verify', { uploadId: t.id });
    expect(again.status).toBe(422);
    expect(String(again.body.message)).toMatch(/upload/);
  });

  it('makes one job of one upload, even when two requests create it at the same time', async () => {
    const t = await upload(song());
    const userId = stableUuid('user:alice');
    // Two transactions that both pass the "no job yet" check before either commits: on PostgreSQL
    // the second waits on the first's insert and must then answer the first's job, not a second one.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((r) => (firstInserted = r));
    const a = s.db.transaction(async (tx) => {
      const row = await createEncoding(tx, userId, t.id, 'The Blue Whales');
      firstInserted();
      await held;
      return row.id;
    });
    await inserted;
    let bDone = false;
    const b = s.db
      .transaction(async (tx) => (await createEncoding(tx, userId, t.id, 'The Blue Whales')).id)
      .finally(() => (bDone = true));
    // PGlite runs one transaction at a time (b waits for a). On PostgreSQL, a is released once b has
    // either finished on its own (the race lost: a second job) or is waiting on a's uncommitted row.
    if (backend === 'postgres') {
      for (;;) {
        const w = await s.db.query<{ n: number }>('select count(*)::int as n from pg_locks where not granted');
        if (bDone || w.rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    release();
    const [ida, idb] = await Promise.all([a, b]);
    expect(idb).toBe(ida);
    const n = await s.db.query<{ n: number }>('select count(*)::int as n from artist_encodings where upload_id = $1', [
      t.id,
    ]);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('gives up on an upload whose bytes stop arriving, and leaves no temporary file', async () => {
    const t = await ticket(song().length);
    const url = new URL(t.uploadUrl);
    // A client that sends a little and then goes quiet, holding the connection open.
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'PUT', headers: { 'content-type': 'audio/mpeg', 'content-length': String(song().length) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write(song().subarray(0, 1000));
    });
    expect(status).toBe(408);
    const left = fs.existsSync(uploadsDir(s.dataDir))
      ? fs.readdirSync(uploadsDir(s.dataDir)).filter((n) => n.includes(t.id))
      : [];
    expect(left).toEqual([]);
    // The upload can still be made, with the same link, by a client that does send the bytes.
    // (with no Content-Type at all: the bytes are sniffed, not labelled)
    const put = await fetch(t.uploadUrl, { method: 'PUT', body: new Uint8Array(song()) });
    expect(put.status, await put.clone().text()).toBe(200);
    const row = await s.db.query<{ file_name: string }>('select file_name from artist_uploads where id = $1', [t.id]);
    expect(fs.statSync(path.join(uploadsDir(s.dataDir), row.rows[0]!.file_name)).size).toBe(song().length);
  });

  it('answers a repeated or replayed encoding request with the job already in flight, not a second one', async () => {
    const t = await upload(song());
    const job = await call('POST', '/api/v1/artist/encodings', { uploadId: t.id });
    const src = String(job.body.src);
    const sign = async () => {
      const r = await call('POST', '/api/v1/soundlinks/sign', { mtd: 'POST', url: '/v3/sl/encoding', arg: { src } });
      expect(r.status).toBe(200);
      return String(r.body.data);
    };
    const post = async (data: string) => {
      const r = await fetch(`${origin}/v3/sl/encoding`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data }),
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { query: string }).query;
    };
    const token = await sign();
    // The same token sent five times at once (a replay), and a freshly signed one for the same song.
    const queries = await Promise.all([...Array.from({ length: 5 }, () => post(token)), sign().then(post)]);
    expect(new Set(queries).size).toBe(1);
    const jobs = await s.db.query<{ n: number }>('select count(*)::int as n from soundlinks_jobs where src = $1', [
      src,
    ]);
    expect(jobs.rows[0]!.n).toBe(1);
    // Once that job is over, the same song can be encoded again (a retry after a failure).
    await s.db.query("update soundlinks_jobs set stage = 'done', status = 'failed' where query = $1", [queries[0]]);
    const again = await post(await sign());
    expect(again).not.toBe(queries[0]);
  });
});
