/**
 * Measures, in the background, the loudness of songs that have audio and no measure (the songs
 * there were before migration 012, releases), then of albums that have none (migration 015; a
 * song's change forgets its album's): an album is measured over its songs' audio in track order,
 * as one stream. One worker thread, one song or album at a time, so the server keeps answering;
 * it looks again every `everyMs`, or at once when told (`wantLoudness()`, on a release).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { mediaDirs } from '../storage/files.js';
import type { Loudness } from './loudness.js';
import { onLoudnessWanted } from './loudness-nudge.js';
import { albumsToMeasure, saveAlbumLoudness, saveLoudness, songsToMeasure } from './loudness-repo.js';

type Answer = { ok: true; loudness: Loudness } | { ok: false; error: string };

export function startLoudnessBackfill(db: Db, dataDir: string, log: FastifyBaseLogger, everyMs = 30_000) {
  const audioDir = mediaDirs(dataDir).audio;
  let worker: Worker | null = null;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Set<string>();
  const measure = (files: string[]) =>
    new Promise<Answer>((resolve, reject) => {
      const w = (worker ??= new Worker(new URL('./loudness-worker-boot.mjs', import.meta.url), {
        workerData: { role: 'loudness' },
      }));
      const failedWorker = (err: unknown) => {
        worker = null; // a worker that failed is not asked again
        reject(err);
      };
      w.once('message', (answer: Answer) => {
        w.off('error', failedWorker);
        resolve(answer);
      });
      w.once('error', failedWorker);
      w.postMessage(files.map((f) => path.join(audioDir, f)));
    });
  /** Measures each item once; one that cannot be measured is not tried again by this process. */
  const measureAll = async (
    what: string,
    items: { id: string; files: string[] }[],
    save: (id: string, files: string[], l: Loudness) => Promise<unknown>,
  ) => {
    let done = 0;
    for (const item of items) {
      if (stopped) return;
      if (failed.has(item.id)) continue;
      const answer = await measure(item.files);
      if (answer.ok) {
        await save(item.id, item.files, answer.loudness);
        done++;
      } else {
        failed.add(item.id);
        log.warn(`the loudness of ${what} ${item.id} could not be measured: ${answer.error}`);
      }
    }
    if (done) log.info(`loudness measured for ${done} ${what}(s)`);
  };
  const round = async () => {
    const songs = (await songsToMeasure(db, 50)).map((s) => ({ id: s.id, files: [s.audio_path] }));
    await measureAll('song', songs, (id, [file], l) => saveLoudness(db, id, file!, l));
    await measureAll('album', await albumsToMeasure(db, 20), (id, files, l) => saveAlbumLoudness(db, id, files, l));
  };
  const loop = async () => {
    running = true;
    do {
      again = false;
      try {
        await round();
      } catch (err) {
        log.error({ err }, 'loudness measurement failed');
      }
    } while (again && !stopped);
    running = false;
    if (!stopped) timer = setTimeout(() => void loop(), everyMs);
  };
  const unsubscribe = onLoudnessWanted(() => {
    if (stopped) return;
    if (running) again = true;
    else {
      clearTimeout(timer);
      void loop();
    }
  });
  void loop();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await worker?.terminate();
    },
  };
}
