import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodingJobSchema, uploadTicketSchema } from '@contract/encoding.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { uploadsDir } from './uploads-repo.js';
import { F } from '../test/fixture.js';
import {
  backends,
  aliceAsArtist,
  registeredClient,
  signedClient,
  testServer,
  type TestServer,
} from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;
const QUOTA = 4 * 1024 * 1024;
const MAX_OPEN = 3;

/** An artist's upload space is bounded: stored bytes plus announced sizes of open tickets, and open tickets. */
describe.each(backends())('artist upload quota (%s)', (backend) => {
  let s: TestServer;
  let alice: Client;
  let bob: Client;
  let origin: string;
  const song = () => fs.readFileSync(inject('fixtureMp3'));
  const call = async (c: Client, method: string, url: string, body?: unknown) => {
    const r = await c.call(method, url, body === undefined ? undefined : JSON.stringify(body));
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const ticket = (c: Client, size: number, purpose: 'encode' | 'verify' = 'encode') =>
    call(c, 'POST', '/api/v1/artist/uploads', { name: 'song.mp3', size, type: 'audio/mpeg', purpose });
  const stored = async (c: Client, purpose: 'encode' | 'verify' = 'encode') => {
    const bytes = song();
    const t = uploadTicketSchema.parse((await ticket(c, bytes.length, purpose)).body);
    expect((await fetch(t.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) })).status).toBe(200);
    return t.id;
  };
  const files = () => fs.readdirSync(uploadsDir(s.dataDir)).filter((n) => !n.startsWith('.'));

  beforeAll(async () => {
    s = await testServer(backend, { UPLOAD_QUOTA_MB: String(QUOTA / 1024 / 1024), UPLOAD_MAX_OPEN_TICKETS: '3' });
    origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
    bob = await registeredClient(origin, 'bob', 'bob-password-1');
    await s.db.query(
      `update artist_profiles set user_id = (select id from users where username = 'bob') where id = $1`,
      [F.artists.chips],
    );
  });
  afterAll(() => s.shutdown());

  it('counts stored files and open tickets against the quota, and frees space on delete', async () => {
    const size = song().length;
    expect(size).toBeLessThan(QUOTA / 2);
    await stored(alice);
    const rest = await ticket(alice, QUOTA - size);
    expect(rest.status).toBe(200);
    const over = await ticket(alice, 1);
    expect(over.status).toBe(422);
    expect(over.body.message).toMatch(/upload space: 4 MB of 4 MB are used\. Delete uploads you no longer need/);
    // An abandoned ticket can be deleted too, and its announced size is free again.
    expect((await call(alice, 'DELETE', `/api/v1/artist/uploads/${String(rest.body.id)}`)).status).toBe(204);
    expect((await ticket(alice, QUOTA - size)).status).toBe(200);
    // Its link has expired, but a PUT started just before may still be writing: it still counts.
    await s.db.query(
      `update artist_uploads set created_at = now() - interval '20 minutes' where user_id = $1 and stored_at is null`,
      [stableUuid('user:alice')],
    );
    expect((await ticket(alice, QUOTA - size)).status).toBe(422);
    // A ticket whose link has expired and whose PUT cannot be running any more holds nothing.
    await s.db.query(
      `update artist_uploads set created_at = now() - interval '46 minutes' where user_id = $1 and stored_at is null`,
      [stableUuid('user:alice')],
    );
    expect((await ticket(alice, QUOTA - size)).status).toBe(200);
  });

  it('limits open tickets', async () => {
    await s.db.query('delete from artist_uploads where user_id = $1 and stored_at is null', [stableUuid('user:alice')]);
    for (let i = 0; i < MAX_OPEN; i++) expect((await ticket(alice, 10)).status).toBe(200);
    const r = await ticket(alice, 10);
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/3 uploads waiting for their file: finish them, or delete the ones you gave up on/);
  });

  it('holds under concurrent requests', async () => {
    const sizes = Array.from({ length: 6 }, () => Math.floor(QUOTA * 0.4));
    const answers = await Promise.all(sizes.map((n) => ticket(bob, n)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 422, 422, 422, 422]);
    await s.db.query('delete from artist_uploads where user_id = (select id from users where username = $1)', ['bob']);
    const many = await Promise.all(Array.from({ length: 7 }, () => ticket(bob, 10)));
    expect(many.map((a) => a.status).sort()).toEqual([200, 200, 200, 422, 422, 422, 422]);
    const open = await s.db.query(
      `select count(*)::int as n from artist_uploads where user_id = (select id from users where username = 'bob')`,
    );
    expect(open.rows[0]).toEqual({ n: 3 });
  });

  it('deletes only your own uploads, and none with an encoding in flight', async () => {
    await s.db.query('delete from artist_uploads where user_id = $1 and stored_at is null', [stableUuid('user:alice')]);
    const id = await stored(alice);
    const file = (await s.db.query<{ file_name: string }>('select file_name from artist_uploads where id = $1', [id]))
      .rows[0]!.file_name;
    expect(files()).toContain(file);
    const job = encodingJobSchema.parse((await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: id })).body);
    expect((await call(bob, 'DELETE', `/api/v1/artist/uploads/${id}`)).status).toBe(404);
    expect((await call(alice, 'DELETE', '/api/v1/artist/uploads/not-a-uuid')).status).toBe(404);
    await s.db.query(`update artist_encodings set status = 'processing', query = 'q-in-flight' where id = $1`, [
      job.id,
    ]);
    const busy = await call(alice, 'DELETE', `/api/v1/artist/uploads/${id}`);
    expect(busy).toEqual({
      status: 409,
      body: {
        message: 'An encoding of this upload is in progress: delete it once the job has finished',
        errors: ['An encoding of this upload is in progress: delete it once the job has finished'],
      },
    });
    expect(files()).toContain(file);
    await s.db.query(`update artist_encodings set status = 'complete' where id = $1`, [job.id]);
    expect((await call(alice, 'DELETE', `/api/v1/artist/uploads/${id}`)).status).toBe(204);
    expect(files()).not.toContain(file);
    expect(fs.existsSync(path.join(uploadsDir(s.dataDir), file))).toBe(false);
    expect((await call(alice, 'GET', `/api/v1/artist/encodings/${job.id}`)).status).toBe(404);
    expect((await call(alice, 'DELETE', `/api/v1/artist/uploads/${id}`)).status).toBe(404);

    // Sent to the embedded service but not reported back yet: the queue is reading the file.
    const sent = await stored(alice);
    const job2 = encodingJobSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: sent })).body,
    );
    const signed = await call(alice, 'POST', '/api/v1/soundlinks/sign', {
      mtd: 'POST',
      url: '/v3/sl/encoding',
      arg: { src: job2.src },
    });
    const queued = await fetch(`${origin}/v3/sl/encoding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: signed.body.data }),
    });
    expect(queued.status).toBe(200);
    expect((await call(alice, 'DELETE', `/api/v1/artist/uploads/${sent}`)).status).toBe(409);
  });

  it('gives the space of a verify upload back once it is verified (its file is not kept)', async () => {
    await s.db.query('delete from artist_encodings where user_id = $1', [stableUuid('user:alice')]);
    await s.db.query('delete from artist_uploads where user_id = $1', [stableUuid('user:alice')]);
    const size = song().length;
    const id = await stored(alice, 'verify');
    expect((await ticket(alice, QUOTA - size + 1)).status).toBe(422);
    expect((await call(alice, 'POST', '/api/v1/artist/verify', { uploadId: id })).status).toBe(200);
    expect((await ticket(alice, QUOTA - size + 1)).status).toBe(200);
  });
});
