import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { decodeAudio, encodeMp3 } from '../audio/codec/index.js';
import { detect } from '../audio/watermark/index.js';
import { popSong } from '../audio/watermark/testing/signals.js';
import { connect, type Db } from '../db/connection.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F } from '../test/fixture.js';
import { backends, freshDb } from '../test/harness.js';
import { signUploadUrl } from '../storage/signed-urls.js';
import { uploadsDir } from '../artist/uploads-repo.js';

const SECRET = 'demo-soundlinks-secret-change-me';
const MEDIA_SECRET = 'crash-test-media-secret';
const ALICE = stableUuid('user:alice');
const token = (url: string, arg: object) =>
  jwt.sign({ iss: 'demo-app', iat: Math.floor(Date.now() / 1000), mtd: 'POST', url, arg }, SECRET);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real server process (`server/main.ts`), as an operator runs it. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      WEB_ROOT: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${origin}/api/v1/genres`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, origin };
    await sleep(100);
  }
  throw new Error('the server did not start in 30 s');
}

const post = async (origin: string, url: string, arg: object) => {
  const r = await fetch(`${origin}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: token(url, arg) }),
  });
  return (await r.json()) as Record<string, string>;
};

/** Alice owns an artist profile and one stored upload of a song long enough to kill its job mid-way. */
async function prepare(db: Db, dataDir: string, mp3: Uint8Array, count = 1): Promise<string[]> {
  await db.query('update artist_profiles set user_id = $1 where id = $2', [ALICE, F.artists.whales]);
  fs.mkdirSync(uploadsDir(dataDir), { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await db.query<{ id: string }>(
      `insert into artist_uploads (user_id, artist_profile_id, purpose, name, declared_size, stored_at, size, audio_type, file_name)
       values ($1, $2, 'encode', 'long.mp3', $3, now(), $3, 'audio/mpeg', 'f') returning id`,
      [ALICE, F.artists.whales, mp3.length],
    );
    const id = r.rows[0]!.id;
    await db.query('update artist_uploads set file_name = $2 where id = $1', [id, `${id}.mp3`]);
    fs.writeFileSync(path.join(uploadsDir(dataDir), `${id}.mp3`), mp3);
    ids.push(id);
  }
  return ids;
}

// A song long enough that its job is still encoding when the server is killed (the test fails if
// the job finished first), rendered and encoded once for both backends.
let longMp3: Promise<Uint8Array> | undefined;
const longSong = () => (longMp3 ??= encodeMp3(popSong(60, 44100, 7), { bitrate: 128 }));

describe.each(backends())('encoding jobs across server processes (%s)', (backend) => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const c of cleanups) await c();
  });

  it('finishes a job whose server was killed mid-encoding, once started again', async () => {
    const mp3 = await longSong();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir, MEDIA_SECRET, SOUNDLINKS_LEASE_SEC: '3' };
    if (backend === 'postgres') {
      const fresh = await freshDb('postgres');
      cleanups.push(fresh.drop);
      await prepare(fresh.db, dataDir, mp3);
      env.DATABASE_URL = fresh.url!;
    } else {
      const db = await connect({
        pgliteDir: path.join(dataDir, 'db'),
        loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]),
      });
      await prepare(db, dataDir, mp3);
      await db.close();
    }
    const [uploadId] = await (async () => {
      // The upload's id, read back from the folder (prepare wrote exactly one).
      return fs.readdirSync(uploadsDir(dataDir)).map((f) => f.replace(/\.mp3$/, ''));
    })();
    const src = (origin: string) => signUploadUrl(origin, MEDIA_SECRET, 'source', uploadId!, ALICE, 9_999_999_999);

    let server = await startServer(env);
    children.push(server.child);
    const { query } = await post(server.origin, '/v3/sl/encoding', {
      src: src(server.origin),
      artist: 'The Blue Whales',
    });
    expect(query).toEqual(expect.any(String));
    // Kill the process (no shutdown at all) while a worker holds the job.
    for (let i = 0; ; i++) {
      const r = await post(server.origin, '/v3/sl/query', { query: query! });
      if (r.message === 'Encoding') break;
      expect(r.status, 'the job finished before it could be interrupted').toBe('processing');
      await sleep(50);
    }
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const encodedDir = path.join(dataDir, 'media', 'encoded');
    const served = () =>
      fs.existsSync(encodedDir) ? fs.readdirSync(encodedDir).filter((f) => !f.startsWith('.')) : [];
    expect(served(), 'no file under a served name before the job completes').toEqual([]);

    server = await startServer(env);
    children.push(server.child);
    let done: Record<string, string> = {};
    for (let i = 0; i < 600; i++) {
      done = await post(server.origin, '/v3/sl/query', { query: query! });
      if (done.status !== 'processing') break;
      await sleep(100);
    }
    expect(done).toMatchObject({ status: 'complete', id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const file = new Uint8Array(await (await fetch(done.url!)).arrayBuffer());
    expect(detect(await decodeAudio(file), 'tokenly-demo-watermark-key')?.id).toBe(done.id);
    expect(served()).toHaveLength(1);
    server.child.kill('SIGTERM');
  }, 180_000);
});

// Two processes can only share a database server: PostgreSQL (the embedded database belongs to one process).
describe.each(backends().filter((b) => b === 'postgres'))('encoding jobs on a shared database (%s)', () => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const c of cleanups) await c();
  });

  it('never runs one job twice when two servers share one PostgreSQL', async () => {
    const mp3 = await encodeMp3(popSong(20, 44100, 8), { bitrate: 128 });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-two-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const fresh = await freshDb('postgres');
    cleanups.push(fresh.drop);
    const ids = await prepare(fresh.db, dataDir, mp3, 6);
    // Both share the data folder, as two servers behind one load balancer share their storage.
    const env = { DATA_DIR: dataDir, MEDIA_SECRET, DATABASE_URL: fresh.url!, SOUNDLINKS_WORKERS: '2' };
    const a = await startServer(env);
    const b = await startServer(env);
    children.push(a.child, b.child);
    const queries: string[] = [];
    for (const [i, id] of ids.entries()) {
      const origin = i % 2 ? b.origin : a.origin;
      const src = signUploadUrl(origin, MEDIA_SECRET, 'source', id, ALICE, 9_999_999_999);
      queries.push((await post(origin, '/v3/sl/encoding', { src }))!.query!);
    }
    for (let i = 0; i < 900; i++) {
      const r = await fresh.db.query<{ n: string }>("select count(*) as n from soundlinks_jobs where stage <> 'done'");
      if (Number(r.rows[0]!.n) === 0) break;
      await sleep(100);
    }
    const jobs = await fresh.db.query<{ status: string; attempts: number; query: string }>(
      'select status, attempts, query from soundlinks_jobs',
    );
    expect(jobs.rows.map((j) => j.query).sort()).toEqual([...queries].sort());
    // Each job was claimed exactly once: a second claim would have counted a second attempt.
    for (const j of jobs.rows) expect(j).toMatchObject({ status: 'complete', attempts: 1 });
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
  }, 180_000);
});
