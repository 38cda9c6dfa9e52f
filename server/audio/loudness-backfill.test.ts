import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySongPageSchema, songListSchema } from '@contract/catalog.js';
import { F } from '../test/fixture.js';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { mediaDirs } from '../storage/files.js';
import { startLoudnessBackfill } from './loudness-backfill.js';

const quietLog = { info() {}, warn() {}, error() {} } as unknown as Parameters<typeof startLoudnessBackfill>[2];

describe.each(backends())('loudness of existing songs, measured in the background (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  const songs = async () => {
    const r = await s.app.inject({ method: 'GET', url: `/api/v1/music/catalog/songs/${F.albums.robots}` });
    return songListSchema.parse(r.json());
  };

  it('answers null before, then the measure (as FFmpeg reads it) with the song in album lists and search', async () => {
    expect((await songs()).map((x) => x.loudness)).toEqual([null, null, null]);
    const backfill = startLoudnessBackfill(s.db, s.dataDir, quietLog, 100);
    try {
      await expect.poll(async () => (await songs()).every((x) => x.loudness), { timeout: 60_000 }).toBe(true);
    } finally {
      await backfill.stop();
    }
    const [first] = await songs();
    const file = path.join(mediaDirs(s.dataDir).audio, `${first!.id}.mp3`);
    const ff = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], {
      encoding: 'utf8',
    }).stderr;
    const ref = Number(/I:\s+(-?[\d.]+) LUFS/.exec(ff.slice(ff.lastIndexOf('Summary:')))![1]);
    expect(Math.abs(first!.loudness!.lufs - ref)).toBeLessThanOrEqual(0.5);
    expect(first!.loudness!.truePeakDb).toBeLessThanOrEqual(0.5);

    const found = await s.app.inject({ method: 'GET', url: '/api/v1/library?name=Electric' });
    const page = librarySongPageSchema.parse(found.json());
    expect(page.items.find((x) => x.id === first!.id)?.loudness).toEqual(first!.loudness);
  });
});
