import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDb } from '../test/harness.js';
import { claimJob, finishJob } from './jobs-repo.js';
import { createJob, inFlightJobForUpload, jobByQuery, jobStates } from './index.js';

const UPLOAD = '0b6f2a52-5d0e-4a8c-9a4e-3f1f5c2d7e11';
const OTHER = '7c1d9e4b-2a3f-4b5c-8d6e-1f2a3b4c5d6e';
const link = (id: string) => `https://music.example/media/uploads/${id}?u=x&e=1&s=sig`;
const migration009 = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations/009_job_upload.sql'),
  'utf8',
);

describe.each(backends())('the Soundlinks queue API (%s)', (backend) => {
  let fresh: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    fresh = await freshDb(backend);
  });
  afterAll(async () => fresh.drop());

  it('records the upload a job was made from, and none for another link', async () => {
    const own = await createJob(fresh.db, 'app', link(UPLOAD), 'Artist');
    const foreign = await createJob(fresh.db, 'app', 'https://elsewhere.example/song.mp3', 'Artist');
    expect((await jobByQuery(fresh.db, 'app', own))?.upload_id).toBe(UPLOAD);
    expect((await jobByQuery(fresh.db, 'app', foreign))?.upload_id).toBeNull();
  });

  it('finds a job by its query credential only for the app that made it', async () => {
    const query = await createJob(fresh.db, 'app', link(OTHER), '');
    expect(await jobByQuery(fresh.db, 'app', query)).toMatchObject({ query, status: 'processing', stage: 'queued' });
    expect(await jobByQuery(fresh.db, 'another-app', query)).toBeUndefined();
    expect(await jobByQuery(fresh.db, 'app', 'no-such-credential')).toBeUndefined();
    // The same request while its job is in flight answers the same credential.
    expect(await createJob(fresh.db, 'app', link(OTHER), '')).toBe(query);
  });

  it('tells whether an upload has a job in flight, until the job is done', async () => {
    expect(await inFlightJobForUpload(fresh.db, UPLOAD)).toBe(true);
    expect(await inFlightJobForUpload(fresh.db, '00000000-0000-4000-8000-000000000000')).toBe(false);
    // Work every queued job off: done jobs no longer count.
    for (let job = await claimJob(fresh.db, 'w'); job; job = await claimJob(fresh.db, 'w')) {
      await finishJob(fresh.db, job.id, 'w', { status: 'failed', message: 'stopped by the test' });
    }
    expect(await inFlightJobForUpload(fresh.db, UPLOAD)).toBe(false);
  });

  it('answers the states of the jobs asked about, for syncing a dashboard', async () => {
    const a = await createJob(fresh.db, 'app', link(UPLOAD), 'Again');
    const states = await jobStates(fresh.db, 'app', [a, 'unknown']);
    expect(states).toEqual([
      expect.objectContaining({ query: a, status: 'processing', message: 'Waiting for a worker', mark_id: null }),
    ]);
    expect(await jobStates(fresh.db, 'another-app', [a])).toEqual([]);
    expect(await jobStates(fresh.db, 'app', [])).toEqual([]);
  });

  it('migration 009 fills the upload of jobs made before it, from their links', async () => {
    const q = await createJob(fresh.db, 'app', `${link(OTHER)}&again=1`, 'Before 009');
    const foreign = await createJob(fresh.db, 'app', 'https://elsewhere.example/x/media/uploads/nope?x', 'B');
    await fresh.db.query('update soundlinks_jobs set upload_id = null');
    const fill = migration009
      .replace(/--.*$/gm, '')
      .split(/;\s*$/m)
      .find((s) => s.trim().startsWith('update'))!;
    await fresh.db.query(fill);
    expect((await jobByQuery(fresh.db, 'app', q))?.upload_id).toBe(OTHER);
    expect((await jobByQuery(fresh.db, 'app', foreign))?.upload_id).toBeNull();
  });
});
