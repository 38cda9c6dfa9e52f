/**
 * Issue 13's figures: the memory one hostile file costs the decoder (target: under 300 MB), and how
 * long a password reset request takes to answer for a known and an unknown address (same time).
 * `npx tsx bench/hardening.ts` (needs ffmpeg). Prints Markdown rows for RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeAudio } from '../server/audio/codec/index.js';
import { withFlacTotal } from '../server/audio/codec/testing.js';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createSeedUser } from '../server/db/seed/users.js';

// A child process per file: its peak resident memory (maxRSS) against its resident memory before.
if (process.argv[2] === '--decode') {
  const bytes = new Uint8Array(fs.readFileSync(process.argv[3]!));
  await decodeAudio(new Uint8Array(1024)).catch(() => undefined); // load the codecs first
  const base = process.memoryUsage().rss;
  const t0 = performance.now();
  const outcome = await decodeAudio(bytes, { maxSeconds: 1200 }).then(
    (p) => `decoded (${p.channels.length} channels kept)`,
    (e: Error) => e.message,
  );
  const ms = Math.round(performance.now() - t0);
  console.log(JSON.stringify({ base, max: process.resourceUsage().maxRSS * 1024, ms, outcome }));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-hardening-'));
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

// 1. The reported bomb: 5 minutes of 7.1 silence at 192 kHz in FLAC (about 126 KB).
const bombFile = path.join(dir, 'bomb.flac');
execFileSync('ffmpeg', [
  ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', '300'],
  ...['-i', 'anullsrc=r=192000:cl=7.1', '-c:a', 'flac', bombFile],
]);
const bomb = new Uint8Array(fs.readFileSync(bombFile));
fs.writeFileSync(path.join(dir, 'erased.flac'), withFlacTotal(bomb, 0));
console.log('| hostile FLAC (one process each) | memory growth (peak RSS − RSS before) | time | outcome |');
console.log('| --- | --- | --- | --- |');
for (const [what, file] of [
  ['the reported file (its header tells its length)', bombFile],
  ['the same with the length erased from its header (stopped by counting)', path.join(dir, 'erased.flac')],
] as const) {
  const out = execFileSync('node_modules/.bin/tsx', ['bench/hardening.ts', '--decode', file]).toString();
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { base: number; max: number; ms: number; outcome: string };
  console.log(
    `| ${what}, ${Math.round(fs.statSync(file).size / 1024)} KB | ${mb(r.max - r.base)} | ${r.ms} ms | ${r.outcome} |`,
  );
}

// 2. Reset requests: known against unknown address, answered before the work is done.
const config = loadConfig({
  DATA_DIR: dir,
  WEB_ROOT: '',
  RATE_LIMIT_PER_MIN: '10000000',
  AUTH_RATE_LIMIT_PER_MIN: '10000000',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const db = await openDatabase(config);
const built = await buildApp(config, { db, logger: false, worker: false, mailer: { send: async () => {} } });
await createSeedUser(db, { username: 'known', password: 'a-long-enough-password', email: 'known@example.com' });
const time = async (email: string) => {
  const t0 = performance.now();
  await built.app.inject({ method: 'POST', url: '/api/v1/password/reset-email', payload: { email } });
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5)); // the work after the answer, not measured into the next one
  return ms;
};
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < 30; i++) await time('warm@example.com');
for (let i = 0; i < 200; i++) {
  known.push(await time('known@example.com'));
  unknown.push(await time(`nobody${i}@example.com`));
}
console.log(`\n| reset request (${db.kind}, 200 each, interleaved) | median answer time |`);
console.log('| --- | --- |');
console.log(`| known address | ${median(known).toFixed(2)} ms |`);
console.log(`| unknown address | ${median(unknown).toFixed(2)} ms |`);
console.log(`| ratio known / unknown | ${(median(known) / median(unknown)).toFixed(2)} |`);
await built.close();
fs.rmSync(dir, { recursive: true, force: true });
