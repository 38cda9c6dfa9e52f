import type { Queryable } from '../db/connection.js';
import { HttpError, notFound, unprocessable } from '../lib/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Track fields as columns: the wire name (contract) → the songs column. */
const COLUMNS: Record<string, string> = {
  name: 'name',
  trackNumber: 'track_number',
  description: 'description',
  performers: 'performers',
  composers: 'composers',
  lyrics: 'lyrics',
  credits: 'credits',
  copyright: 'copyright',
  ownership: 'ownership',
  usageRights: 'usage_rights',
  usageProhibitions: 'usage_prohibitions',
  bitcoinAddress: 'bitcoin_address',
  other: 'other',
  genre: 'genre',
  tags: 'tags',
  tokens: 'tokens',
  publicStreamable: 'public_streamable',
  priceSat: 'price_sat',
  encodingId: 'encoding_id',
};

export type TrackValues = Partial<Record<keyof typeof COLUMNS, unknown>>;

export interface EncodingForRelease {
  id: string;
  status: string;
  message: string;
  result_url: string | null;
  mark_id: string | null;
  file_name: string;
}

/** One of the user's encodings, or a clear 422. */
export async function ownEncoding(db: Queryable, userId: string, encodingId: string): Promise<EncodingForRelease> {
  const r = await db.query<EncodingForRelease>(
    `select e.id, e.status, e.message, e.result_url, e.mark_id, u.name as file_name
       from artist_encodings e join artist_uploads u on u.id = e.upload_id
      where e.id = $1 and e.user_id = $2`,
    [encodingId, userId],
  );
  const e = r.rows[0];
  if (!e) throw unprocessable(`encodingId ${encodingId} is not one of your encodings`);
  return e;
}

export async function addTrack(
  db: Queryable,
  album: { id: string; artist_profile_id: string },
  artistName: string,
  v: TrackValues,
): Promise<string> {
  const next = await db.query<{ n: number }>(
    'select coalesce(max(track_number), 0)::int + 1 as n from songs where album_id = $1',
    [album.id],
  );
  const r = await db.query<{ id: string }>(
    `insert into songs (album_id, name, artist, artist_profile_id, track_number, price_sat)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [album.id, v.name ?? 'Untitled', artistName, album.artist_profile_id, v.trackNumber ?? next.rows[0]!.n, v.priceSat],
  );
  const id = r.rows[0]!.id;
  await updateTrack(db, id, v);
  return id;
}

export async function updateTrack(db: Queryable, trackId: string, v: TrackValues): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [trackId];
  for (const [key, value] of Object.entries(v)) {
    const column = COLUMNS[key];
    if (!column || value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length === 0) return;
  await db.query(`update songs set ${sets.join(', ')} where id = $1`, params);
  await db.query(
    `update songs s set name_tsv = to_tsvector('simple', s.name || ' ' || a.name), artist_tsv = to_tsvector('simple', s.artist)
       from albums a where s.id = $1 and a.id = s.album_id`,
    [trackId],
  );
}

export async function trackOfAlbum(
  db: Queryable,
  albumId: string,
  trackId: string,
): Promise<{ id: string; removed_at: Date | null; audio_path: string | null }> {
  if (!UUID.test(trackId)) throw notFound('Track');
  const r = await db.query<{ id: string; removed_at: Date | null; audio_path: string | null }>(
    'select id, removed_at, audio_path from songs where id = $1 and album_id = $2',
    [trackId, albumId],
  );
  if (!r.rows[0]) throw notFound('Track');
  return r.rows[0];
}

/**
 * Removes a track: a never-released one entirely (nothing can point at it), a released one is taken
 * down (kept, because ledger rows and grants point at it).
 */
export async function removeTrack(db: Queryable, trackId: string, draft: boolean): Promise<void> {
  if (draft) {
    // A draft was never public, so no listen was paid for; checked all the same.
    const refs = await db.query('select 1 from stream_grants where song_id = $1 limit 1', [trackId]);
    if (refs.rows.length === 0) {
      await db.query('delete from songs where id = $1', [trackId]);
      return;
    }
  }
  await db.query('update songs set removed_at = coalesce(removed_at, now()) where id = $1', [trackId]);
}

/** Puts audio on a track; its loudness is measured anew (the backfill), its album's is forgotten (migration 015). */
export async function setTrackAudio(
  db: Queryable,
  trackId: string,
  a: { encodingId: string; markId: string | null; file: string; size: number; type: string; durationSec: number },
): Promise<string | null> {
  const r = await db.query<{ old: string | null }>(
    `update songs s set encoding_id = $2, mark_id = $3, audio_path = $4, audio_size = $5, audio_type = $6,
            duration_sec = $7, loudness_lufs = null, true_peak_db = null
       from (select audio_path as old from songs where id = $1) o
      where s.id = $1 returning o.old`,
    [trackId, a.encodingId, a.markId, a.file, a.size, a.type, a.durationSec],
  );
  if (!r.rows[0]) throw new HttpError(404, 'Track not found');
  return r.rows[0].old;
}
