/**
 * The benchmark's server process: a bare Fastify route answering fixed JSON (the baseline) and the
 * real app on a fresh embedded database with the demo catalog's rows, side by side in one process.
 * Prints one JSON line with the ports and a logged-in demo user's credentials.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { prepareDemoData } from '../server/db/seed/demo.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  WEB_ROOT: '',
  RATE_LIMIT_PER_MIN: '10000000',
  AUTH_RATE_LIMIT_PER_MIN: '10000000',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});

const bare = Fastify();
const fixed = [{ id: 'cc6f8915-a7b3-4da1-aa5f-7e505291a181', name: 'A Little Color EP', songCount: 5 }];
bare.get('/fixed', async () => fixed);
await bare.listen({ port: 0, host: '127.0.0.1' });

const db = await openDatabase(config);
const built = await buildApp(config, { db, logger: false });
await prepareDemoData(db, config, built.app.log);
// Audio is not rendered: the benchmark marks the songs as playable with a stand-in file path.
await db.query("update songs set audio_path = 'bench.mp3', audio_size = 1 where audio_path is null");
await built.app.listen({ port: 0, host: '127.0.0.1' });

const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
const appPort = port(built.app);
config.publicOrigin = `http://127.0.0.1:${appPort}`; // what http://HOST:PORT means once the port is known
const login = await fetch(`http://127.0.0.1:${appPort}/api/v1/account/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
});
const creds = await login.json();
const song = await db.query<{ id: string }>(
  "select s.id from songs s where s.public_streamable and 'LITTLECOLOR' <> all(s.tokens) and 'CHIPSFANS' <> all(s.tokens) limit 1",
);
console.log(JSON.stringify({ barePort: port(bare), appPort, creds, paidSongId: song.rows[0]!.id, backend: db.kind }));
process.on('SIGTERM', async () => {
  await built.close();
  await bare.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
