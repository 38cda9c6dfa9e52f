/**
 * The gap at a change of track, from what the page outputs: headless Chromium logged in as `demo`
 * plays Deep Water (songs that flow into each other) with repeat on, seeks near the end of each song
 * and lets it hand over, while a ScriptProcessor on the player's output (e2e/output-tap.ts) keeps
 * the samples. For each of 20 changes: the longest run of silence (under −60 dBFS) within 0.5 s of
 * the change. Baseline, same run: the same changes with the next song started when the previous
 * one's `end` event fires (what the player did before it scheduled songs on the context's clock).
 *   npx vite build && npx tsx bench/gapless.ts            (a fresh server on port 8222)
 *   BENCH_BASE=http://127.0.0.1:8221 npx tsx bench/gapless.ts   (a running server, demo audio ready)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request as pwRequest, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { startOutputTap, trackChanges } from '../e2e/output-tap.js';
import { albumSongs, waitForDemoAudio } from '../e2e/player-fixtures.js';
import { waitForServer } from './wait-for-server.js';

/** 24 changes with repeat on: 20 within the album, and 4 from its last song (fading out) back to its first (fading in). */
const CHANGES = Number(process.env.CHANGES ?? 24);
const ALBUM = 'Deep Water';
let server: ChildProcess | null = null;
let dataDir = '';
let base = process.env.BENCH_BASE ?? '';
if (!base) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-gapless-bench-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '8222',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SOUNDLINKS_WORKERS: '0',
      RATE_LIMIT_PER_MIN: '100000',
    },
    stdio: 'ignore',
  });
  base = 'http://127.0.0.1:8222';
}
await waitForServer(base, 60_000);
const api = await pwRequest.newContext({ baseURL: base });
await waitForDemoAudio(api, base, [ALBUM], 600_000);
const songs = await albumSongs(api, ALBUM);

const browser = await chromium.launch({
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--autoplay-policy=no-user-gesture-required'],
});

async function session(gapless: boolean): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${base}/login`);
  await page.getByLabel('Username', { exact: true }).fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page.goto(`${base}/albums/${songs[0]!.albumId}`);
  await page.getByRole('button', { name: `Play ${songs[0]!.name}`, exact: true }).click();
  await page.waitForFunction(() => !!window.tokenlyPlayer);
  await page.evaluate((on) => window.tokenlyPlayer!.setGapless(on), gapless);
  const bar = page.getByRole('region', { name: 'Player' });
  const repeat = bar.getByRole('button', { name: /^Repeat/ });
  while (!/all/i.test((await repeat.getAttribute('aria-label')) ?? '')) await repeat.click();
  await page.waitForFunction(() => (window.tokenlyPlayer?.audio()?.currentTime ?? 0) > 0.2);
  await startOutputTap(page);
  for (let i = 0; i < CHANGES; i++) await nextChange(page, i + 1);
  const gaps = (await trackChanges(page)).map((c) => c.gapMs);
  await page.close();
  return gaps;
}

/** Seeks to about 4 s before the end and waits for the change of track to be noted. */
async function nextChange(page: Page, count: number): Promise<void> {
  await page.waitForFunction(() => (window.tokenlyPlayer?.audio()?.currentTime ?? 0) > 0.6);
  const seek = page.getByRole('region', { name: 'Player' }).getByRole('slider', { name: 'Seek' });
  await seek.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(
    (n) => ((window as unknown as { __tap: { changes: unknown[] } }).__tap.changes.length ?? 0) >= n,
    count,
    { timeout: 60_000 },
  );
}

const gapless = await session(true);
const baseline = await session(false);
await browser.close();
await api.dispose();
if (server) {
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Change i leaves track i % n: the ones leaving the last track wrap around, where the music itself fades out and in. */
const within = (xs: number[]) => xs.filter((_, i) => i % songs.length !== songs.length - 1);
const wraps = (xs: number[]) => xs.filter((_, i) => i % songs.length === songs.length - 1);
const row = (name: string, xs: number[]) =>
  `| ${name} | ${xs.length} | ${median(xs).toFixed(2)} | ${Math.max(...xs).toFixed(2)} | ${xs.map((x) => x.toFixed(1)).join(', ')} |`;
console.log(`${ALBUM}, repeat all; silence (< −60 dBFS) within 0.5 s of each change, ms, from the page's output\n`);
console.log('| playback | changes | median ms | worst ms | samples |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('gapless, within the album', within(gapless)));
console.log(row('baseline (`end` event), within the album', within(baseline)));
console.log(row('gapless, last track back to the first (fades in the music)', wraps(gapless)));
console.log(row('baseline, last track back to the first', wraps(baseline)));
