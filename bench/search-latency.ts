/**
 * Search latency on a generated catalog of 100,000 songs: p50/p95 over a mix of searches, answered
 * by the real app (app.inject: routing, validation, SQL, serialization), on the embedded database
 * or, with BENCH_DATABASE_URL=postgres://…, on PostgreSQL.
 *   npx tsx bench/search-latency.ts [--songs 100000] [--queries 400]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { insertCatalog, stableUuid, type CatalogPlan } from '../server/db/seed/catalog-writer.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SONGS = arg('--songs', 100_000);
const QUERIES = arg('--queries', 400);
const PER_ALBUM = 10;

const WORDS =
  'love night blue river fire gold heart dream city rain summer shadow light storm ocean road star moon sun wild electric silent broken sweet lost echo glass iron velvet neon paper'.split(
    ' ',
  );
const GENRES = [
  'Rock',
  'Jazz',
  'Ambient',
  'Electronic',
  'Folk',
  'Pop',
  'Hip Hop',
  'Classical',
  'Blues',
  'Metal',
  'Reggae',
  'Soul',
];
const TAGS = Array.from({ length: 60 }, (_, i) => `tag${i}`);
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const title = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function plan(): CatalogPlan {
  const artists = Array.from({ length: 500 }, (_, i) => ({
    id: stableUuid(`bench:artist:${i}`),
    name: `${title(1)} ${title(1)} ${i}`,
    website: '',
    bio: '',
    genre: pick(GENRES),
    tags: [],
    picturePath: null,
  }));
  const albums = Array.from({ length: SONGS / PER_ALBUM }, (_, i) => {
    const a = artists[i % artists.length]!;
    return {
      id: stableUuid(`bench:album:${i}`),
      name: title(2),
      description: '',
      artistProfileId: a.id,
      artist: a.name,
      artworkPath: null,
      releaseDate: null,
    };
  });
  const songs = albums.flatMap((al, ai) =>
    Array.from({ length: PER_ALBUM }, (_, t) => ({
      id: stableUuid(`bench:song:${ai}:${t}`),
      albumId: al.id,
      trackNumber: t + 1,
      name: title(1 + Math.floor(rnd() * 3)),
      description: '',
      artist: al.artist,
      artistProfileId: al.artistProfileId,
      genre: pick(GENRES),
      tags: [pick(TAGS), pick(TAGS)],
      tokens: [`TOK${ai % 3000}`],
      publicStreamable: true,
      priceSat: 100_000_000,
      durationSec: 180,
      releaseDate: null,
    })),
  );
  return { artists, albums, songs };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-search-bench-'));
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
// The steady state of a catalog: statistics gathered and the visibility map set, as autovacuum does.
await db.exec('vacuum analyze');
console.log(`backend ${db.kind}: ${SONGS} songs generated and indexed in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const built = await buildApp(config, { db, logger: false });
const kinds: [string, () => string][] = [
  ['name keyword', () => `name=${pick(WORDS)}`],
  ['name two keywords AND', () => `name=${pick(WORDS)}%20${pick(WORDS)}`],
  ['artist keyword', () => `artist=${pick(WORDS)}`],
  ['genre', () => `genre=${encodeURIComponent(pick(GENRES))}`],
  ['tag', () => `tag=${pick(TAGS)}`],
  ['token', () => `token=TOK${Math.floor(rnd() * 3000)}`],
  ['genre OR tag', () => `genre=${encodeURIComponent(pick(GENRES))}&tag=${pick(TAGS)}`],
  ['name AND genre, page 3', () => `name=${pick(WORDS)}&genre=${encodeURIComponent(pick(GENRES))}&operator=AND&pg=3`],
];
for (let i = 0; i < 20; i++)
  await built.app.inject({ method: 'GET', url: `/api/v1/library?${kinds[i % kinds.length]![1]()}` });
const all: number[] = [];
const byKind = new Map<string, number[]>();
for (let i = 0; i < QUERIES; i++) {
  const [kind, make] = kinds[i % kinds.length]!;
  t = performance.now();
  // A distinct query string per request: the figure is the database, not the response cache.
  const r = await built.app.inject({ method: 'GET', url: `/api/v1/library?${make()}&nocache=${i}` });
  const ms = performance.now() - t;
  if (r.statusCode !== 200) throw new Error(`${kind}: ${r.statusCode} ${r.body}`);
  all.push(ms);
  byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.log(`| search (${db.kind}, ${SONGS} songs) | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
for (const [kind, xs] of byKind) console.log(`| ${kind} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} |`);
console.log(`| **all ${QUERIES} queries** | **${pct(all, 50).toFixed(1)}** | **${pct(all, 95).toFixed(1)}** |`);
await built.close();
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
