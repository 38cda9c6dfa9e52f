import type { EncodingJob } from '@contract/encoding.js';
import { pgErrorCode, type Queryable } from '../db/connection.js';
import { jobStates } from '../soundlinks/index.js';
import { DomainError } from '../lib/errors.js';

export interface ArtistProfile {
  id: string;
  name: string;
}

export async function artistOf(db: Queryable, userId: string): Promise<ArtistProfile | undefined> {
  const r = await db.query<ArtistProfile>('select id, name from artist_profiles where user_id = $1', [userId]);
  return r.rows[0];
}

interface EncodingRow {
  id: string;
  upload_id: string;
  file_name: string;
  artist: string;
  status: EncodingJob['status'];
  message: string;
  attempts: number;
  query: string | null;
  uploaded_at: Date;
  submitted_at: Date | null;
  processing_at: Date | null;
  finished_at: Date | null;
  result_url: string | null;
  mark_id: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toJob(r: EncodingRow, src: string): EncodingJob {
  return {
    id: r.id,
    uploadId: r.upload_id,
    fileName: r.file_name,
    artist: r.artist,
    status: r.status,
    message: r.message,
    attempts: r.attempts,
    src,
    query: r.query,
    uploadedAt: iso(r.uploaded_at)!,
    submittedAt: iso(r.submitted_at),
    processingAt: iso(r.processing_at),
    finishedAt: iso(r.finished_at),
    resultUrl: r.result_url,
    markId: r.mark_id,
  };
}

const SELECT = `select e.*, u.name as file_name from artist_encodings e join artist_uploads u on u.id = e.upload_id`;

export async function listEncodings(db: Queryable, userId: string): Promise<EncodingRow[]> {
  const r = await db.query<EncodingRow>(`${SELECT} where e.user_id = $1 order by e.created_at desc limit 200`, [
    userId,
  ]);
  return r.rows;
}

export async function getEncoding(db: Queryable, userId: string, id: string): Promise<EncodingRow> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new DomainError('not-found', 'Encoding job not found');
  const r = await db.query<EncodingRow>(`${SELECT} where e.user_id = $1 and e.id = $2`, [userId, id]);
  if (!r.rows[0]) throw new DomainError('not-found', 'Encoding job not found');
  return r.rows[0];
}

/**
 * One job per upload: creating it again answers the existing one. A concurrent create waits on the
 * unique index, does nothing, and then reads the job the other one made.
 */
export async function createEncoding(db: Queryable, userId: string, uploadId: string, artist: string) {
  const r = await db
    .query<{ id: string }>(
      `insert into artist_encodings (user_id, upload_id, artist, uploaded_at)
     select $1, u.id, $3, u.stored_at from artist_uploads u
      where u.id = $2 and u.user_id = $1 and u.stored_at is not null and u.purpose = 'encode'
        and not exists (select 1 from artist_encodings e where e.upload_id = u.id)
     on conflict (upload_id) do nothing
     returning id`,
      [userId, uploadId, artist],
    )
    .catch((err: unknown) => {
      // The upload was deleted while this insert waited for it.
      if (pgErrorCode(err) === '23503')
        throw new DomainError('invalid', 'uploadId must be one of your uploads whose file has arrived');
      throw err;
    });
  if (r.rows[0]) return getEncoding(db, userId, r.rows[0].id);
  const existing = await db.query<{ id: string }>(
    'select id from artist_encodings where upload_id = $1 and user_id = $2',
    [uploadId, userId],
  );
  if (existing.rows[0]) return getEncoding(db, userId, existing.rows[0].id);
  throw new DomainError('invalid', 'uploadId must be one of your uploads whose file has arrived');
}

/** `acceptedAt`: when the service took the job (the embedded queue knows), else now. */
export async function markSubmitted(
  db: Queryable,
  userId: string,
  id: string,
  query: string,
  acceptedAt: Date | null = null,
): Promise<void> {
  const r = await db
    .query(
      `update artist_encodings set status = 'submitted', query = $3, submitted_at = coalesce($4, now()),
            attempts = attempts + 1,
            message = 'Submitted: waiting for an encoder'
      where id = $1 and user_id = $2 and status = 'uploaded' returning id`,
      [id, userId, query, acceptedAt],
    )
    .catch((err: unknown) => {
      if (pgErrorCode(err) === '23505')
        throw new DomainError('conflict', 'This query credential already belongs to a job');
      throw err;
    });
  if (r.rows.length === 0) throw new DomainError('conflict', 'This job has already been submitted');
}

export async function retryEncoding(db: Queryable, userId: string, id: string): Promise<void> {
  const r = await db.query(
    `update artist_encodings set status = 'uploaded', query = null, submitted_at = null, processing_at = null,
            finished_at = null, result_url = null, mark_id = null, polled_at = null,
            message = 'Ready to submit again'
      where id = $1 and user_id = $2 and status = 'failed' returning id`,
    [id, userId],
  );
  if (r.rows.length === 0) throw new DomainError('conflict', 'Only a failed job can be retried');
}

/**
 * The embedded service's jobs are in the same database: the artist's unfinished jobs take their
 * state from the queue's (its `jobStates`), recording each step's time the first time it is seen.
 */
export async function syncEmbedded(db: Queryable, userId: string, appId: string, encodedBase: string) {
  const open = await db.query<{ query: string }>(
    `select query from artist_encodings
      where user_id = $1 and status in ('submitted', 'processing') and query is not null`,
    [userId],
  );
  const jobs = await jobStates(
    db,
    appId,
    open.rows.map((r) => r.query),
  );
  if (jobs.length === 0) return;
  await db.query(
    `update artist_encodings e
        set status = case when j.status <> 'processing' then j.status
                          when j.started_at is not null then 'processing' else 'submitted' end,
            message = j.message,
            processing_at = coalesce(e.processing_at, j.started_at),
            finished_at = case when j.status <> 'processing' then coalesce(e.finished_at, j.updated_at) end,
            mark_id = j.mark_id,
            result_url = case when j.status = 'complete' then $3::text || j.result_path end
       from jsonb_to_recordset($2::jsonb) as j(query text, status text, message text, mark_id text,
                                                result_path text, started_at timestamptz, updated_at timestamptz)
      where e.user_id = $1 and e.status in ('submitted', 'processing') and j.query = e.query`,
    [userId, JSON.stringify(jobs), encodedBase],
  );
}

/** Jobs of an external endpoint that are due for a status question (at most one per job every 2 s). */
export async function duePolls(db: Queryable, userId: string): Promise<{ id: string; query: string }[]> {
  const r = await db.query<{ id: string; query: string }>(
    `update artist_encodings set polled_at = now()
      where user_id = $1 and status in ('submitted', 'processing') and query is not null
        and (polled_at is null or polled_at < now() - interval '2 seconds')
      returning id, query`,
    [userId],
  );
  return r.rows;
}

export async function applyAnswer(
  db: Queryable,
  id: string,
  a: {
    status: 'processing' | 'complete' | 'failed';
    message: string;
    url?: string | undefined;
    id?: string | undefined;
  },
) {
  await db.query(
    `update artist_encodings
        set status = $2::text, message = $3,
            processing_at = coalesce(processing_at, now()),
            finished_at = case when $2::text <> 'processing' then coalesce(finished_at, now()) end,
            result_url = $4, mark_id = $5
      where id = $1 and status in ('submitted', 'processing')`,
    [id, a.status, a.message, a.status === 'complete' ? (a.url ?? null) : null, a.id ?? null],
  );
}

export async function jobOfMark(db: Queryable, userId: string, markId: string): Promise<string | null> {
  const r = await db.query<{ id: string }>('select id from artist_encodings where user_id = $1 and mark_id = $2', [
    userId,
    markId,
  ]);
  return r.rows[0]?.id ?? null;
}

/** Is this query credential one of the user's own encodings? */
export async function ownsEncodingQuery(db: Queryable, userId: string, query: string): Promise<boolean> {
  const r = await db.query('select 1 from artist_encodings where user_id = $1 and query = $2', [userId, query]);
  return r.rows.length > 0;
}
