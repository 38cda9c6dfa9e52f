/**
 * Search-as-you-type latency on a generated catalog of 100,000 songs (10,000 albums, 500 artists;
 * one name in twenty carries an accent): p50/p95 server time of the suggestions for what a
 * listener types (1 to 4 letters of a word, two words, accents typed or not). "SQL" calls the
 * repository directly (every query reaches the database); "route" goes through the real app
 * (app.inject: validation, SQL, serialization) with distinct texts, so its 2 s cache is not hit.
 * On the embedded database, or with BENCH_DATABASE_URL=postgres://… on PostgreSQL.
 *   npx tsx bench/suggest-latency.ts [--songs 100000] [--queries 400]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { insertCatalog, stableUuid, type CatalogPlan } from '../server/db/seed/catalog-writer.js';
import { allGenres, suggest } from '../server/tokenly/suggest-repo.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SONGS = arg('--songs', 100_000);
const QUERIES = arg('--queries', 400);
const PER_ALBUM = 10;
const WORDS =
  'love night blue river fire gold heart dream city rain summer shadow light storm ocean road star moon sun wild electric silent broken sweet lost echo glass iron velvet neon paper café élan señor beyoncé naïve'.split(
    ' ',
  );
const GENRES = ['Rock', 'Jazz', 'Ambient', 'Electronic', 'Folk', 'Pop', 'Hip Hop', 'Classical', 'Blues', 'Metal'];
let seed = 4242;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const title = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function plan(): CatalogPlan {
  const artists = Array.from({ length: 500 }, (_, i) => ({
    id: stableUuid(`sbench:artist:${i}`),
    name: `${title(1)} ${title(1)} ${i}`,
    website: '',
    bio: '',
    genre: pick(GENRES),
    tags: [],
    picturePath: null,
  }));
  const albums = Array.from({ length: SONGS / PER_ALBUM }, (_, i) => {
    const a = artists[i % artists.length]!;
    const name = title(2);
    return {
      id: stableUuid(`sbench:album:${i}`),
      name,
      description: '',
      artistProfileId: a.id,
      artist: a.name,
      artworkPath: null,
      releaseDate: null,
    };
  });
  const songs = albums.flatMap((al, ai) =>
    Array.from({ length: PER_ALBUM }, (_, t) => ({
      id: stableUuid(`sbench:song:${ai}:${t}`),
      albumId: al.id,
      trackNumber: t + 1,
      name: title(1 + Math.floor(rnd() * 3)),
      description: '',
      artist: al.artist,
      artistProfileId: al.artistProfileId,
      genre: pick(GENRES),
      tags: [],
      tokens: [],
      publicStreamable: true,
      priceSat: 100_000_000,
      durationSec: 180,
      releaseDate: null,
    })),
  );
  return { artists, albums, songs };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-suggest-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  WEB_ROOT: '',
  SEED_DEMO: '0',
  RATE_LIMIT_PER_MIN: '10000000',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const db = await openDatabase(config);
await db.exec('truncate songs, albums, artist_profiles cascade');
let t = Date.now();
await db.transaction((tx) => insertCatalog(tx, plan()));
await db.exec('vacuum analyze');
console.log(`backend ${db.kind}: ${SONGS} songs generated and indexed in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const prefix = (w: string, n: number) => [...w].slice(0, n).join('');
const kinds: [string, () => string][] = [
  ['1 letter', () => prefix(pick(WORDS), 1)],
  ['2 letters', () => prefix(pick(WORDS), 2)],
  ['3 letters', () => prefix(pick(WORDS), 3)],
  ['a whole word', () => pick(WORDS)],
  ['two words, the second begun', () => `${pick(WORDS)} ${prefix(pick(WORDS), 2)}`],
  ['accent not typed (beyonce, cafe)', () => pick(['beyonce', 'cafe', 'senor', 'naive', 'elan'])],
  ['no match', () => `zq${Math.floor(rnd() * 1000)}`],
];
const genres = await allGenres(db);
const built = await buildApp(config, { db, logger: false });
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (let i = 0; i < 30; i++) await suggest(db, kinds[i % kinds.length]![1](), genres, 'http://x');

const sql = new Map<string, number[]>();
const all: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  const [kind, make] = kinds[i % kinds.length]!;
  const q = make();
  t = performance.now();
  await suggest(db, q, genres, 'http://x');
  const ms = performance.now() - t;
  all.push(ms);
  sql.set(kind, [...(sql.get(kind) ?? []), ms]);
}
const route: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  // a distinct text each time (a trailing digit in a second word), so the figure is not the cache's
  const q = `${prefix(pick(WORDS), 1 + (i % 4))} ${i}`;
  t = performance.now();
  const r = await built.app.inject({ method: 'GET', url: `/api/v1/music/suggest?q=${encodeURIComponent(q)}` });
  route.push(performance.now() - t);
  if (r.statusCode !== 200) throw new Error(`${q}: ${r.statusCode} ${r.body}`);
}
console.log(`| suggestions (${db.kind}, ${SONGS} songs) | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
for (const [kind, xs] of sql) console.log(`| SQL: ${kind} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} |`);
console.log(`| **SQL: all ${QUERIES} texts** | **${pct(all, 50).toFixed(1)}** | **${pct(all, 95).toFixed(1)}** |`);
console.log(
  `| **route (HTTP through the app), ${QUERIES} distinct texts** | **${pct(route, 50).toFixed(1)}** | **${pct(route, 95).toFixed(1)}** |`,
);
await built.close();
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
