/**
 * Screenshots of the listener's pages with the real server and the demo data, at 1280 and 390 px,
 * light and dark: home, search (suggestions open, and the full results page), album, artist,
 * library and settings, signed in as the demo listener (who has a history, and here likes, saves
 * and follows something first).
 *   npx vite build && npx tsx bench/screens.ts [--out /work/screens/17] [--port 8263]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { numberArg, signedCaller } from './bench-client.js';
import { waitForServer } from './wait-for-server.js';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1]! : '/work/screens/17';
const PORT = numberArg('port', 8263);
fs.mkdirSync(out, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-screens-'));
const server = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${PORT}`;
try {
  await waitForServer(base, 120_000);
  const login = (await (
    await fetch(`${base}/api/v1/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo-password' }),
    })
  ).json()) as { id: string; apiToken: string; apiSecretKey: string };
  const call = signedCaller(base, login);
  const albums = await call<{ items: { id: string; name: string; artist: string; artistProfileID: string | null }[] }>(
    'GET',
    '/api/v1/music/albums?sort=newest&limit=12',
  );
  const album = albums.items.find((a) => a.artistProfileID) ?? albums.items[0]!;
  const songs = await call<{ id: string }[]>('GET', `/api/v1/music/catalog/songs/${album.id}`);
  for (const s of songs.slice(0, 3)) await call('PUT', `/api/v1/me/library/songs/${s.id}`);
  await call('PUT', `/api/v1/me/library/albums/${album.id}`);
  if (album.artistProfileID) await call('PUT', `/api/v1/me/library/artists/${album.artistProfileID}`);
  // A few listens, so that home has something to jump back into (the stream grant, then the play event).
  for (const a of albums.items.slice(0, 6)) {
    const tracks = await call<{ id: string; publicStreamable: boolean }[]>(
      'GET',
      `/api/v1/music/catalog/songs/${a.id}`,
    );
    for (const t of tracks.filter((x) => x.publicStreamable).slice(0, 2)) {
      // the first start renders the demo audio: a song answers 503 until its file is ready
      for (let i = 0; ; i++) {
        const ok = await call('POST', `/api/v1/stream/${t.id}`).then(
          () => true,
          (err: unknown) => {
            if (i > 300 || !String(err).includes(': 503 ')) throw err;
            return false;
          },
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await call('POST', '/api/v1/me/plays', { songId: t.id, context: { kind: 'album', id: a.id } });
    }
  }
  const query = album.artist.slice(0, 3).toLowerCase();

  const shots: [string, string, (p: Page) => Promise<void>][] = [
    ['home', '/', (p) => p.getByRole('list', { name: 'Recently played' }).waitFor()],
    [
      'search-suggestions',
      '/',
      async (p) => {
        await p.getByRole('list', { name: 'New releases' }).waitFor();
        const box = p.getByRole('combobox', { name: 'Search songs, albums and artists' });
        await box.click();
        await box.pressSequentially(query, { delay: 60 });
        await p.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first().waitFor();
      },
    ],
    ['search-results', `/search?q=${encodeURIComponent(query)}`, (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['album', `/albums/${album.id}`, (p) => p.getByRole('list', { name: 'Tracks' }).waitFor()],
    ['artist', `/artists/${album.artistProfileID}`, (p) => p.getByRole('list', { name: 'Discography' }).waitFor()],
    ['library', '/library', (p) => p.getByRole('list', { name: 'Liked songs' }).waitFor()],
    ['settings', '/settings', (p) => p.getByRole('list', { name: 'Sessions' }).waitFor()],
  ];
  const browser = await chromium.launch(chromiumLaunchOptions);
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height: width > 800 ? 900 : 844 },
        colorScheme,
        ...(width < 800 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      await context.addInitScript(
        ([key, creds]) => localStorage.setItem(key, JSON.stringify({ state: { credentials: creds }, version: 1 })),
        ['tokenly.session', { ...login, username: 'demo', email: 'demo@example.com' }] as const,
      );
      const page = await context.newPage();
      for (const [name, url, ready] of shots) {
        await page.goto(base + url);
        await ready(page).catch(async (err: unknown) => {
          await page.screenshot({ path: path.join(out, `failed-${name}.png`) });
          throw err;
        });
        await page.waitForLoadState('networkidle');
        const file = path.join(out, `${name}-${width}-${colorScheme}.png`);
        // the whole page on a desktop; on a phone the screen as it is seen (a fixed bottom bar would
        // land mid-page in a full-page capture)
        await page.screenshot({ path: file, fullPage: width > 800 && name !== 'search-suggestions' });
        console.log(file);
      }
      await context.close();
    }
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
