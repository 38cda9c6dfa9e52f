/**
 * Search latency on a generated catalog of 100,000 songs: p50/p95 over a mix of searches, answered
 * by the real app (app.inject: routing, validation, SQL, serialization), on the embedded database
 * or, with BENCH_DATABASE_URL=postgres://…, on PostgreSQL.
 *   npx tsx bench/search-latency.ts [--songs 100000] [--queries 400]
 */
import { buildApp } from '../server/app.js';
import { arg, generatedCatalogDb, generator, percentile as pct } from './generated-catalog.js';

const SONGS = arg('--songs', 100_000);
const QUERIES = arg('--queries', 400);

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
// The queries' own generator: the same queries whether the catalog is generated or cached.
const { rnd, pick } = generator(12345 + 1, WORDS);
const { db, config, done } = await generatedCatalogDb({
  songs: SONGS,
  seed: 12345,
  idPrefix: 'bench',
  words: WORDS,
  genres: GENRES,
  tags: TAGS,
});

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
  const t = performance.now();
  // A distinct query string per request: the figure is the database, not the response cache.
  const r = await built.app.inject({ method: 'GET', url: `/api/v1/library?${make()}&nocache=${i}` });
  const ms = performance.now() - t;
  if (r.statusCode !== 200) throw new Error(`${kind}: ${r.statusCode} ${r.body}`);
  all.push(ms);
  byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
}
console.log(`| search (${db.kind}, ${SONGS} songs) | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
for (const [kind, xs] of byKind) console.log(`| ${kind} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} |`);
console.log(`| **all ${QUERIES} queries** | **${pct(all, 50).toFixed(1)}** | **${pct(all, 95).toFixed(1)}** |`);
await built.close();
await done();
