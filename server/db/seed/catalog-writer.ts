import crypto from 'node:crypto';
import type { Queryable } from '../connection.js';

/** A stable UUID from a name, so that a seeded catalog has the same ids on every machine. */
export function stableUuid(name: string): string {
  const h = crypto.createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ArtistPlan {
  id: string;
  name: string;
  website: string;
  bio: string;
  genre: string;
  tags: string[];
  marketsCatalog?: string;
  picturePath: string | null;
  userId?: string | null;
}

export interface AlbumPlan {
  id: string;
  name: string;
  description: string;
  artistProfileId: string | null;
  artist: string;
  artworkPath: string | null;
  releaseDate: string | null;
  public?: boolean;
}

export interface SongPlan {
  id: string;
  albumId: string;
  trackNumber: number;
  name: string;
  description: string;
  artist: string;
  artistProfileId: string | null;
  genre: string;
  tags: string[];
  tokens: string[];
  publicStreamable: boolean;
  isSingle?: boolean;
  priceSat: number;
  durationSec: number;
  releaseDate: string | null;
  composers?: string;
  copyright?: string;
  lyrics?: string;
  audioPath?: string | null;
  audioSize?: number | null;
  audioType?: string;
}

export interface CatalogPlan {
  artists: ArtistPlan[];
  albums: AlbumPlan[];
  songs: SongPlan[];
}

const BATCH = 2000;

/** Inserts rows in batches, one statement each: json_populate_recordset turns a batch into rows server-side. */
async function insertBatches(db: Queryable, sql: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.query(sql, [JSON.stringify(rows.slice(i, i + BATCH))]);
}

/** Inserts artists, albums and songs, the songs with their search vectors. */
export async function insertCatalog(db: Queryable, plan: CatalogPlan): Promise<void> {
  await insertBatches(
    db,
    `insert into artist_profiles (id, user_id, name, website, bio, genre, tags, markets_catalog, picture_path)
     select r.id, r.user_id, r.name, r.website, r.bio, r.genre, r.tags, r.markets_catalog, r.picture_path
       from json_populate_recordset(null::artist_profiles, $1::json) r`,
    plan.artists.map((a) => ({
      id: a.id,
      user_id: a.userId ?? null,
      name: a.name,
      website: a.website,
      bio: a.bio,
      genre: a.genre,
      tags: a.tags,
      markets_catalog: a.marketsCatalog ?? '',
      picture_path: a.picturePath,
    })),
  );
  await insertBatches(
    db,
    `insert into albums (id, name, description, artist_profile_id, artist, artwork_path, release_date, public)
     select r.id, r.name, r.description, r.artist_profile_id, r.artist, r.artwork_path, r.release_date, r.public
       from json_populate_recordset(null::albums, $1::json) r`,
    plan.albums.map((al) => ({
      id: al.id,
      name: al.name,
      description: al.description,
      artist_profile_id: al.artistProfileId,
      artist: al.artist,
      artwork_path: al.artworkPath,
      release_date: al.releaseDate,
      public: al.public ?? true,
    })),
  );
  await insertBatches(
    db,
    `insert into songs (id, album_id, track_number, name, description, artist, artist_profile_id, genre, tags,
                        tokens, public_streamable, is_single, price_sat, duration_sec, release_date, composers,
                        performers, copyright, ownership, lyrics, audio_path, audio_size, audio_type,
                        name_tsv, artist_tsv)
     select r.id, r.album_id, r.track_number, r.name, r.description, r.artist, r.artist_profile_id, r.genre, r.tags,
            r.tokens, r.public_streamable, r.is_single, r.price_sat, r.duration_sec, r.release_date, r.composers,
            r.artist, r.copyright, r.artist, r.lyrics, r.audio_path, r.audio_size, r.audio_type,
            to_tsvector('simple', r.name || ' ' || a.name), to_tsvector('simple', r.artist)
       from json_populate_recordset(null::songs, $1::json) r join albums a on a.id = r.album_id`,
    plan.songs.map((s) => ({
      id: s.id,
      album_id: s.albumId,
      track_number: s.trackNumber,
      name: s.name,
      description: s.description,
      artist: s.artist,
      artist_profile_id: s.artistProfileId,
      genre: s.genre,
      tags: s.tags.map((t) => t.toLowerCase()),
      tokens: s.tokens.map((t) => t.toUpperCase()),
      public_streamable: s.publicStreamable,
      is_single: s.isSingle ?? false,
      price_sat: s.priceSat,
      duration_sec: s.durationSec,
      release_date: s.releaseDate,
      composers: s.composers ?? s.artist,
      copyright: s.copyright ?? '',
      lyrics: s.lyrics ?? '',
      audio_path: s.audioPath ?? null,
      audio_size: s.audioSize ?? null,
      audio_type: s.audioType ?? 'audio/mpeg',
    })),
  );
}

export async function ensureInvite(db: Queryable, code: string, usesLeft: number | null): Promise<void> {
  await db.query('insert into invites (code, uses_left) values ($1, $2) on conflict (code) do nothing', [
    code,
    usesLeft,
  ]);
}
