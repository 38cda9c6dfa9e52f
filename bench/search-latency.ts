/**
 * Search latency on a generated catalog of 100,000 songs: p50/p95 over a mix of searches, answered
 * by the real app (app.inject: routing, validation, SQL, serialization), on the embedded database
 * or, with BENCH_DATABASE_URL=postgres://…, on PostgreSQL.
 * The min column is the least time of a kind: what the query costs on a quiet machine; the baseline
 * row (a `select 1` between the searches) shows how loaded the machine was during the run.
 * --explain prints, for one query of each kind, EXPLAIN (ANALYZE, BUFFERS) of the statement it ran.
 *   npx tsx bench/search-latency.ts [--songs 100000] [--queries 400] [--explain] [--fresh]
 */
import { buildApp } from '../server/app.js';
import type { Queryable } from '../server/db/connection.js';
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

// The statements of the last search (the term table's probe and count, the page), for --explain.
let last: { sql: string; params: unknown[] }[] = [];
const trace =
  (q: Queryable) =>
  (sql: string, params: unknown[] = []) => {
    if (/song_terms|from songs s/.test(sql)) last.push({ sql, params });
    return q.query(sql, params);
  };
const traced = new Proxy(db, {
  get(target, key) {
    if (key === 'query') return trace(target);
    // A search's statements run in a transaction (one snapshot): traced there too.
    if (key === 'transaction')
      return <T>(fn: (tx: Queryable) => Promise<T>) =>
        target.transaction((tx) => fn({ query: trace(tx) } as Queryable));
    const v: unknown = Reflect.get(target, key);
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});
const built = await buildApp(config, { db: traced, logger: false });
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
const baseline: number[] = [];
for (let i = 0; i < QUERIES; i++) {
  const [kind, make] = kinds[i % kinds.length]!;
  const t = performance.now();
  // A distinct query string per request: the figure is the database, not the response cache.
  const r = await built.app.inject({ method: 'GET', url: `/api/v1/library?${make()}&nocache=${i}` });
  const ms = performance.now() - t;
  if (r.statusCode !== 200) throw new Error(`${kind}: ${r.statusCode} ${r.body}`);
  all.push(ms);
  byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  // The same-run baseline, between the searches: one trivial statement (the machine's load shows here).
  const b = performance.now();
  await db.query('select 1');
  baseline.push(performance.now() - b);
}
console.log(`| search (${db.kind}, ${SONGS} songs) | min ms | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |`);
const row = (xs: number[]) => [0, 50, 95].map((p) => pct(xs, p).toFixed(1)).join(' | ');
for (const [kind, xs] of byKind) console.log(`| ${kind} | ${row(xs)} |`);
console.log(`| baseline: \`select 1\` between the searches | ${row(baseline)} |`);
console.log(`| **all ${QUERIES} queries** | ${row(all).replace(/[\d.]+/g, '**$&**')} |`);
if (process.argv.includes('--explain'))
  for (const [kind, make] of kinds) {
    const url = `/api/v1/library?${make()}&explain=${Math.random()}`;
    last = [];
    await built.app.inject({ method: 'GET', url });
    console.log(`\n### ${kind}: ${url}`);
    for (const statement of last) {
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, timing off, costs off) ${statement.sql}`,
        statement.params,
      );
      console.log(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    }
  }
await built.close();
await done();
