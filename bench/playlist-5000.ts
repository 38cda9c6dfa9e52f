/**
 * Loading and reordering a 5,000-song playlist in the app (issue 21), beside a 50-song one measured
 * in the same run as the baseline: the real app (demo data plus one generated album) in headless
 * Chromium at 1280×900. Measures the time to the first row (from navigation start), the time from
 * a "Move down" click to the moved row on screen, and the long tasks (> 200 ms is the budget: none).
 *   npx vite build && npx tsx bench/playlist-5000.ts [--songs 5000] [--moves 5]
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { demoApp } from './demo-app.js';
import { insertCatalog, stableUuid } from '../server/db/seed/catalog-writer.js';
import { createPlaylist } from '../server/playlists/playlists-write-repo.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const SONGS = arg('--songs', 5000);
const MOVES = arg('--moves', 5);
const PORT = 8213;
// The demo users and catalog, without rendering their audio: this measures the list, not audio.
const { db, listen, dispose } = await demoApp('tokenly-playlist-bench-', PORT);
const artistId = stableUuid('bench:playlist:artist');
const albumId = stableUuid('bench:playlist:album');
const songIds = Array.from({ length: SONGS }, (_, n) => stableUuid(`bench:playlist:song:${n}`));
await insertCatalog(db, {
  artists: [
    { id: artistId, name: 'Mixtape Collective', website: '', bio: '', genre: 'Pop', tags: [], picturePath: null },
  ],
  albums: [
    {
      id: albumId,
      name: 'Five Thousand',
      description: '',
      artistProfileId: artistId,
      artist: 'Mixtape Collective',
      artworkPath: null,
      releaseDate: null,
    },
  ],
  songs: songIds.map((id, n) => ({
    id,
    albumId,
    trackNumber: n + 1,
    name: `Track ${n + 1}`,
    description: '',
    artist: 'Mixtape Collective',
    artistProfileId: artistId,
    genre: 'Pop',
    tags: [],
    tokens: [],
    publicStreamable: true,
    priceSat: 100_000_000,
    durationSec: 120 + (n % 200),
    releaseDate: null,
  })),
});
const demo = (await db.query<{ id: string }>(`select id from users where username = 'demo'`)).rows[0]!.id;
const big = await createPlaylist(db, demo, { name: `Big ${SONGS}`, songIds });
const small = await createPlaylist(db, demo, { name: 'Small 50', songIds: songIds.slice(0, 50) });
await listen();

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
});
await page.goto(`http://127.0.0.1:${PORT}/login`);
await page.getByLabel('Username').fill('demo');
await page.getByLabel('Password').fill('demo-password');
await page.getByRole('button', { name: 'Log in' }).click();
await page.getByRole('link', { name: 'My songs' }).first().waitFor();

const firstRow = 'ol[aria-label="Playlist songs"] > li';
async function measure(p: Page, id: string) {
  await p.goto(`http://127.0.0.1:${PORT}/playlists/${id}`);
  await p.waitForFunction((sel) => document.querySelector(sel) !== null, firstRow, { polling: 'raf', timeout: 60_000 });
  const firstRowMs = await p.evaluate(() => performance.now());
  const moves: number[] = [];
  for (let m = 0; m < MOVES; m++) {
    moves.push(
      await p.evaluate(async (sel) => {
        const first = document.querySelector(sel)!;
        const name = first.getAttribute('aria-label')!;
        const button = first.querySelector<HTMLButtonElement>('button[data-move="down"]')!;
        const t0 = performance.now();
        button.click();
        // (no named functions in here: tsx would wrap them in a helper the page does not have)
        while (document.querySelector(sel)?.getAttribute('aria-label') === name) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now() - t0;
      }, firstRow),
    );
    // let the save go out and come back before the next move, as a person would
    await p.waitForTimeout(1500);
  }
  const rows = await p.locator(firstRow).count();
  const longTasks = await p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  return { firstRowMs, moves, rows, longTasks };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const base = await measure(page, small);
const heavy = await measure(page, big);
await browser.close();
await dispose();

for (const [label, r] of [
  ['50 songs (baseline)', base],
  [`${SONGS} songs`, heavy],
] as const) {
  const over = r.longTasks.filter((t) => t > 200);
  console.log(
    `${label}: first row ${r.firstRowMs.toFixed(0)} ms after navigation; move applied on screen in median ` +
      `${median(r.moves).toFixed(1)} ms (max ${Math.max(...r.moves).toFixed(1)}); rows in the DOM ${r.rows}; ` +
      `long tasks ${r.longTasks.length} (longest ${Math.max(0, ...r.longTasks).toFixed(0)} ms), over 200 ms: ${over.length}`,
  );
}
console.log(
  `ratio ${SONGS}/50: first row ×${(heavy.firstRowMs / base.firstRowMs).toFixed(2)}, move ×${(median(heavy.moves) / median(base.moves)).toFixed(2)}`,
);
console.log(`budget: 0 long tasks over 200 ms with ${SONGS} songs ${heavy.longTasks.some((t) => t > 200) ? '✘' : '✔'}`);
