import type { Db, Queryable } from '../db/connection.js';
import type { Loudness } from './loudness.js';

/** Songs with audio whose loudness is not measured yet (older songs, new releases), a few at a time. */
export async function songsToMeasure(db: Queryable, limit: number): Promise<{ id: string; audio_path: string }[]> {
  const r = await db.query<{ id: string; audio_path: string }>(
    `select id, audio_path from songs where audio_path is not null and loudness_lufs is null order by id limit $1`,
    [limit],
  );
  return r.rows;
}

/** Stores a song's measure, unless its audio changed meanwhile. */
export async function saveLoudness(db: Queryable, id: string, audioPath: string, l: Loudness): Promise<void> {
  await db.query('update songs set loudness_lufs = $3, true_peak_db = $4 where id = $1 and audio_path = $2', [
    id,
    audioPath,
    l.lufs,
    l.truePeakDb,
  ]);
}

/** An album's audio files as it plays: its songs with audio, not taken down, in track order. */
const ALBUM_FILES = `select array_agg(s.audio_path order by s.track_number, s.id) from songs s
  where s.album_id = a.id and s.audio_path is not null and s.removed_at is null`;

/**
 * Albums whose loudness is not measured (or was forgotten), with their files, a few at a time: those
 * whose every song (not taken down) has audio, so an album whose audio is still being made (the demo
 * catalog's rendering) is measured once, when it is whole.
 */
export async function albumsToMeasure(db: Queryable, limit: number): Promise<{ id: string; files: string[] }[]> {
  const r = await db.query<{ id: string; files: string[] | null }>(
    `select a.id, (${ALBUM_FILES}) as files from albums a
      where a.loudness_lufs is null
        and exists (select 1 from songs s where s.album_id = a.id and s.audio_path is not null and s.removed_at is null)
        and not exists (select 1 from songs s where s.album_id = a.id and s.audio_path is null and s.removed_at is null)
      order by a.id limit $1`,
    [limit],
  );
  return r.rows.filter((x): x is { id: string; files: string[] } => !!x.files?.length);
}

/**
 * Stores an album's measure, unless its files (or their order) changed meanwhile: the album's row
 * is locked first, so the check sees every song change committed before, and a later one's trigger
 * (migration 015) waits for this commit and then forgets the measure.
 */
export async function saveAlbumLoudness(db: Db, id: string, files: string[], l: Loudness): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('select 1 from albums where id = $1 for update', [id]);
    const r = await tx.query(
      `update albums a set loudness_lufs = $3, true_peak_db = $4 where a.id = $1 and (${ALBUM_FILES}) = $2::text[]
       returning a.id`,
      [id, files, l.lufs, l.truePeakDb],
    );
    return r.rows.length > 0;
  });
}
