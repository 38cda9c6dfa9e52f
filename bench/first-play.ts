/**
 * A fresh start as a new user meets it: the server on an empty data directory renders the demo's
 * audio in the background. The demo listener presses Play on the song the render plan reaches
 * last (the oldest album's last track) as soon as the page is up; the benchmark times when that
 * song plays, against when the whole catalog is rendered, in the same run.
 *   npx tsx bench/first-play.ts [--port 8390]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numberArg, signedCaller } from './bench-client.js';
import { waitForServer } from './wait-for-server.js';

const port = numberArg('port', 8390);
const origin = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-first-play-'));
const t0 = Date.now();
const secs = (t: number) => ((t - t0) / 1000).toFixed(1);
const server = spawn(path.resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SOUNDLINKS_WORKERS: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let allRendered: number | undefined;
server.stdout.on('data', (b: Buffer) => {
  if (/demo audio ready in/.test(b.toString())) allRendered ??= Date.now();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// the page and the API are served by the same listener: the first answer of one is the other's
await waitForServer(origin, 120_000);
const pageUp = Date.now();
const login = await fetch(`${origin}/api/v1/account/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
});
const call = signedCaller(origin, (await login.json()) as { apiToken: string; apiSecretKey: string });
type Album = { id: string; name: string; releaseDate?: string | null };
const albums = (await (await fetch(`${origin}/api/v1/music/catalog/albums`)).json()) as Album[];
const oldest = [...albums].sort((a, b) => String(a.releaseDate).localeCompare(String(b.releaseDate)))[0]!;
const songs = (await (await fetch(`${origin}/api/v1/music/catalog/songs/${oldest.id}`)).json()) as {
  id: string;
  name: string;
}[];
const last = songs.at(-1)!;

const pressed = Date.now();
let tries = 0;
let playable: number | undefined;
while (playable === undefined) {
  tries++;
  try {
    await call('POST', `/api/v1/stream/${last.id}`, {});
    playable = Date.now();
  } catch (err) {
    if (!/: 503 /.test(String(err))) throw err;
    await sleep(1000); // the app waits what Retry-After says (5 s); polling each second measures finer
  }
}
while (allRendered === undefined && Date.now() - t0 < 900_000) await sleep(500);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

const wait = (playable - pressed) / 1000;
const whole = allRendered === undefined ? NaN : (allRendered - pressed) / 1000;
console.log(
  `page served after ${secs(pageUp)} s; Play pressed on "${last.name}" (${oldest.name}) at ${secs(pressed)} s`,
);
console.log(`| | seconds after Play |\n| --- | ---: |`);
console.log(`| that song playable (${tries} asks) | ${wait.toFixed(1)} |`);
console.log(`| whole demo catalog rendered (baseline, same run) | ${whole.toFixed(1)} |`);
console.log(`ratio: ${(wait / whole).toFixed(2)} of the wait for the whole catalog`);
