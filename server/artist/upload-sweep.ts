import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/connection.js';
import { deleteStaleUploads, UPLOAD_HOLD_SEC, uploadsDir } from './uploads-repo.js';

/**
 * Past UPLOAD_HOLD_SEC no PUT can still be writing a ticket's bytes: an hour is past that. A verify
 * upload is only needed until it is verified (its file is removed then), so an hour-old one is
 * either done or forgotten.
 */
export const STALE_UPLOAD_SEC = Math.max(3600, UPLOAD_HOLD_SEC + 60);

/**
 * Deletes abandoned tickets (no bytes ever arrived) and stale verify uploads, rows and files, so
 * that neither holds disk or quota for ever. An upload a job refers to is never touched. A PUT that
 * finishes after its row went loses in markStored and removes its own file.
 */
export async function sweepUploads(db: Queryable, dataDir: string, maxAgeSec = STALE_UPLOAD_SEC): Promise<number> {
  const files = await deleteStaleUploads(db, maxAgeSec);
  const dir = uploadsDir(dataDir);
  for (const file of files) {
    if (file) await fsp.rm(path.join(dir, path.basename(file)), { force: true });
  }
  return files.length;
}
