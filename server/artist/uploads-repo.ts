import path from 'node:path';
import type { Db, Queryable } from '../db/connection.js';
import { DomainError } from '../lib/errors.js';
import { inFlightJobForUpload } from '../soundlinks/index.js';
import { mediaDirs } from '../storage/files.js';

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

/** How long an upload ticket's signed URL lasts. */
export const UPLOAD_URL_TTL_SEC = 15 * 60;
/** However steadily the bytes come, an upload is not given more time than this. */
export const UPLOAD_MAX_MS = 30 * 60_000;
/**
 * How long a ticket whose bytes have not arrived still counts against the quota: a PUT that started
 * just before its link expired may write for UPLOAD_MAX_MS more. Deleting the ticket frees it at once.
 */
export const UPLOAD_HOLD_SEC = UPLOAD_URL_TTL_SEC + UPLOAD_MAX_MS / 1000;

export interface UploadLimits {
  quotaBytes: number;
  maxOpenTickets: number;
}

const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;

/**
 * A ticket, if the artist's stored bytes (finished uploads plus the announced sizes of open tickets)
 * and open tickets stay within the limits. The user's row is locked first, so that two concurrent
 * requests of one user are counted one after the other (PostgreSQL); PGlite runs one transaction
 * at a time anyway. Both refusals are 422: the request is well-formed but does not fit the
 * account's current state, which the artist fixes (deletes uploads, finishes or abandons tickets);
 * 413 would blame the request body (a few bytes of JSON), and 429 is what the app's client retries
 * as a transient rate limit ("retrying shortly"), which waiting would not fix.
 */
export async function createUploadWithinLimits(
  db: Db,
  u: { userId: string; profileId: string; purpose: 'encode' | 'verify'; name: string; size: number },
  limits: UploadLimits,
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('select id from users where id = $1 for update', [u.userId]);
    const r = await tx.query<{ bytes: string; open: string }>(
      `select coalesce(sum(case when stored_at is not null then size else declared_size end), 0) as bytes,
              count(*) filter (where stored_at is null) as open
         from artist_uploads
        where user_id = $1
          and (stored_at is not null or created_at > now() - make_interval(secs => $2))`,
      [u.userId, UPLOAD_HOLD_SEC],
    );
    const bytes = Number(r.rows[0]!.bytes);
    if (Number(r.rows[0]!.open) >= limits.maxOpenTickets) {
      throw new DomainError(
        'invalid',
        `You have ${limits.maxOpenTickets} uploads waiting for their file: finish them, or delete the ones ` +
          `you gave up on (an unused one stops counting ${UPLOAD_HOLD_SEC / 60} minutes after it was made), then try again`,
      );
    }
    if (bytes + u.size > limits.quotaBytes) {
      throw new DomainError(
        'invalid',
        `This file does not fit in your upload space: ${mb(bytes)} of ${mb(limits.quotaBytes)} are used. ` +
          'Delete uploads you no longer need, then try again',
      );
    }
    return createUpload(tx, u);
  });
}

/**
 * Removes an artist's own upload (row and file), with its job record, unless a job is in flight on
 * it: the encoder may be reading the file. Answers the file to remove, if any.
 */
export async function deleteUpload(db: Db, dataDir: string, userId: string, id: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new DomainError('not-found', 'Upload not found');
  return db.transaction(async (tx) => {
    // Locked: a job being made from it meanwhile waits, and then finds no upload.
    const r = await tx.query<UploadRow>('select * from artist_uploads where id = $1 for update', [id]);
    const row = r.rows[0];
    if (!row || row.user_id !== userId) throw new DomainError('not-found', 'Upload not found');
    const jobs = await tx.query<{ status: string }>(
      'select status from artist_encodings where upload_id = $1 for update',
      [id],
    );
    // The embedded service's queue is in this database: a job sent but not yet reported counts too.
    const queued = await inFlightJobForUpload(tx, id);
    if (queued || jobs.rows.some((j) => j.status === 'submitted' || j.status === 'processing')) {
      throw new DomainError(
        'conflict',
        'An encoding of this upload is in progress: delete it once the job has finished',
      );
    }
    await tx.query('delete from artist_encodings where upload_id = $1', [id]);
    await tx.query('delete from artist_uploads where id = $1', [id]);
    return storedPath(dataDir, row);
  });
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

/** A verify upload's file is removed once read: it no longer takes any of the artist's space. */
export async function markFileRemoved(db: Queryable, id: string): Promise<void> {
  await db.query('update artist_uploads set size = 0 where id = $1', [id]);
}

/** The stored file of an upload, or undefined while its bytes have not arrived. */
export function storedPath(dataDir: string, row: UploadRow): string | undefined {
  return row.stored_at && row.file_name ? path.join(uploadsDir(dataDir), path.basename(row.file_name)) : undefined;
}

/**
 * Deletes the rows of abandoned tickets (no bytes ever arrived) and verify uploads older than
 * maxAgeSec, except any upload a job refers to; returns the files they named.
 */
export async function deleteStaleUploads(db: Queryable, maxAgeSec: number): Promise<(string | null)[]> {
  const r = await db.query<{ file_name: string | null }>(
    `delete from artist_uploads u
      where u.created_at < now() - make_interval(secs => $1)
        and (u.stored_at is null or u.purpose = 'verify')
        and not exists (select 1 from artist_encodings e where e.upload_id = u.id)
      returning u.file_name`,
    [maxAgeSec],
  );
  return r.rows.map((row) => row.file_name);
}
