/**
 * Simulated listeners (issue 19) against the real server process: each one browses the catalog,
 * searches, authorizes a song, streams it with two range requests and saves a playlist, then
 * starts again after a pause. Listeners are added in steps; each step reports its requests per
 * second, p50/p95/p99 per kind and errors, and the run reports the most listeners held with a
 * p99 under 200 ms. The server's resident memory is sampled at idle and under load.
 *
 *   npx tsx bench/listeners.ts [--step 10] [--steps 6] [--step-seconds 12] [--think-ms 100] [--port 8242]
 *   BENCH_DATABASE_URL=postgres://…/postgres [WEB_CONCURRENCY=2] npx tsx bench/listeners.ts
 * (a database named tokenly_bench_listeners is made afresh on that server)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildSignedString } from '@contract/signing.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/app.js';
import { prepareDemoData } from '../server/db/seed/demo.js';
import { mediaDirs } from '../server/storage/files.js';
import { numberArg } from './bench-client.js';
import { footprint, percentile } from './process-memory.js';
import { waitForServer } from './wait-for-server.js';

const STEP = numberArg('step', 10);
const STEPS = numberArg('steps', 6);
const STEP_MS = numberArg('step-seconds', 12) * 1000;
const THINK_MS = numberArg('think-ms', 100);
const PORT = numberArg('port', 8242);
const processes = Number(process.env.WEB_CONCURRENCY || 1);
const origin = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A fresh database with the demo catalog's rows; the songs get one stand-in audio file (1 MB).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-listeners-'));
let databaseUrl: string | undefined;
if (process.env.BENCH_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query('drop database if exists tokenly_bench_listeners with (force)');
  await admin.query('create database tokenly_bench_listeners');
  await admin.end();
  const u = new URL(process.env.BENCH_DATABASE_URL);
  u.pathname = '/tokenly_bench_listeners';
  databaseUrl = u.toString();
}
const env = {
  DATA_DIR: dataDir,
  WEB_ROOT: '',
  PORT: String(PORT),
  RATE_LIMIT_PER_MIN: '10000000',
  AUTH_RATE_LIMIT_PER_MIN: '10000000',
  LOG_LEVEL: 'warn',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};
{
  const config = loadConfig(env);
  const db = await openDatabase(config);
  const quiet = { info: () => undefined, warn: () => undefined } as unknown as Parameters<typeof prepareDemoData>[2];
  await prepareDemoData(db, config, quiet);
  fs.mkdirSync(mediaDirs(dataDir).audio, { recursive: true });
  fs.writeFileSync(path.join(mediaDirs(dataDir).audio, 'bench.mp3'), crypto.randomBytes(1 << 20));
  await db.query("update songs set audio_path = 'bench.mp3', audio_size = 1048576");
  await db.close();
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, ...env, SEED_DEMO: '0', WEB_CONCURRENCY: String(processes) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
// The server never outlives the benchmark, whatever happens to it.
process.on('exit', () => server.kill('SIGKILL'));
process.on('uncaughtException', (err) => {
  console.error(err);
  process.exit(1);
});
console.error('server starting…');
await waitForServer(origin);
console.error('server up');
await sleep(processes > 1 ? 4000 : 2000);
const idle = footprint(server.pid!);

type Kind = 'browse' | 'search' | 'authorize' | 'stream' | 'playlist';
interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
  at: number;
}
const samples: Sample[] = [];

async function timed(kind: Kind, run: () => Promise<Response>): Promise<{ ok: boolean; json(): unknown } | undefined> {
  const t = performance.now();
  try {
    const r = await run();
    const body = Buffer.from(await r.arrayBuffer());
    samples.push({ kind, ms: performance.now() - t, ok: r.ok, at: Date.now() });
    return { ok: r.ok, json: () => JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    samples.push({ kind, ms: performance.now() - t, ok: false, at: Date.now() });
    return undefined;
  }
}

interface Listener {
  creds: { apiToken: string; apiSecretKey: string };
  stop: boolean;
}

function signed(l: Listener, method: string, p: string, body?: string): RequestInit {
  const nonce = Math.floor(Date.now() / 1000);
  const msg = buildSignedString({ method, url: origin + p, params: body ?? '{}', apiToken: l.creds.apiToken, nonce });
  return {
    method,
    headers: {
      'content-type': 'application/json',
      'x-tokenly-auth-api-token': l.creds.apiToken,
      'x-tokenly-auth-nonce': String(nonce),
      'x-tokenly-auth-signature': crypto.createHmac('sha256', l.creds.apiSecretKey).update(msg).digest('base64'),
    },
    ...(body === undefined ? {} : { body }),
  };
}

// Words of the catalog's album names and its genres: searches that find something.
const albumNames = (await (await fetch(`${origin}/api/v1/music/catalog/albums`)).json()) as { name: string }[];
const WORDS = [...new Set(albumNames.flatMap((a) => a.name.split(/\s+/)).filter((w) => /^[a-z]{3,}$/i.test(w)))];
const sample = (await (await fetch(`${origin}/api/v1/library?limit=50`)).json()) as { items: { genre?: string }[] };
const GENRES = [...new Set(sample.items.map((x) => x.genre).filter((g): g is string => !!g))];
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function listen(l: Listener, n: number): Promise<void> {
  let round = 0;
  while (!l.stop) {
    round++;
    const albums = await timed('browse', () => fetch(`${origin}/api/v1/music/catalog/albums`));
    const list = albums?.ok ? (albums.json() as { id: string }[]) : [];
    const album = list.length ? pick(list) : undefined;
    if (album) await timed('browse', () => fetch(`${origin}/api/v1/music/catalog/songs/${album.id}`));
    await timed('search', () =>
      fetch(`${origin}/api/v1/library?name=${encodeURIComponent(pick(WORDS))}&pg=${round % 2}`),
    );
    const songs = await fetch(`${origin}/api/v1/library?genre=${encodeURIComponent(pick(GENRES))}`)
      .then((r) => r.json() as Promise<{ items?: { id: string }[] }>)
      .catch(() => ({ items: [] }));
    const song = songs.items?.length ? pick(songs.items) : undefined;
    if (song) {
      const p = `/api/v1/stream/${song.id}`;
      const auth = await timed('authorize', () => fetch(origin + p, signed(l, 'POST', p)));
      const url = auth?.ok ? (auth.json() as { streamUrl: string | null }).streamUrl : null;
      if (url) {
        await timed('stream', () => fetch(url, { headers: { range: 'bytes=0-65535' } }));
        await timed('stream', () => fetch(url, { headers: { range: 'bytes=524288-589823' } }));
      }
      const doc = JSON.stringify({ [`Bench ${n}`]: [{ id: song.id }] });
      await timed('playlist', () => fetch(`${origin}/api/v1/playlists`, signed(l, 'PUT', '/api/v1/playlists', doc)));
    }
    await sleep(THINK_MS);
  }
}

async function newListener(n: number): Promise<Listener> {
  const username = `bench${n}${crypto.randomBytes(3).toString('hex')}`;
  const body = JSON.stringify({
    username,
    password: 'bench-password-1',
    email: `${username}@example.com`,
    code: 'WELCOME',
  });
  const headers = { 'content-type': 'application/json' };
  await fetch(`${origin}/api/v1/account/register`, { method: 'POST', headers, body });
  const login = await fetch(`${origin}/api/v1/account/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password: 'bench-password-1' }),
  });
  if (!login.ok) throw new Error(`login of ${username}: ${login.status} ${await login.text()}`);
  return { creds: (await login.json()) as Listener['creds'], stop: false };
}

const listeners: Listener[] = [];
const running: Promise<void>[] = [];
const steps: { listeners: number; rps: number; p99: number; errors: number; rssMb: number }[] = [];
const KINDS: Kind[] = ['browse', 'search', 'authorize', 'stream', 'playlist'];
const perKind: string[] = [];
let peakRss = idle.rssMb;
for (let s = 1; s <= STEPS; s++) {
  while (listeners.length < s * STEP) {
    const l = await newListener(listeners.length);
    listeners.push(l);
    running.push(listen(l, listeners.length));
  }
  console.error(`${listeners.length} listeners`);
  const from = Date.now();
  let rss = 0;
  for (let t = 0; t < STEP_MS; t += 1000) {
    await sleep(1000);
    rss = Math.max(rss, footprint(server.pid!).rssMb);
  }
  peakRss = Math.max(peakRss, rss);
  const window = samples.filter((x) => x.at >= from);
  const ms = window.map((x) => x.ms);
  steps.push({
    listeners: listeners.length,
    rps: window.length / (STEP_MS / 1000),
    p99: percentile(ms, 99),
    errors: window.filter((x) => !x.ok).length,
    rssMb: rss,
  });
  if (s === STEPS || percentile(ms, 99) > 400) {
    for (const k of KINDS) {
      const w = window.filter((x) => x.kind === k).map((x) => x.ms);
      perKind.push(
        `| ${listeners.length} | ${k} | ${w.length} | ${percentile(w, 50).toFixed(1)} | ${percentile(w, 95).toFixed(1)} | ${percentile(w, 99).toFixed(1)} |`,
      );
    }
    break;
  }
}
for (const l of listeners) l.stop = true;
await Promise.allSettled(running);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

const held = steps.filter((s) => s.p99 < 200 && s.errors === 0).at(-1)?.listeners ?? 0;
const backend = databaseUrl ? `PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}` : 'PGlite';
console.log(`\n${backend}; think time ${THINK_MS} ms; steps of ${STEP} listeners, ${STEP_MS / 1000} s each`);
console.log(
  `memory (RSS of the server process${processes > 1 ? 'es' : ''}): idle ${idle.rssMb} MB, peak under load ${peakRss} MB`,
);
console.log('| listeners | req/s | p99 ms | errors | RSS MB |\n| ---: | ---: | ---: | ---: | ---: |');
for (const s of steps)
  console.log(`| ${s.listeners} | ${s.rps.toFixed(0)} | ${s.p99.toFixed(1)} | ${s.errors} | ${s.rssMb} |`);
console.log(
  `\nper kind, last step:\n| listeners | kind | requests | p50 ms | p95 ms | p99 ms |\n| ---: | --- | ---: | ---: | ---: | ---: |`,
);
for (const line of perKind) console.log(line);
console.log(`\nlisteners held with p99 < 200 ms and no errors: **${held}**`);
