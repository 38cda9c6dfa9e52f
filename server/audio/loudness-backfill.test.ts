import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySongPageSchema, songListSchema } from '@contract/catalog.js';
import { F } from '../test/fixture.js';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { mediaDirs } from '../storage/files.js';
import { startLoudnessBackfill } from './loudness-backfill.js';
import { wantLoudness } from './loudness-nudge.js';

const quietLog = { info() {}, warn() {}, error() {} } as unknown as Parameters<typeof startLoudnessBackfill>[2];

/** FFmpeg's EBU R128 summary of the files played one after another (the concat filter). */
function ffmpegAlbumR128(files: string[]): { lufs: number; truePeakDb: number } {
  const inputs = files.flatMap((f) => ['-i', f]);
  const graph = `${files.map((_, i) => `[${i}:a]`).join('')}concat=n=${files.length}:v=0:a=1,ebur128=peak=true`;
  const ff = spawnSync('ffmpeg', ['-hide_banner', '-nostats', ...inputs, '-filter_complex', graph, '-f', 'null', '-'], {
    encoding: 'utf8',
  }).stderr;
  const summary = ff.slice(ff.lastIndexOf('Summary:'));
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeakDb: Number(/True peak:\s+Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  };
}

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

  it('measures the album over its songs in order (as FFmpeg reads them concatenated), and forgets it when a song changes', async () => {
    // three synthesized tracks of different levels, the middle one quiet enough for the relative gate
    const audioDir = mediaDirs(s.dataDir).audio;
    const before = await songs();
    const amplitudes = [0.7, 0.01, 0.3];
    for (const [i, song] of before.entries()) {
      const file = `album-${i}.mp3`;
      const tone = `aevalsrc=${amplitudes[i]}*sin(2*PI*${440 * (i + 1)}*t):d=${4 + i}:s=44100`;
      const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', tone, '-ac', '2', '-c:a', 'libmp3lame'];
      expect(spawnSync('ffmpeg', [...args, path.join(audioDir, file)]).status).toBe(0);
      await s.db.query(
        `update songs set audio_path = $2, duration_sec = $3, loudness_lufs = null, true_peak_db = null where id = $1`,
        [song.id, file, 4 + i],
      );
    }
    // the album's stored measure, once its songs are measured too
    const stored = async () =>
      (
        await s.db.query<{ lufs: number | null }>(
          `select a.loudness_lufs as lufs from albums a where a.id = $1
              and not exists (select 1 from songs s where s.album_id = a.id and s.loudness_lufs is null)`,
          [F.albums.robots],
        )
      ).rows[0]?.lufs ?? null;
    const backfill = startLoudnessBackfill(s.db, s.dataDir, quietLog, 100);
    try {
      await expect.poll(stored, { timeout: 60_000 }).not.toBeNull();
    } finally {
      await backfill.stop();
    }
    // (the public answers are shared for 2 s)
    const lufs = await stored();
    await expect.poll(async () => (await songs())[0]?.albumLoudness?.lufs, { timeout: 10_000 }).toBe(lufs);
    const list = await songs();
    const album = list[0]!.albumLoudness!;
    expect(list.every((x) => x.albumLoudness?.lufs === album.lufs)).toBe(true);
    const ref = ffmpegAlbumR128(list.map((_, i) => path.join(audioDir, `album-${i}.mp3`)));
    expect(Math.abs(album.lufs - ref.lufs), `${album.lufs} vs ${ref.lufs} LUFS`).toBeLessThanOrEqual(0.5);
    expect(
      Math.abs(album.truePeakDb - ref.truePeakDb),
      `${album.truePeakDb} vs ${ref.truePeakDb} dBTP`,
    ).toBeLessThanOrEqual(0.5);
    // not what the songs' figures estimate (their length-weighted energy mean, which the quiet song pulls down)
    const energy = list.reduce((e, x) => e + x.durationSec * 10 ** (x.loudness!.lufs / 10), 0);
    const estimate = 10 * Math.log10(energy / list.reduce((t, x) => t + x.durationSec, 0));
    expect(album.lufs - estimate).toBeGreaterThan(1);
    // search answers carry it too (shared for 2 s as well: the first test asked the same)
    const found = async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/v1/library?name=Electric' });
      return librarySongPageSchema.parse(r.json()).items.find((x) => x.id === list[0]!.id)?.albumLoudness;
    };
    await expect.poll(found, { timeout: 10_000 }).toEqual(album);

    // a song that moves within the album makes its measure stale: forgotten (migration 015's trigger)
    await s.db.query('update songs set track_number = 9 where id = $1', [list[0]!.id]);
    expect(await stored()).toBeNull();
    await expect
      .poll(async () => (await songs()).map((x) => x.albumLoudness), { timeout: 10_000 })
      .toEqual([null, null, null]);
    // a backfill that looks once an hour measures it in its first look, then again at once when told (a release)
    const later = startLoudnessBackfill(s.db, s.dataDir, quietLog, 3_600_000);
    try {
      await expect.poll(stored, { timeout: 60_000 }).not.toBeNull();
      await s.db.query('update songs set track_number = 1 where id = $1', [list[0]!.id]);
      expect(await stored()).toBeNull();
      wantLoudness();
      await expect.poll(stored, { timeout: 60_000 }).toBeCloseTo(album.lufs, 2);
    } finally {
      await later.stop();
    }
  });
});
