/**
 * The home page of a fresh account with 1,000 plays of history, against the same page of a fresh
 * account with none (the baseline), measured in one run:
 *   - server time of GET /api/v1/me/home (app.inject: the route, its queries and serialisation), p50/p95;
 *   - in headless Chromium, cold loads of `/` signed in: first contentful paint, and the time the
 *     first rows are in the page (the first album card of "New releases" and the first row of
 *     "Recently played", or the empty-history note for the baseline), p50/p95;
 *   - the JavaScript the page fetched before its first rows, compressed on the wire (encoded
 *     body bytes, as the server sent them), against the 150 KB budget.
 *   npx vite build && npx tsx bench/home-load.ts [--requests 200] [--loads 7]
 * BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database) instead of PGlite.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildSignedString } from '@contract/signing.js';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { prepareDemoData } from '../server/db/seed/demo.js';
import { numberArg } from './bench-client.js';
import { closure, manifest } from './manifest.js';

const REQUESTS = numberArg('requests', 200);
const LOADS = numberArg('loads', 7);
const PORT = 8262;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-home-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  PORT: String(PORT),
  RATE_LIMIT_PER_MIN: '10000000',
  AUTH_RATE_LIMIT_PER_MIN: '10000000',
  SOUNDLINKS_WORKERS: '0',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const db = await openDatabase(config);
const built = await buildApp(config, { db, logger: false, worker: false });
await prepareDemoData(db, config, built.app.log);
// Audio is not rendered: the songs are marked playable with a stand-in file path.
await db.query("update songs set audio_path = 'bench.mp3', audio_size = 1 where audio_path is null");
await built.app.listen({ port: PORT, host: '127.0.0.1' });
const base = `http://127.0.0.1:${PORT}`;
config.publicOrigin = base;

interface Creds {
  id: string;
  username: string;
  email: string;
  apiToken: string;
  apiSecretKey: string;
}
async function freshAccount(username: string): Promise<Creds> {
  const r = await fetch(`${base}/api/v1/account/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: 'bench-password-long',
      email: `${username}@example.com`,
      code: 'WELCOME',
    }),
  });
  if (r.status !== 200) throw new Error(`register ${username}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Creds;
}
const none = await freshAccount(`home0${Date.now() % 100000}`);
const busy = await freshAccount(`home1000${Date.now() % 100000}`);
// 1,000 listens over the last ~35 days, round the catalog's songs, each tenth from a playlist.
await db.query(
  `insert into listening_history (user_id, song_id, source, context_kind, context_id, played_at)
   select $1, s.id, 'play', case when g % 10 = 0 then 'playlist' else 'album' end,
          case when g % 10 = 0 then 'Mix ' || (g % 4) else s.album_id::text end,
          now() - make_interval(mins => g * 50)
     from generate_series(1, 1000) g
     join lateral (select id, album_id from songs where removed_at is null
                    order by id offset (g * 7) % (select count(*) from songs where removed_at is null) limit 1) s on true`,
  [busy.id],
);

function signed(c: Creds, url: string): Record<string, string> {
  const nonce = Math.floor(Date.now() / 1000);
  const s = buildSignedString({ method: 'GET', url, params: '{}', apiToken: c.apiToken, nonce });
  return {
    host: `127.0.0.1:${PORT}`,
    'x-tokenly-auth-api-token': c.apiToken,
    'x-tokenly-auth-nonce': String(nonce),
    'x-tokenly-auth-signature': crypto.createHmac('sha256', c.apiSecretKey).update(s).digest('base64'),
  };
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (xs: number[]) => `${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.95).toFixed(1)}`;

// Server time, the two accounts alternating so that both see the same machine.
const serverMs: Record<'none' | 'busy', number[]> = { none: [], busy: [] };
for (let i = 0; i < REQUESTS + 20; i++) {
  for (const [name, c] of [
    ['none', none],
    ['busy', busy],
  ] as const) {
    const t0 = performance.now();
    const r = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me/home',
      headers: signed(c, `${base}/api/v1/me/home`),
    });
    const ms = performance.now() - t0;
    if (r.statusCode !== 200) throw new Error(`home: ${r.statusCode} ${r.body}`);
    if (i >= 20) serverMs[name].push(ms); // the first 20 warm the caches and the JIT
  }
}
const busyHome = JSON.parse(
  (await built.app.inject({ method: 'GET', url: '/api/v1/me/home', headers: signed(busy, `${base}/api/v1/me/home`) }))
    .body,
) as { recent: unknown[]; jumpBackIn: unknown[] };

// Cold loads in Chromium: a new context each (empty cache), signed in through the stored session.
declare global {
  interface Window {
    __rows?: { releases?: number; history?: number };
  }
}
const browser = await chromium.launch(chromiumLaunchOptions);
type Load = {
  fcp: number;
  releases: number;
  history: number;
  initialWire: number;
  initialFiles: number;
  jsWire: number;
  jsFiles: number;
  encodings: string;
};
// The page's initial JavaScript: the entry and the home route's chunk with their static imports.
const initialFiles = new Set([...closure(['index.html', 'src/app/routes/home.tsx'])].map((k) => manifest[k]!.file));
const loads: Record<'none' | 'busy', Load[]> = { none: [], busy: [] };
for (let i = 0; i < LOADS + 1; i++) {
  for (const [name, c] of [
    ['none', none],
    ['busy', busy],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const encodings = new Set<string>();
    context.on('response', (res) => {
      if (res.url().endsWith('.js')) encodings.add(res.headers()['content-encoding'] ?? 'identity');
    });
    await context.addInitScript(
      ([key, creds]) => {
        localStorage.setItem(key, JSON.stringify({ state: { credentials: creds }, version: 1 }));
        window.__rows = {};
        new MutationObserver(() => {
          const r = window.__rows!;
          if (r.releases === undefined && document.querySelector('ul[aria-label="New releases"] li'))
            r.releases = performance.now();
          if (
            r.history === undefined &&
            (document.querySelector('ol[aria-label="Recently played"] li') ||
              document.body.textContent?.includes('Play something and it shows up here'))
          )
            r.history = performance.now();
        }).observe(document, { childList: true, subtree: true });
      },
      ['tokenly.session', c] as const,
    );
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(
      () => window.__rows?.releases !== undefined && window.__rows?.history !== undefined,
      null,
      {
        timeout: 30_000,
      },
    );
    const m = await page.evaluate(() => {
      const rows = window.__rows!;
      const first = Math.min(rows.releases!, rows.history!);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => e.name.endsWith('.js') && e.responseEnd <= first,
      );
      return {
        fcp,
        releases: rows.releases!,
        history: rows.history!,
        js: js.map((e) => ({ file: new URL(e.name).pathname.slice(1), bytes: e.encodedBodySize })),
      };
    });
    const initial = m.js.filter((x) => initialFiles.has(x.file));
    const sum = (xs: { bytes: number }[]) => xs.reduce((n, x) => n + x.bytes, 0);
    if (i > 0)
      loads[name].push({
        fcp: m.fcp,
        releases: m.releases,
        history: m.history,
        initialWire: sum(initial),
        initialFiles: initial.length,
        jsWire: sum(m.js),
        jsFiles: m.js.length,
        encodings: [...encodings].join(','),
      }); // the first load warms the server
    await context.close();
  }
}
await browser.close();
await built.close();
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const col = (name: 'none' | 'busy', k: 'fcp' | 'releases' | 'history') => loads[name].map((l) => l[k]);
const ratio = (k: 'fcp' | 'releases' | 'history') => (pct(col('busy', k), 0.5) / pct(col('none', k), 0.5)).toFixed(2);
console.log(
  `home page, ${db.kind}; history of the busy account: ${busyHome.recent.length} recent songs, ${busyHome.jumpBackIn.length} to jump back in\n`,
);
console.log(
  '| measure | no history p50 | p95 | 1,000 plays p50 | p95 | ratio of p50s |\n| --- | ---: | ---: | ---: | ---: | ---: |',
);
console.log(
  `| GET /api/v1/me/home server time, ms (${REQUESTS} each) | ${fmt(serverMs.none)} | ${fmt(serverMs.busy)} | ${(pct(serverMs.busy, 0.5) / pct(serverMs.none, 0.5)).toFixed(2)} |`,
);
for (const [k, label] of [
  ['fcp', 'first contentful paint'],
  ['releases', 'first "New releases" card in the page'],
  ['history', 'first "Recently played" row (baseline: its empty note)'],
] as const)
  console.log(
    `| ${label}, ms (${LOADS} cold loads each) | ${fmt(col('none', k))} | ${fmt(col('busy', k))} | ${ratio(k)} |`,
  );
const kb = (k: 'initialWire' | 'jsWire') =>
  pct(
    loads.busy.map((l) => l[k] / 1024),
    0.5,
  ).toFixed(1);
const b = loads.busy[0]!;
console.log(
  `\nInitial JavaScript of the home page on the wire: ${kb('initialWire')} KB in ${b.initialFiles} files (content-encoding: ${b.encodings}); budget 150 KB.`,
);
console.log(
  `All JavaScript fetched before the first rows (with the lazy shelves): ${kb('jsWire')} KB in ${b.jsFiles} files.`,
);
