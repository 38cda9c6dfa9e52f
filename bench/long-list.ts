/**
 * A 10,000-row list in the browser: "My songs" of a listener whose token unlocks 10,000 songs,
 * served by the real app (demo data plus one generated album) to headless Chromium. Measures how
 * many rows are in the DOM and the long tasks (> 50 ms) while the page is scrolled from top to
 * bottom with the mouse wheel, then jumped with End/Home.
 * Budget (issue 4): fewer than 300 rows in the DOM, no long task over 50 ms while scrolling.
 *   npx vite build && npx tsx bench/long-list.ts [--rows 10000]
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { demoApp } from './demo-app.js';
import { runAdmin } from '../server/admin/commands.js';
import { insertCatalog, stableUuid } from '../server/db/seed/catalog-writer.js';

const i = process.argv.indexOf('--rows');
const ROWS = i === -1 ? 10_000 : Number(process.argv[i + 1]);
const PORT = 8198;
// The demo users and catalog, without rendering their audio: this measures the list, not audio.
const { db, listen, dispose } = await demoApp('tokenly-long-list-', PORT);
const artistId = stableUuid('bench:long-list:artist');
const albumId = stableUuid('bench:long-list:album');
await insertCatalog(db, {
  artists: [
    { id: artistId, name: 'Box Set Orchestra', website: '', bio: '', genre: 'Classical', tags: [], picturePath: null },
  ],
  albums: [
    {
      id: albumId,
      name: 'The Complete Recordings',
      description: '',
      artistProfileId: artistId,
      artist: 'Box Set Orchestra',
      artworkPath: null,
      releaseDate: null,
    },
  ],
  songs: Array.from({ length: ROWS }, (_, n) => ({
    id: stableUuid(`bench:long-list:song:${n}`),
    albumId,
    trackNumber: n + 1,
    // Some titles are long, so rows wrap and are measured rather than assumed equal.
    name: n % 7 === 0 ? `Movement ${n + 1}: a rather long title that wraps on narrow screens` : `Movement ${n + 1}`,
    description: '',
    artist: 'Box Set Orchestra',
    artistProfileId: artistId,
    genre: 'Classical',
    tags: [],
    tokens: ['BOXSET'],
    publicStreamable: true,
    priceSat: 100_000_000,
    durationSec: 120 + (n % 300),
    releaseDate: null,
  })),
});
await runAdmin(db, { cmd: 'tokens-grant', username: 'demo', token: 'BOXSET' });
await listen();

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${PORT}/login`);
await page.getByLabel('Username').fill('demo');
await page.getByLabel('Password').fill('demo-password');
await page.getByRole('button', { name: 'Log in' }).click();
await page.getByRole('link', { name: 'My songs' }).first().waitFor();
await page.getByRole('link', { name: 'My songs' }).first().click();
const list = page.getByRole('list', { name: 'My songs' });
await list.getByRole('listitem').first().waitFor({ timeout: 60_000 });

await page.evaluate(() => {
  const w = window as unknown as { longTasks: { duration: number; at: number; y: number }[] };
  w.longTasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.longTasks.push({ duration: e.duration, at: e.startTime, y: window.scrollY });
  }).observe({ type: 'longtask' });
});
const tracing = process.argv.includes('--trace');
if (tracing) await browser.startTracing(page, { path: 'bench/.out/long-list-trace.json', screenshots: false });
const rowsInDom = () => list.getByRole('listitem').count();
const counts = [await rowsInDom()];
const height = await page.evaluate(() => document.documentElement.scrollHeight);
await page.mouse.move(640, 450);
const started = Date.now();
let wheels = 0;
// Wheel down the whole list in 2,000 px steps, one per frame-ish, as a fast flick would.
const atBottom = () =>
  page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 10);
while (!(await atBottom()) && wheels < 2000) {
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(16);
  if (++wheels % 50 === 0) counts.push(await rowsInDom());
}
counts.push(await rowsInDom());
// The last row of the list (the demo's own songs come after the box set in album order).
if (process.argv.includes('--verbose'))
  console.log(
    await page.evaluate(() => ({
      y: window.scrollY,
      h: document.documentElement.scrollHeight,
      last: [...document.querySelectorAll('li[aria-posinset]')].map((e) => e.getAttribute('aria-posinset')).slice(-3),
      sizes: [...document.querySelectorAll('li[aria-posinset]')]
        .slice(0, 3)
        .map((e) => e.getBoundingClientRect().height),
    })),
  );
const total = Number(await list.getByRole('listitem').first().getAttribute('aria-setsize'));
const lastVisible = await list
  .locator(`li[aria-posinset="${total}"]`)
  .waitFor({ timeout: 5000 })
  .then(
    () => true,
    () => false,
  );
await page.keyboard.press('Home');
await page.waitForTimeout(300);
await page.keyboard.press('End');
await page.waitForTimeout(300);
counts.push(await rowsInDom());
const tasks = await page.evaluate(
  () => (window as unknown as { longTasks: { duration: number; at: number; y: number }[] }).longTasks,
);
const longTasks = tasks.map((t) => t.duration);
if (process.argv.includes('--verbose')) console.log(tasks);
const seconds = (Date.now() - started) / 1000;

if (tracing) await browser.stopTracing();
await browser.close();
await dispose();

const maxRows = Math.max(...counts);
const maxTask = longTasks.length ? Math.max(...longTasks) : 0;
console.log(
  `${ROWS} songs in "My songs", document ${height} px high, scrolled in ${wheels} wheel steps (${seconds.toFixed(1)} s)`,
);
console.log(
  `rows in the DOM: at most ${maxRows} (samples ${counts.join(', ')}) — budget < 300 ${maxRows < 300 ? '✔' : '✘'}`,
);
console.log(`last song reached and visible: ${lastVisible ? 'yes' : 'NO'}`);
console.log(
  `long tasks while scrolling: ${longTasks.length}, longest ${maxTask.toFixed(0)} ms — budget none over 50 ms ${maxTask <= 50 ? '✔' : '✘'}`,
);
