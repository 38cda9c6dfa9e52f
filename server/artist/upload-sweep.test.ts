import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uploadTicketSchema } from '@contract/encoding.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { backends, aliceAsArtist, signedClient, testServer, type TestServer } from '../test/harness.js';
import { sweepUploads } from './upload-sweep.js';
import { uploadsDir } from './uploads-repo.js';

describe.each(backends())('sweep of abandoned and stale uploads (%s)', (backend) => {
  let s: TestServer;
  let alice: Awaited<ReturnType<typeof signedClient>>;

  const ticket = async (purpose: 'encode' | 'verify', put: boolean) => {
    const bytes = fs.readFileSync(inject('fixtureMp3'));
    const r = await alice.call(
      'POST',
      '/api/v1/artist/uploads',
      JSON.stringify({ name: 'song.mp3', size: bytes.length, type: 'audio/mpeg', purpose }),
    );
    expect(r.status).toBe(200);
    const t = uploadTicketSchema.parse(await r.json());
    if (put) expect((await fetch(t.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) })).status).toBe(200);
    return t.id;
  };
  const age = (id: string, minutes: number) =>
    s.db.query(`update artist_uploads set created_at = now() - make_interval(mins => $2) where id = $1`, [id, minutes]);
  const fileOf = async (id: string) =>
    (await s.db.query<{ file_name: string }>('select file_name from artist_uploads where id = $1', [id])).rows[0]!
      .file_name;

  beforeAll(async () => {
    s = await testServer(backend);
    const origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
  });
  afterAll(() => s.shutdown());

  it('removes expired tickets and old verify uploads with their files, never an upload a job refers to', async () => {
    const abandoned = await ticket('encode', false);
    const fresh = await ticket('encode', false);
    const oldVerify = await ticket('verify', true);
    const newVerify = await ticket('verify', true);
    const oldSong = await ticket('encode', true);
    const withJob = await ticket('encode', true);
    const jobOnTicket = await ticket('encode', false);
    expect((await alice.call('POST', '/api/v1/artist/encodings', JSON.stringify({ uploadId: withJob }))).status).toBe(
      200,
    );
    // Not reachable through the API (a job needs stored bytes), but the sweep must not rely on that.
    await s.db.query(
      `insert into artist_encodings (user_id, upload_id, artist, uploaded_at) values ($1, $2, 'The Blue Whales', now())`,
      [stableUuid('user:alice'), jobOnTicket],
    );
    for (const id of [abandoned, oldVerify, oldSong, withJob, jobOnTicket]) await age(id, 120);
    await age(fresh, 30);
    await age(newVerify, 30);
    const oldVerifyFile = path.join(uploadsDir(s.dataDir), await fileOf(oldVerify));
    const newVerifyFile = path.join(uploadsDir(s.dataDir), await fileOf(newVerify));
    expect(fs.existsSync(oldVerifyFile)).toBe(true);

    expect(await sweepUploads(s.db, s.dataDir)).toBe(2);

    const left = await s.db.query<{ id: string }>('select id from artist_uploads');
    expect(left.rows.map((r) => r.id).sort()).toEqual([fresh, newVerify, oldSong, withJob, jobOnTicket].sort());
    expect(fs.existsSync(oldVerifyFile)).toBe(false);
    expect(fs.existsSync(newVerifyFile)).toBe(true);
    expect(fs.existsSync(path.join(uploadsDir(s.dataDir), await fileOf(oldSong)))).toBe(true);
    expect(fs.existsSync(path.join(uploadsDir(s.dataDir), await fileOf(withJob)))).toBe(true);
    // Nothing more to do on a second pass.
    expect(await sweepUploads(s.db, s.dataDir)).toBe(0);
  });
});
