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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-bench-hardening-'));
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

// 1. The reported bomb: 5 minutes of 7.1 silence at 192 kHz in FLAC (about 126 KB).
const bombFile = path.join(dir, 'bomb.flac');
execFileSync('ffmpeg', [
  ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', '300'],
  ...['-i', 'anullsrc=r=192000:cl=7.1', '-c:a', 'flac', bombFile],
]);
const bomb = new Uint8Array(fs.readFileSync(bombFile));
const rows: string[] = [];
for (const [what, bytes] of [
  ['the reported file (header tells its length)', bomb],
  ['the same with its length erased from the header (counted while decoding)', withFlacTotal(bomb, 0)],
] as const) {
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss + before.arrayBuffers;
  const probe = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss + m.arrayBuffers);
  }, 5);
  const t0 = performance.now();
  const outcome = await decodeAudio(bytes, { maxSeconds: 1200 }).then(
    () => 'decoded',
    (e: Error) => e.message,
  );
  clearInterval(probe);
  rows.push(
    `| ${what} (${Math.round(bytes.length / 1024)} KB) | ${mb(peak - before.rss - before.arrayBuffers)} | ${Math.round(performance.now() - t0)} ms | ${outcome} |`,
  );
}
console.log('| hostile FLAC | memory growth (peak RSS + array buffers) | time | outcome |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(r);

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
