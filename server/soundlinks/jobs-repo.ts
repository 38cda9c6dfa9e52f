import crypto from 'node:crypto';
import type { Queryable } from '../db/connection.js';
import { uploadIdOf } from '../storage/media-urls.js';

export interface JobRow {
  id: string;
  query: string;
  src: string;
  artist: string;
  status: 'processing' | 'complete' | 'failed';
  stage: 'queued' | 'running' | 'done';
  message: string;
  attempts: number;
  mark_id: string | null;
  result_path: string | null;
  /** the upload of this server the job's link names (migration 009), if it names one */
  upload_id: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
}

/** What the artist's dashboard takes from a job (see jobStates). */
export type JobState = Pick<
  JobRow,
  'query' | 'status' | 'message' | 'mark_id' | 'result_path' | 'started_at' | 'updated_at'
>;

export const LEASE_SEC = 60;
export const MAX_ATTEMPTS = 3;

/**
 * Queues a job, or answers the credential of the same request's job still in flight (see migration
 * 004): a replayed or repeated request never makes a second encoding of one song at once.
 */
export async function createJob(db: Queryable, appId: string, src: string, artist: string): Promise<string> {
  const uploadId = uploadIdOf(src);
  // The job in flight may finish between the two statements: then the insert is tried again.
  for (let attempt = 0; ; attempt++) {
    const query = crypto.randomBytes(18).toString('base64url');
    const r = await db.query<{ query: string }>(
      `insert into soundlinks_jobs (query, app_id, src, artist, upload_id) values ($1, $2, $3, $4, $5)
       on conflict (app_id, md5(src || E'\\n' || artist)) where stage <> 'done' do nothing
       returning query`,
      [query, appId, src, artist, uploadId],
    );
    if (r.rows[0]) return r.rows[0].query;
    const same = await db.query<{ query: string }>(
      `select query from soundlinks_jobs
        where app_id = $1 and md5(src || E'\\n' || artist) = md5($2 || E'\\n' || $3) and stage <> 'done'`,
      [appId, src, artist],
    );
    if (same.rows[0]) return same.rows[0].query;
    if (attempt >= 3) throw new Error('the job in flight kept changing: giving up');
  }
}

export async function jobByQuery(db: Queryable, appId: string, query: string): Promise<JobRow | undefined> {
  const r = await db.query<JobRow>('select * from soundlinks_jobs where query = $1 and app_id = $2', [query, appId]);
  return r.rows[0];
}

/** Is a job made from this upload still queued or running (the encoder may be reading its file)? */
export async function inFlightJobForUpload(db: Queryable, uploadId: string): Promise<boolean> {
  const r = await db.query(`select 1 from soundlinks_jobs where upload_id = $1 and stage <> 'done' limit 1`, [
    uploadId,
  ]);
  return r.rows.length > 0;
}

/** The state of the app's jobs with these query credentials (for syncing a dashboard with the queue). */
export async function jobStates(db: Queryable, appId: string, queries: string[]): Promise<JobState[]> {
  if (queries.length === 0) return [];
  const r = await db.query<JobState>(
    `select query, status, message, mark_id, result_path, started_at, updated_at
       from soundlinks_jobs where app_id = $1 and query = any($2::text[])`,
    [appId, queries],
  );
  return r.rows;
}

/**
 * Claims the oldest job that is waiting, or whose worker's lease ran out (the worker died). SKIP
 * LOCKED lets several servers on one PostgreSQL claim different jobs without waiting on each other,
 * and the lease makes a claimed job nobody else's until it expires.
 */
export async function claimJob(db: Queryable, workerId: string, leaseSec = LEASE_SEC): Promise<JobRow | undefined> {
  const r = await db.query<JobRow>(
    `update soundlinks_jobs set stage = 'running', locked_by = $1, lease_until = now() + make_interval(secs => $2),
            attempts = attempts + 1, message = 'Encoding', updated_at = now(),
            started_at = coalesce(started_at, now())
      where id = (select id from soundlinks_jobs
                   where stage = 'queued' or (stage = 'running' and lease_until < now())
                   order by created_at for update skip locked limit 1)
      returning *`,
    [workerId, leaseSec],
  );
  return r.rows[0];
}

export async function extendLease(
  db: Queryable,
  jobId: string,
  workerId: string,
  leaseSec = LEASE_SEC,
): Promise<boolean> {
  const r = await db.query(
    `update soundlinks_jobs set lease_until = now() + make_interval(secs => $3)
      where id = $1 and locked_by = $2 and stage = 'running' returning id`,
    [jobId, workerId, leaseSec],
  );
  return r.rows.length > 0;
}

/** Records the outcome, only if this worker still holds the job (a stolen lease writes nothing). */
export async function finishJob(
  db: Queryable,
  jobId: string,
  workerId: string,
  outcome:
    | { status: 'complete'; markId: string; resultPath: string; size: number }
    | { status: 'failed' | 'retry'; message: string },
): Promise<boolean> {
  const r =
    outcome.status === 'complete'
      ? await db.query(
          `update soundlinks_jobs set status = 'complete', stage = 'done', message = 'Encoded', mark_id = $3,
                  result_path = $4, result_size = $5, locked_by = null, lease_until = null, updated_at = now()
            where id = $1 and locked_by = $2 and stage = 'running' returning id`,
          [jobId, workerId, outcome.markId, outcome.resultPath, outcome.size],
        )
      : await db.query(
          `update soundlinks_jobs
              set status = case when $3 = 'failed' or attempts >= $5 then 'failed' else 'processing' end,
                  stage = case when $3 = 'failed' or attempts >= $5 then 'done' else 'queued' end,
                  message = $4, locked_by = null, lease_until = null, updated_at = now()
            where id = $1 and locked_by = $2 and stage = 'running' returning id`,
          [jobId, workerId, outcome.status, outcome.message, MAX_ATTEMPTS],
        );
  return r.rows.length > 0;
}

/** With the embedded database only this process can run jobs: leases of a previous run are void. */
export async function releaseOrphanedJobs(db: Queryable): Promise<void> {
  await db.query(
    `update soundlinks_jobs set stage = 'queued', locked_by = null, lease_until = null where stage = 'running'`,
  );
}
