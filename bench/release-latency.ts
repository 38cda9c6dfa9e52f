/**
 * Release latency (issue 15): from the upload of a 3-minute song to the first listener able to
 * stream it — upload, encode (server-signed token, POST /v3/sl/encoding, polling), make the album,
 * release it, authorize the stream and read its first bytes — through the real server process.
 * Target: 15 s or less. The encoding step's share is reported beside the total, so that the cost of
 * the release itself (everything but the encoding) is visible.
 *
 *   npx tsx bench/release-latency.ts [--runs 3] [--port 8231]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeMp3 } from '../server/audio/codec/index.js';
import { popSong } from '../server/audio/watermark/testing/signals.js';
import { connect } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { createSeedUser } from '../server/db/seed/users.js';
import { numberArg, signedCaller, submitEncoding } from './bench-client.js';
import { waitForServer } from './wait-for-server.js';

const arg = numberArg;
const RUNS = arg('runs', 3);
const PORT = arg('port', 8231);
const SECONDS = 180;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.error(`synthesizing a ${SECONDS} s song…`);
const mp3 = await encodeMp3(popSong(SECONDS, 44100, 15), { bitrate: 192 });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-rel-'));
{
  const db = await connect({ pgliteDir: path.join(dataDir, 'db') });
  await migrate(db);
  const artist = await createSeedUser(db, { username: 'bench-artist', password: 'bench-password', email: 'a@x.org' });
  await db.query("insert into artist_profiles (user_id, name) values ($1, 'Bench Artist')", [artist]);
  await createSeedUser(db, { username: 'bench-fan', password: 'bench-password', email: 'f@x.org', credits: 1000 });
  await db.close();
}
const origin = `http://127.0.0.1:${PORT}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: '0',
    WEB_ROOT: '',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MIN: '1000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForServer(origin, 30_000);

async function client(username: string) {
  const r = await fetch(`${origin}/api/v1/account/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  });
  const login = (await r.json()) as { apiToken: string; apiSecretKey: string };
  return signedCaller(origin, login);
}
const artist = await client('bench-artist');
const fan = await client('bench-fan');

interface Job {
  id: string;
  src: string;
  artist: string;
  status: string;
  message: string;
}

async function oneRelease(n: number) {
  const t0 = performance.now();
  const ticket = await artist<{ id: string; uploadUrl: string }>('POST', '/api/v1/artist/uploads', {
    name: `three-minutes-${n}.mp3`,
    size: mp3.length,
    type: 'audio/mpeg',
  });
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', body: new Uint8Array(mp3) });
  if (!put.ok) throw new Error(`upload: ${put.status}`);
  const tUpload = performance.now();
  const job = await artist<Job>('POST', '/api/v1/artist/encodings', { uploadId: ticket.id });
  await submitEncoding(artist, origin, job);
  for (;;) {
    const j = await artist<Job>('GET', `/api/v1/artist/encodings/${job.id}`);
    if (j.status === 'complete') break;
    if (j.status === 'failed') throw new Error(`encoding failed: ${j.message}`);
    await sleep(100);
  }
  const tEncoded = performance.now();
  const album = await artist<{ id: string }>('POST', '/api/v1/artist/albums', { name: `Bench ${n}` });
  const withTrack = await artist<{ tracks: { id: string }[] }>('POST', `/api/v1/artist/albums/${album.id}/tracks`, {
    name: `Three minutes ${n}`,
    encodingId: job.id,
  });
  await artist('POST', `/api/v1/artist/albums/${album.id}/release`, {});
  const auth = await fan<{ authorized: boolean; streamUrl: string }>(
    'POST',
    `/api/v1/stream/${withTrack.tracks[0]!.id}`,
  );
  if (!auth.authorized) throw new Error('the stream was not authorized');
  const first = await fetch(auth.streamUrl, { headers: { range: 'bytes=0-65535' } });
  if (first.status !== 206) throw new Error(`stream: ${first.status}`);
  await first.arrayBuffer();
  const tEnd = performance.now();
  return { upload: tUpload - t0, encode: tEncoded - tUpload, release: tEnd - tEncoded, total: tEnd - t0 };
}

try {
  const runs: Awaited<ReturnType<typeof oneRelease>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRelease(i));
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const median = (k: keyof (typeof runs)[number]) =>
    runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  console.log(`| step (3-minute MP3, 192 kbit/s, ${(mp3.length / 1e6).toFixed(1)} MB; median of ${RUNS}) | seconds |`);
  console.log('| --- | --- |');
  console.log(`| upload (ticket + PUT) | ${s(median('upload'))} |`);
  console.log(`| encode (sign, submit, mark + MP3, polled every 100 ms) | ${s(median('encode'))} |`);
  console.log(
    `| release (album, track, copy of the marked file, release, authorize, first 64 KB) | ${s(median('release'))} |`,
  );
  console.log(`| **upload → first listener streaming** (target ≤ 15) | **${s(median('total'))}** |`);
  console.log(`\nevery run's total: ${runs.map((r) => s(r.total)).join(', ')} s`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
