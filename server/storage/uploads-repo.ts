import path from 'node:path';
import type { Queryable } from '../db/connection.js';
import { mediaDirs } from './files.js';

export interface UploadRow {
  id: string;
  user_id: string;
  artist_profile_id: string;
  purpose: 'encode' | 'verify';
  name: string;
  declared_size: string;
  stored_at: Date | null;
  size: string | null;
  audio_type: string | null;
  file_name: string | null;
}

export const uploadsDir = (dataDir: string) => path.join(mediaDirs(dataDir).root, 'uploads');

export async function createUpload(
  db: Queryable,
  u: { userId: string; profileId: string; purpose: 'encode' | 'verify'; name: string; size: number },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into artist_uploads (user_id, artist_profile_id, purpose, name, declared_size)
     values ($1, $2, $3, $4, $5) returning id`,
    [u.userId, u.profileId, u.purpose, u.name, u.size],
  );
  return r.rows[0]!.id;
}

export async function uploadById(db: Queryable, id: string): Promise<UploadRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const r = await db.query<UploadRow>('select * from artist_uploads where id = $1', [id]);
  return r.rows[0];
}

/** Records the stored file, once: a second PUT of the same upload loses (and removes its own file). */
export async function markStored(
  db: Queryable,
  id: string,
  s: { size: number; audioType: string; fileName: string },
): Promise<boolean> {
  const r = await db.query(
    `update artist_uploads set stored_at = now(), size = $2, audio_type = $3, file_name = $4
      where id = $1 and stored_at is null returning id`,
    [id, s.size, s.audioType, s.fileName],
  );
  return r.rows.length > 0;
}

/** The stored file of an upload, or undefined while its bytes have not arrived. */
export function storedPath(dataDir: string, row: UploadRow): string | undefined {
  return row.stored_at && row.file_name ? path.join(uploadsDir(dataDir), path.basename(row.file_name)) : undefined;
}
