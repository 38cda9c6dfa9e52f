import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeAudio } from '../audio/codec/index.js';
import { detect } from '../audio/watermark/index.js';
import type { Db } from '../db/connection.js';
import { backends, freshDb } from '../test/harness.js';
import { createJob } from './jobs-repo.js';
import { startWorker } from './worker.js';

const KEY = 'lease-race-watermark-key';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = { info: () => undefined, error: () => undefined };

/**
 * A worker whose lease ran out (its heartbeats could not reach the database) while it was still
 * encoding: another worker takes the job and completes it. The late one must not replace the file
 * the job's answer points at, or the file would carry a mark no job records.
 */
describe.each(backends())('a worker that lost its lease (%s)', (backend) => {
  let fresh: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;

  beforeAll(async () => {
    fresh = await freshDb(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-race-'));
    fs.copyFileSync(inject('fixtureMp3'), path.join(dir, 'song.mp3'));
  });
  afterAll(async () => {
    await fresh.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the winner’s file, with the mark the job records, in place', async () => {
    const db = fresh.db;
    const query = await createJob(db, 'demo-app', 'http://127.0.0.1:1/song.mp3', 'The Blue Whales');
    type Row = { status: string; locked_by: string | null; mark_id: string | null; result_path: string };
    const job = async () =>
      (
        await db.query<Row>('select status, locked_by, mark_id, result_path from soundlinks_jobs where query = $1', [
          query,
        ])
      ).rows[0]!;
    const outDir = path.join(dir, 'encoded');

    // Worker A: its heartbeats fail, and it reads its source only once B has completed the job.
    const lossy = Object.create(db) as Db;
    lossy.query = ((sql: string, params?: unknown[]) =>
      sql.includes('set lease_until = now()')
        ? Promise.reject(new Error('the database cannot be reached'))
        : db.query(sql, params)) as Db['query'];
    const a = startWorker({
      db: lossy,
      outDir,
      watermarkKey: KEY,
      concurrency: 1,
      leaseSec: 1,
      log: quiet,
      ownFile: async () => {
        while ((await job()).status !== 'complete') await sleep(50);
        return path.join(dir, 'song.mp3');
      },
    });
    while (!(await job()).locked_by) await sleep(20);
    // Worker B: healthy; takes the job once A's lease has run out (PGlite: at its start, as a restart would).
    const b = startWorker({
      db,
      outDir,
      watermarkKey: KEY,
      concurrency: 1,
      leaseSec: 1,
      log: quiet,
      ownFile: async () => path.join(dir, 'song.mp3'),
    });
    while ((await job()).status !== 'complete') await sleep(50);
    await b.stop();
    await a.stop();

    const done = await job();
    expect(done.mark_id).toEqual(expect.any(String));
    const served = fs.readFileSync(path.join(outDir, done.result_path));
    const found = detect(await decodeAudio(new Uint8Array(served)), KEY);
    expect(found?.id).toBe(done.mark_id);
    // The loser's output is not left behind either.
    expect(fs.readdirSync(outDir)).toEqual([done.result_path]);
  }, 120_000);
});
