import type { ReleaseAlbum, Track } from '@contract/release.js';
import type { Queryable } from '../db/connection.js';
import { HttpError, notFound } from '../lib/errors.js';
import { artworkSizes } from './images.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AlbumRow {
  id: string;
  artist_profile_id: string;
  name: string;
  description: string;
  artwork_path: string | null;
  release_date: Date | null;
  is_single: boolean;
  status: 'draft' | 'scheduled' | 'released';
  release_at: Date | null;
  removed_at: Date | null;
  updated_at: Date;
}

export interface TrackRow {
  id: string;
  album_id: string;
  name: string;
  track_number: number;
  description: string;
  performers: string;
  composers: string;
  lyrics: string;
  credits: string;
  copyright: string;
  ownership: string;
  usage_rights: string;
  usage_prohibitions: string;
  bitcoin_address: string;
  other: string;
  genre: string;
  tags: string[];
  tokens: string[];
  public_streamable: boolean;
  price_sat: number;
  encoding_id: string | null;
  encoding_status: string | null;
  file_name: string | null;
  mark_id: string | null;
  duration_sec: number;
  audio_path: string | null;
  audio_type: string;
  audio_size: number | null;
  removed_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toTrack(r: TrackRow): Track {
  return {
    id: r.id,
    name: r.name,
    trackNumber: r.track_number,
    description: r.description,
    performers: r.performers,
    composers: r.composers,
    lyrics: r.lyrics,
    credits: r.credits,
    copyright: r.copyright,
    ownership: r.ownership,
    usageRights: r.usage_rights,
    usageProhibitions: r.usage_prohibitions,
    bitcoinAddress: r.bitcoin_address,
    other: r.other,
    genre: r.genre,
    tags: r.tags,
    tokens: r.tokens,
    publicStreamable: r.public_streamable,
    price: r.price_sat / 1e8,
    priceSat: r.price_sat,
    encodingId: r.encoding_id,
    encodingStatus: r.encoding_status,
    fileName: r.file_name,
    markId: r.mark_id,
    durationSec: Math.round(r.duration_sec * 10) / 10,
    audioType: r.audio_path ? r.audio_type : null,
    audioSize: r.audio_path ? r.audio_size : null,
    removed: r.removed_at !== null,
  };
}

function toAlbum(a: AlbumRow, tracks: TrackRow[], origin: string): ReleaseAlbum {
  const url = (f: string) => `${origin}/media/artwork/${encodeURIComponent(f)}`;
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    artworkImage: a.artwork_path ? url(a.artwork_path) : null,
    artworkSizes: Object.fromEntries(Object.entries(artworkSizes(a.artwork_path)).map(([k, f]) => [k, url(f)])),
    releaseDate: iso(a.release_date),
    isSingle: a.is_single,
    status: a.removed_at ? 'removed' : a.status,
    releaseAt: iso(a.release_at),
    updatedAt: iso(a.updated_at)!,
    tracks: tracks.map(toTrack),
  };
}

const ALBUM_COLUMNS = `a.id, a.artist_profile_id, a.name, a.description, a.artwork_path, a.release_date, a.is_single,
  a.status, a.release_at, a.removed_at, a.updated_at`;
const TRACK_SELECT = `select s.id, s.album_id, s.name, s.track_number, s.description, s.performers, s.composers,
  s.lyrics, s.credits, s.copyright, s.ownership, s.usage_rights, s.usage_prohibitions, s.bitcoin_address, s.other,
  s.genre, s.tags, s.tokens, s.public_streamable, s.price_sat, s.encoding_id, e.status as encoding_status,
  u.name as file_name, s.mark_id, s.duration_sec, s.audio_path, s.audio_type, s.audio_size, s.removed_at
  from songs s left join artist_encodings e on e.id = s.encoding_id left join artist_uploads u on u.id = e.upload_id`;

/** The album, for its artist only: another artist's album is refused (403), an unknown one is 404. */
export async function ownAlbum(db: Queryable, profileId: string, albumId: string, lock = false): Promise<AlbumRow> {
  if (!UUID.test(albumId)) throw notFound('Album');
  const r = await db.query<AlbumRow>(
    `select ${ALBUM_COLUMNS} from albums a where a.id = $1${lock ? ' for update' : ''}`,
    [albumId],
  );
  const a = r.rows[0];
  if (!a) throw notFound('Album');
  if (a.artist_profile_id !== profileId) throw new HttpError(403, 'This album belongs to another artist');
  return a;
}

export async function tracksOf(db: Queryable, albumIds: string[]): Promise<TrackRow[]> {
  if (albumIds.length === 0) return [];
  const r = await db.query<TrackRow>(
    `${TRACK_SELECT} where s.album_id = any($1::uuid[]) order by s.track_number, s.created_at, s.id`,
    [albumIds],
  );
  return r.rows;
}

export async function albumView(db: Queryable, profileId: string, albumId: string, origin: string) {
  const a = await ownAlbum(db, profileId, albumId);
  return toAlbum(a, await tracksOf(db, [a.id]), origin);
}

export async function listAlbums(db: Queryable, profileId: string, origin: string): Promise<ReleaseAlbum[]> {
  const r = await db.query<AlbumRow>(
    `select ${ALBUM_COLUMNS} from albums a where a.artist_profile_id = $1 order by a.created_at desc, a.id limit 200`,
    [profileId],
  );
  const tracks = await tracksOf(
    db,
    r.rows.map((a) => a.id),
  );
  return r.rows.map((a) =>
    toAlbum(
      a,
      tracks.filter((t) => t.album_id === a.id),
      origin,
    ),
  );
}

export interface AlbumInput {
  name?: string | undefined;
  description?: string | undefined;
  releaseDate?: string | null | undefined;
  isSingle?: boolean | undefined;
}

export async function createAlbum(
  db: Queryable,
  profile: { id: string; name: string },
  a: AlbumInput,
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into albums (name, description, artist_profile_id, artist, release_date, is_single, public, status)
     values ($1, $2, $3, $4, $5, $6, false, 'draft') returning id`,
    [
      a.name ?? 'Untitled album',
      a.description ?? '',
      profile.id,
      profile.name,
      a.releaseDate ?? null,
      a.isSingle ?? false,
    ],
  );
  return r.rows[0]!.id;
}

export async function updateAlbum(db: Queryable, albumId: string, a: AlbumInput): Promise<void> {
  await db.query(
    `update albums set name = coalesce($2, name), description = coalesce($3, description),
            release_date = case when $4::boolean then $5::timestamptz else release_date end,
            is_single = coalesce($6, is_single), updated_at = now()
      where id = $1`,
    [
      albumId,
      a.name ?? null,
      a.description ?? null,
      a.releaseDate !== undefined,
      a.releaseDate ?? null,
      a.isSingle ?? null,
    ],
  );
  await db.query(
    `update songs s set release_date = coalesce(a.release_date, a.release_at, s.release_date), is_single = a.is_single
       from albums a where a.id = $1 and s.album_id = a.id`,
    [albumId],
  );
  await refreshSearchVectors(db, albumId);
}

export async function setArtwork(db: Queryable, albumId: string, file: string): Promise<string | null> {
  const r = await db.query<{ old: string | null }>(
    `update albums a set artwork_path = $2, updated_at = now()
       from (select artwork_path as old from albums where id = $1) o where a.id = $1 returning o.old`,
    [albumId, file],
  );
  return r.rows[0]?.old ?? null;
}

/** Songs are found by keyword from their own and their album's name, and by artist. */
export async function refreshSearchVectors(db: Queryable, albumId: string): Promise<void> {
  await db.query(
    `update songs s set name_tsv = to_tsvector('simple', s.name || ' ' || a.name),
                        artist_tsv = to_tsvector('simple', s.artist)
       from albums a where a.id = $1 and s.album_id = a.id`,
    [albumId],
  );
}

/** Schedules or releases the album; answers whether it is public now. */
export async function markReleased(db: Queryable, albumId: string, at: Date | null): Promise<boolean> {
  const now = at === null || at.getTime() <= Date.now();
  await db.query(
    `update albums set status = $2, public = $3, release_at = $4, updated_at = now(),
            release_date = coalesce(release_date, $4, now())
      where id = $1`,
    [albumId, now ? 'released' : 'scheduled', now, at ?? new Date()],
  );
  await db.query(
    `update songs s set release_date = coalesce(a.release_date, now()), is_single = a.is_single
       from albums a where a.id = $1 and s.album_id = a.id`,
    [albumId],
  );
  return now;
}

/** Scheduled albums whose time has come become public; answers their artists' profiles. */
export async function publishDue(db: Queryable): Promise<string[]> {
  const r = await db.query<{ artist_profile_id: string }>(
    `update albums set status = 'released', public = true, updated_at = now()
      where status = 'scheduled' and release_at <= now() and removed_at is null
      returning artist_profile_id`,
  );
  return [...new Set(r.rows.map((a) => a.artist_profile_id))];
}

export async function takeDownAlbum(db: Queryable, albumId: string): Promise<void> {
  await db.query('update albums set removed_at = coalesce(removed_at, now()), updated_at = now() where id = $1', [
    albumId,
  ]);
}

/** A draft with nothing pointing at it goes entirely; anything released is only taken down. */
export async function deleteDraftAlbum(db: Queryable, albumId: string): Promise<void> {
  await db.query('delete from songs where album_id = $1', [albumId]);
  await db.query(`delete from albums where id = $1 and status = 'draft'`, [albumId]);
}
