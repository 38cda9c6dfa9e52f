/**
 * Search-as-you-type latency on a generated catalog of 100,000 songs (10,000 albums, 500 artists;
 * one name in twenty carries an accent): p50/p95 server time of the suggestions for what a
 * listener types (1 to 4 letters of a word, two words, accents typed or not). "SQL" calls the
 * repository directly (every query reaches the database); "route" goes through the real app
 * (app.inject: validation, SQL, serialization) with distinct texts, so its 2 s cache is not hit.
 * On the embedded database, or with BENCH_DATABASE_URL=postgres://… on PostgreSQL.
 *   npx tsx bench/suggest-latency.ts [--songs 100000] [--queries 400]
 */
import { buildApp } from '../server/app.js';
import { allGenres, suggest } from '../server/tokenly/suggest-repo.js';
import { arg, generatedCatalogDb, generator, percentile as pct } from './generated-catalog.js';

const SONGS = arg('--songs', 100_000);
const QUERIES = arg('--queries', 400);
const WORDS =
  'love night blue river fire gold heart dream city rain summer shadow light storm ocean road star moon sun wild electric silent broken sweet lost echo glass iron velvet neon paper café élan señor beyoncé naïve'.split(
    ' ',
  );
const GENRES = ['Rock', 'Jazz', 'Ambient', 'Electronic', 'Folk', 'Pop', 'Hip Hop', 'Classical', 'Blues', 'Metal'];
// The queries' own generator: the same queries whether the catalog is generated or cached.
const { rnd, pick } = generator(4242 + 1, WORDS);
const { db, config, done } = await generatedCatalogDb({
  songs: SONGS,
  seed: 4242,
  idPrefix: 'sbench',
  words: WORDS,
  genres: GENRES,
});

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
for (let i = 0; i < 30; i++) await suggest(db, kinds[i % kinds.length]![1](), genres, 'http://x');

const sql = new Map<string, number[]>();
const all: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  const [kind, make] = kinds[i % kinds.length]!;
  const q = make();
  const t = performance.now();
  await suggest(db, q, genres, 'http://x');
  const ms = performance.now() - t;
  all.push(ms);
  sql.set(kind, [...(sql.get(kind) ?? []), ms]);
}
const route: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  // a distinct text each time (a trailing digit in a second word), so the figure is not the cache's
  const q = `${prefix(pick(WORDS), 1 + (i % 4))} ${i}`;
  const t2 = performance.now();
  const r = await built.app.inject({ method: 'GET', url: `/api/v1/music/suggest?q=${encodeURIComponent(q)}` });
  route.push(performance.now() - t2);
  if (r.statusCode !== 200) throw new Error(`${q}: ${r.statusCode} ${r.body}`);
}
console.log(`| suggestions (${db.kind}, ${SONGS} songs) | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
for (const [kind, xs] of sql) console.log(`| SQL: ${kind} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} |`);
console.log(`| **SQL: all ${QUERIES} texts** | **${pct(all, 50).toFixed(1)}** | **${pct(all, 95).toFixed(1)}** |`);
console.log(
  `| **route (HTTP through the app), ${QUERIES} distinct texts** | **${pct(route, 50).toFixed(1)}** | **${pct(route, 95).toFixed(1)}** |`,
);
await built.close();
await done();
