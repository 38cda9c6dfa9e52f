import type { Queryable } from '../db/connection.js';
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
