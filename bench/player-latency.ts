/**
 * Player latency on localhost in headless Chromium, against the real server (fresh data directory,
 * after the demo audio is rendered), logged in as `demo`:
 *  - cold: from the click on a row's Play (a song never played: authorization with its charge,
 *    Howler, loading) to the audio element's currentTime advancing;
 *  - next: from the click on Next to the next song's currentTime advancing, when it was preloaded.
 * The change of track by itself (the gap) is measured from the page's output by bench/gapless.ts.
 * Baseline (same run): a bare `new Audio(url).play()` of the same file, cold (no authorization,
 * no Howler). Budgets (issue 5): cold median ≤ 400 ms, next ≤ 150 ms.
 *   npx vite build && npx tsx bench/player-latency.ts
 *   BENCH_BASE=http://127.0.0.1:8221 npx tsx bench/player-latency.ts   (a running server)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request as pwRequest } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { albumSongs, waitForDemoAudio } from '../e2e/player-fixtures.js';
import { waitForServer } from './wait-for-server.js';

const PORT = 8196;
const ALBUMS = [
  'Circuit Breaker',
  'Deep Water',
  'Keys in the Rain',
  'Kitchen Table Sessions',
  'Sunny Afternoons',
  'Ledger Lullabies',
  'Quiet Hours',
];
// BENCH_BASE: measure a running server (demo audio ready) instead of starting one on a fresh directory.
const external = process.env.BENCH_BASE;
const dataDir = external ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-player-bench-'));
// One process (not the tsx wrapper), so that stopping it at the end really stops the server.
const server = external
  ? null
  : spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SOUNDLINKS_WORKERS: '0',
        RATE_LIMIT_PER_MIN: '100000',
      },
      stdio: 'ignore',
    });
const base = external ?? `http://127.0.0.1:${PORT}`;
await waitForServer(base, 60_000);
const api = await pwRequest.newContext({ baseURL: base });
await waitForDemoAudio(api, base, ALBUMS);

const browser = await chromium.launch({
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--autoplay-policy=no-user-gesture-required'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// tsx names the functions passed to evaluate() with a helper the page does not have.
await page.addInitScript('window.__name = (f) => f');
await page.goto(`${base}/login`);
await page.getByLabel('Username', { exact: true }).fill('demo');
await page.getByLabel('Password', { exact: true }).fill('demo-password');
await page.getByRole('button', { name: 'Log in' }).click();
await page.getByRole('button', { name: 'Log out' }).waitFor();
const playerBar = page.getByRole('region', { name: 'Player' });

/** Arms a timer at the next click (capture phase), so the measure starts at the real click. */
const armClick = () =>
  page.evaluate(() => {
    const w = window as unknown as { t0: number; prevSrc: string };
    w.prevSrc = window.tokenlyPlayer?.audio()?.src ?? '';
    document.addEventListener('click', () => (w.t0 = performance.now()), { capture: true, once: true });
  });
/** ms from the armed moment to a new song's audio moving. */
const untilNewAudioMoves = (from: 't0') =>
  page.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as Record<string, number | string>;
        const started = performance.now();
        const poll = () => {
          const a = window.tokenlyPlayer?.audio();
          if (a && a.src !== w.prevSrc && a.currentTime > 0 && !a.paused && w[key]) {
            return resolve(performance.now() - (w[key] as number));
          }
          if (performance.now() - started > 30_000) return reject(new Error('the audio did not start'));
          setTimeout(poll, 0);
        };
        poll();
      }),
    from,
  );

async function seekTo(sec: number) {
  const slider = playerBar.getByRole('slider', { name: 'Seek' });
  const max = Number(await slider.getAttribute('aria-valuemax'));
  const box = (await slider.boundingBox())!;
  await slider.click({ position: { x: (box.width * sec) / max, y: box.height / 2 } });
  return max;
}
const waitPreloaded = () =>
  page.waitForFunction(() => (window.tokenlyPlayer?.preloaded()?.readyState ?? 0) >= 3, null, { timeout: 30_000 });

const cold: number[] = [];
const next: number[] = [];
const bare: number[] = [];
for (const album of ALBUMS) {
  const songs = await albumSongs(api, album);
  await page.goto(`${base}/albums/${songs[0]!.albumId}`);
  const play = page.getByRole('button', { name: `Play ${songs[0]!.name}`, exact: true });
  await play.waitFor();
  await armClick();
  await play.click();
  cold.push(await untilNewAudioMoves('t0'));

  // Baseline: the same file, in a bare element (a query parameter makes it a new resource).
  bare.push(
    await page.evaluate(async () => {
      const src = `${window.tokenlyPlayer!.audio()!.src}&bench=${Math.random()}`;
      const a = new Audio(src);
      a.muted = true;
      const t0 = performance.now();
      await a.play();
      while (a.currentTime <= 0) await new Promise((r) => setTimeout(r, 0));
      const ms = performance.now() - t0;
      a.pause();
      a.removeAttribute('src');
      a.load();
      return ms;
    }),
  );

  // Near the end, the next song is authorized and loaded; Next then starts it.
  const d1 = Number(await playerBar.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuemax'));
  await seekTo(d1 - 10);
  await waitPreloaded();
  await armClick();
  await playerBar.getByRole('button', { name: 'Next', exact: true }).click();
  next.push(await untilNewAudioMoves('t0'));
}

await browser.close();
await api.dispose();
if (server) {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const forced = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const row = (name: string, xs: number[], budget: number) =>
  `| ${name} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ≤ ${budget} ${median(xs) <= budget ? '✔' : '✘'} | ${fmt(xs)} |`;
console.log(`${ALBUMS.length} albums; ms from the click (or the end of the previous song) to currentTime advancing\n`);
console.log('| measure | median ms | worst ms | budget (median) | samples |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('cold play (not played before)', cold, 400));
console.log(row('Next, preloaded', next, 150));
console.log(
  `| baseline: bare Audio().play() of the same file | ${median(bare).toFixed(0)} | ${Math.max(...bare).toFixed(0)} | — | ${fmt(bare)} |`,
);
console.log(`\ncold play / bare element: ${(median(cold) / median(bare)).toFixed(2)}×`);
