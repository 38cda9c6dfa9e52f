import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EncodePool } from './encode-pool.js';
import type { Db } from '../db/connection.js';
import { claimJob, extendLease, finishJob, LEASE_SEC, releaseOrphanedJobs, type JobRow } from './jobs-repo.js';
import { FETCH_FAILED, fetchPublicSource, parseHttpUrl, SourceError } from './fetch-source.js';

export interface WorkerOptions {
  db: Db;
  /** where encoded files are written (served at /media/encoded/) */
  outDir: string;
  watermarkKey: string;
  concurrency: number;
  /** seconds a claim lasts without a heartbeat (default LEASE_SEC) */
  leaseSec?: number;
  /**
   * reads a URL of this server's own files (uploads, signed downloads) from disk; undefined if not
   * one; 'gone' if it is one of ours whose file or record no longer exists (never fetched instead)
   */
  ownFile: (url: URL) => Promise<string | 'gone' | undefined>;
  maxBytes?: number;
  maxDurationSec?: number;
  log: { info(msg: string): void; error(obj: unknown, msg: string): void };
}

const MAX_BYTES = 200 * 1024 * 1024;
const MAX_DURATION_SEC = 20 * 60;

/** Reads the source (own file or public link), then marks and encodes it on a worker thread. */
async function encodeJob(
  job: JobRow,
  o: WorkerOptions,
  pool: EncodePool,
): Promise<{ markId: string; resultPath: string; size: number }> {
  const url = parseHttpUrl(job.src);
  const local = await o.ownFile(url);
  const maxBytes = o.maxBytes ?? MAX_BYTES;
  if (local === 'gone') throw new SourceError('The uploaded file no longer exists: upload it again', true);
  const read = local
    ? await fs.readFile(local).catch(() => {
        throw new SourceError('The uploaded file no longer exists: upload it again', true);
      })
    : await fetchPublicSource(job.src, { maxBytes, timeoutMs: 60_000 }).catch((err: unknown) => {
        // The detail is for the operator; the artist (maybe probing the network) learns nothing from it.
        o.log.info(`soundlinks job ${job.id}: fetching its link failed: ${(err as Error).message}`);
        throw new SourceError(FETCH_FAILED, true);
      });
  if (read.length > maxBytes) throw new SourceError('The file is too large', true);
  // A buffer of its own, so that handing it to the thread cannot detach memory shared with others.
  const bytes = new Uint8Array(read.length);
  bytes.set(read);
  const markId = crypto.randomBytes(8).toString('hex');
  // A name of its own per attempt: a worker that lost its lease and finishes late must not replace
  // the file of the attempt that completed the job (whose mark the job records).
  const name = `${job.id}-${crypto.randomBytes(4).toString('hex')}.mp3`;
  const r = await pool.run({
    bytes,
    markId,
    watermarkKey: o.watermarkKey,
    outDir: o.outDir,
    name,
    maxDurationSec: o.maxDurationSec ?? MAX_DURATION_SEC,
  });
  if (!r.ok) throw new SourceError(r.message, r.permanent);
  return { markId, resultPath: name, size: r.size };
}

/** Runs up to `concurrency` jobs at once from the durable queue until stopped. */
export function startWorker(o: WorkerOptions) {
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const leaseSec = o.leaseSec ?? LEASE_SEC;
  // Threads start when there is a job (not at boot) and end after a minute without one.
  const pool = new EncodePool(o.concurrency, false, 60_000);
  let stopped = false;
  let wake: (() => void) | undefined;
  const running = new Set<Promise<void>>();

  const runOne = async (job: JobRow) => {
    const heartbeat = setInterval(
      () => void extendLease(o.db, job.id, workerId, leaseSec).catch(() => undefined),
      (leaseSec * 1000) / 3,
    );
    try {
      const result = await encodeJob(job, o, pool);
      if (await finishJob(o.db, job.id, workerId, { status: 'complete', ...result })) {
        o.log.info(`soundlinks job ${job.id} complete`);
      } else {
        // Another worker took the job over: this attempt's file is nobody's.
        await fs.rm(path.join(o.outDir, result.resultPath), { force: true });
      }
    } catch (err) {
      const permanent = err instanceof SourceError && err.permanent;
      const message = err instanceof SourceError ? err.message : 'The encoding failed; it will be tried again';
      if (!(err instanceof SourceError)) o.log.error({ err }, `soundlinks job ${job.id} failed`);
      await finishJob(o.db, job.id, workerId, { status: permanent ? 'failed' : 'retry', message }).catch(
        () => undefined,
      );
    } finally {
      clearInterval(heartbeat);
    }
  };

  const loop = async () => {
    if (o.db.kind === 'pglite') await releaseOrphanedJobs(o.db);
    while (!stopped) {
      if (running.size < o.concurrency) {
        const job = await claimJob(o.db, workerId, leaseSec).catch(() => undefined);
        if (job) {
          const p = runOne(job).finally(() => {
            running.delete(p);
            wake?.();
          });
          running.add(p);
          continue;
        }
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 500);
      });
    }
  };
  const done = loop();
  return {
    /** a new job was queued: look now instead of at the next tick */
    poke: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await done;
      await Promise.allSettled([...running]);
      await pool.close();
    },
  };
}
