/**
 * A generated catalog for the search benchmarks: `songs` songs in albums of ten over 500 artists,
 * names drawn from a word list by a seeded generator (the same seed gives the same catalog), loaded
 * into a database (the embedded one, or BENCH_DATABASE_URL) with statistics gathered, and kept there
 * for the next run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import type { Db, Queryable } from '../server/db/connection.js';
import { insertCatalog, stableUuid, type CatalogPlan } from '../server/db/seed/catalog-writer.js';

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};

export interface CatalogSpec {
  songs: number;
  seed: number;
  /** distinguishes the ids of one benchmark's catalog from another's */
  idPrefix: string;
  words: readonly string[];
  genres: readonly string[];
  /** two tags per song, and a token per album (of 3,000), when given */
  tags?: readonly string[];
}

const PER_ALBUM = 10;

/** The generator: `rnd` in [0, 1), `pick` one of, `title` of n words. */
export function generator(seed: number, words: readonly string[]) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const title = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  return { rnd, pick, title };
}

export function catalogPlan(spec: CatalogSpec, g = generator(spec.seed, spec.words)): CatalogPlan {
  const { rnd, pick, title } = g;
  const id = (what: string) => stableUuid(`${spec.idPrefix}:${what}`);
  const artists = Array.from({ length: 500 }, (_, i) => ({
    id: id(`artist:${i}`),
    name: `${title(1)} ${title(1)} ${i}`,
    website: '',
    bio: '',
    genre: pick(spec.genres),
    tags: [],
    picturePath: null,
  }));
  const albums = Array.from({ length: spec.songs / PER_ALBUM }, (_, i) => {
    const a = artists[i % artists.length]!;
    return {
      id: id(`album:${i}`),
      name: title(2),
      description: '',
      artistProfileId: a.id,
      artist: a.name,
      artworkPath: null,
      releaseDate: null,
    };
  });
  const tags = spec.tags;
  const songs = albums.flatMap((al, ai) =>
    Array.from({ length: PER_ALBUM }, (_, t) => ({
      id: id(`song:${ai}:${t}`),
      albumId: al.id,
      trackNumber: t + 1,
      name: title(1 + Math.floor(rnd() * 3)),
      description: '',
      artist: al.artist,
      artistProfileId: al.artistProfileId,
      genre: pick(spec.genres),
      tags: tags ? [pick(tags), pick(tags)] : [],
      tokens: tags ? [`TOK${ai % 3000}`] : [],
      publicStreamable: true,
      priceSat: 100_000_000,
      durationSec: 180,
      releaseDate: null,
    })),
  );
  return { artists, albums, songs };
}

/** Bump when the generator or the loader changes what a cached catalog holds. */
const GENERATOR_VERSION = 2;

/**
 * Loads the catalog the fast way: in one transaction without triggers (the rows are consistent by
 * construction: no foreign key checks, no change notifications), with the secondary indexes of the
 * catalog tables dropped during the load and built again after it, as a restore does.
 */
async function loadCatalog(db: Db, plan: CatalogPlan, key: string): Promise<void> {
  await db.exec('truncate songs, albums, artist_profiles cascade');
  await db.transaction(async (tx) => {
    await tx.query(`set local session_replication_role = replica`);
    await tx.query(`set local maintenance_work_mem = '512MB'`);
    const indexes = await tx.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where schemaname = current_schema() and tablename in ('songs', 'albums', 'artist_profiles')
          and indexname not in (select conname from pg_constraint)`,
    );
    for (const i of indexes.rows) await tx.query(`drop index ${i.name}`);
    await insertCatalog(tx, plan);
    for (const i of indexes.rows) await tx.query(i.def);
    await fillSongTerms(tx);
    await tx.query('create table if not exists bench_catalog (key text not null)');
    await tx.query('delete from bench_catalog');
    await tx.query('insert into bench_catalog (key) values ($1)', [key]);
  });
}

/**
 * The term table (migrations 018, 019) in one statement after the load, its indexes built after it: what
 * its triggers would have written song by song (they are off during the load), in term order as
 * migration 019 leaves it.
 */
async function fillSongTerms(tx: Queryable): Promise<void> {
  await tx.query('alter table song_terms drop constraint song_terms_pkey');
  await tx.query('drop index song_terms_song');
  await tx.query('drop index song_terms_order');
  await tx.query(
    `insert into song_terms (term, name, song_id)
       select t, s.name, s.id from songs s join albums a on a.id = s.album_id,
         song_term_list(s.name_tsv, s.artist_tsv, s.genre, s.tags, s.tokens) t
       where s.removed_at is null and a.removed_at is null and a.public
       order by 1, 3`,
  );
  await tx.query('alter table song_terms add primary key (term, song_id)');
  await tx.query('create index song_terms_song on song_terms (song_id)');
  await tx.query('create index song_terms_order on song_terms (term, name, song_id)');
}

/** A database of its own for this catalog on that server (created when missing): its URL. */
async function catalogDatabase(url: string, spec: CatalogSpec): Promise<string> {
  const name = `tokenly_bench_${spec.idPrefix}_${spec.songs}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const seen = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (seen.rows.length === 0) await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A database with the generated catalog, analysed as autovacuum would leave it. The catalog is kept
 * between runs (on BENCH_DATABASE_URL's server in a database of its own per catalog, created there,
 * or in a data directory under the system's temporary one for the embedded database) and generated
 * again only when the spec or the generator changed, or with --fresh.
 */
export async function generatedCatalogDb(
  spec: CatalogSpec,
): Promise<{ db: Db; config: Config; done(): Promise<void> }> {
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ GENERATOR_VERSION, spec }))
    .digest('hex')
    .slice(0, 16);
  const pgUrl = process.env.BENCH_DATABASE_URL && (await catalogDatabase(process.env.BENCH_DATABASE_URL, spec));
  const dataDir = pgUrl
    ? fs.mkdtempSync(path.join(os.tmpdir(), `tokenly-${spec.idPrefix}-bench-`))
    : path.join(os.tmpdir(), 'tokenly-bench-catalogs', `${spec.idPrefix}-${spec.songs}-${key}`);
  const fresh = process.argv.includes('--fresh');
  if (!pgUrl && fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({
    DATA_DIR: dataDir,
    WEB_ROOT: '',
    SEED_DEMO: '0',
    RATE_LIMIT_PER_MIN: '10000000',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
  });
  const db = await openDatabase(config);
  const cached = await db
    .query<{ key: string }>('select key from bench_catalog')
    .then((r) => r.rows[0]?.key === key)
    .catch(() => false);
  const t = Date.now();
  if (cached && !fresh) {
    console.log(`backend ${db.kind}: ${spec.songs} songs from the cached catalog ${key} (--fresh to generate)`);
    // A table a migration has just built or rebuilt on the cached catalog has no statistics and no
    // visibility map (index-only scans then visit the heap): what autovacuum would do, now (the
    // embedded database has no autovacuum).
    const unvacuumed = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r' and relpages > 1000 and relallvisible < relpages / 2`,
    );
    if (unvacuumed.rows[0]!.n > 0) {
      await db.exec('vacuum analyze');
      console.log(`vacuum analyze after a migration: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } else {
    await loadCatalog(db, catalogPlan(spec), key);
    // The steady state of a catalog: statistics gathered and the visibility map set, as autovacuum does.
    await db.exec('vacuum analyze');
    console.log(
      `backend ${db.kind}: ${spec.songs} songs generated and indexed in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  return {
    db,
    config,
    async done() {
      await db.close();
      if (pgUrl) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
