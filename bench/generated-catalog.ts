/**
 * A generated catalog for the search benchmarks: `songs` songs in albums of ten over 500 artists,
 * names drawn from a word list by a seeded generator (the same seed gives the same catalog), loaded
 * into a fresh database (the embedded one, or BENCH_DATABASE_URL) with statistics gathered.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
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

/** A fresh database with the generated catalog, analysed as autovacuum would leave it. */
export async function generatedCatalogDb(
  spec: CatalogSpec,
  g = generator(spec.seed, spec.words),
): Promise<{ db: Db; config: Config; done(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tokenly-${spec.idPrefix}-bench-`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    WEB_ROOT: '',
    SEED_DEMO: '0',
    RATE_LIMIT_PER_MIN: '10000000',
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  });
  const db = await openDatabase(config);
  await db.exec('truncate songs, albums, artist_profiles cascade');
  const t = Date.now();
  await db.transaction((tx) => insertCatalog(tx, catalogPlan(spec, g)));
  // The steady state of a catalog: statistics gathered and the visibility map set, as autovacuum does.
  await db.exec('vacuum analyze');
  console.log(
    `backend ${db.kind}: ${spec.songs} songs generated and indexed in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  return {
    db,
    config,
    async done() {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
