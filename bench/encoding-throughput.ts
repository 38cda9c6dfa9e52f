/**
 * Encoding throughput (issue 8): a 3-minute song from submit to complete, and 10 songs submitted at
 * once, through the real server process and the artist's whole HTTP flow (upload, server-signed
 * token, POST /v3/sl/encoding, polling the job list). The baseline is the bare pipeline (decode,
 * mark, MP3 encode) of the same song in this process, measured in the same run.
 *
 *   npx tsx bench/encoding-throughput.ts [--songs 10] [--workers 1]
 *   (BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeAudio, encodeMp3 } from '../server/audio/codec/index.js';
import { embed } from '../server/audio/watermark/index.js';
import { popSong } from '../server/audio/watermark/testing/signals.js';
import { connect } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { createSeedUser } from '../server/db/seed/users.js';
import { numberArg, signedCaller, submitEncoding } from './bench-client.js';
import { waitForServer } from './wait-for-server.js';

const arg = numberArg;
const SONGS = arg('songs', 10);
const WORKERS = arg('workers', 1);
const SECONDS = 180;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.error(`synthesizing a ${SECONDS} s song…`);
const mp3 = await encodeMp3(popSong(SECONDS, 44100, 11), { bitrate: 192 });

// Baseline: the pipeline alone, as the worker runs it, without queue, database or HTTP.
const t0 = performance.now();
const marked = embed(await decodeAudio(mp3), '0123456789abcdef', 'bench-key');
await encodeMp3(marked, { bitrate: 192 });
const pipelineMs = performance.now() - t0;

// A data directory with one artist, then the real server on it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-enc-'));
const dbUrl = process.env.BENCH_DATABASE_URL;
{
  const db = await connect(dbUrl ? { databaseUrl: dbUrl } : { pgliteDir: path.join(dataDir, 'db') });
  await migrate(db);
  await db.query(
    "delete from artist_encodings where user_id in (select id from users where username = 'bench-artist')",
  );
  await db.query("delete from artist_uploads where user_id in (select id from users where username = 'bench-artist')");
  await db.query("update artist_profiles set user_id = null where name = 'Bench Artist'");
  await db.query("delete from users where username = 'bench-artist'");
  const userId = await createSeedUser(db, {
    username: 'bench-artist',
    password: 'bench-password',
    email: 'b@example.com',
  });
  await db.query("insert into artist_profiles (user_id, name) values ($1, 'Bench Artist')", [userId]);
  await db.close();
}
const port = 30_000 + Math.floor(Math.random() * 20_000);
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: '0',
    WEB_ROOT: '',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MIN: '1000000',
    SOUNDLINKS_WORKERS: String(WORKERS),
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForServer(origin, 30_000);

const login = (await (
  await fetch(`${origin}/api/v1/account/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-artist', password: 'bench-password' }),
  })
).json()) as { apiToken: string; apiSecretKey: string };

const call = signedCaller(origin, login);

interface Job {
  id: string;
  src: string;
  artist: string;
  status: string;
  message: string;
}

/** Uploads one song and makes it a job (not timed: the benchmark starts at submit). */
async function prepareJob(): Promise<Job> {
  const t = await call<{ id: string; uploadUrl: string }>('POST', '/api/v1/artist/uploads', {
    name: 'three-minutes.mp3',
    size: mp3.length,
    type: 'audio/mpeg',
  });
  const put = await fetch(t.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'audio/mpeg' },
    body: new Uint8Array(mp3),
  });
  if (!put.ok) throw new Error(`upload: ${put.status}`);
  return call<Job>('POST', '/api/v1/artist/encodings', { uploadId: t.id });
}

const submit = (job: Job) => submitEncoding(call, origin, job);

/** Submits the jobs at once and polls the job list (every 100 ms) until all are final. */
async function run(jobs: Job[]): Promise<{ totalMs: number; each: number[] }> {
  const start = performance.now();
  const each = new Map<string, number>();
  await Promise.all(jobs.map(submit));
  while (each.size < jobs.length) {
    const list = await call<Job[]>('GET', '/api/v1/artist/encodings');
    for (const j of list) {
      if (!jobs.some((x) => x.id === j.id) || each.has(j.id)) continue;
      if (j.status === 'failed') throw new Error(`job failed: ${j.message}`);
      if (j.status === 'complete') each.set(j.id, performance.now() - start);
    }
    if (performance.now() - start > 600_000) throw new Error('not done in 10 minutes');
    await sleep(100);
  }
  return { totalMs: performance.now() - start, each: [...each.values()].sort((a, b) => a - b) };
}

try {
  const single = await run([await prepareJob()]);
  const batch = await run(await Promise.all(Array.from({ length: SONGS }, prepareJob)));
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const backend = dbUrl ? 'PostgreSQL' : 'PGlite';
  console.log(
    `\n${backend}, SOUNDLINKS_WORKERS=${WORKERS}, a ${SECONDS} s stereo 44.1 kHz song (192 kbit/s MP3, ${(mp3.length / 1e6).toFixed(1)} MB):\n`,
  );
  console.log('| measurement | seconds | ratio to baseline | target |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(`| bare pipeline in-process (decode, mark, encode; baseline) | ${s(pipelineMs)} | 1.00 | |`);
  console.log(
    `| one song, submit → complete | ${s(single.totalMs)} | ${(single.totalMs / pipelineMs).toFixed(2)} | ≤ 20 s ${single.totalMs <= 20_000 ? '✔' : '✘'} |`,
  );
  console.log(
    `| ${SONGS} songs at once, submit → all complete | ${s(batch.totalMs)} | ${(batch.totalMs / (SONGS * pipelineMs)).toFixed(2)} (to ${SONGS} × baseline) | all complete ✔ |`,
  );

  console.log(
    `| ${SONGS} songs at once: first / median / last complete | ${s(batch.each[0]!)} / ${s(batch.each[Math.floor(batch.each.length / 2)]!)} / ${s(batch.each.at(-1)!)} | | |`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
