/**
 * Measures, in the background, the loudness of songs that have audio and no measure: the songs
 * there were before migration 012, and any whose audio was made without one. One worker thread,
 * one song at a time, so the server keeps answering; it looks again every `everyMs`.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { mediaDirs } from '../storage/files.js';
import type { Loudness } from './loudness.js';
import { saveLoudness, songsToMeasure } from './loudness-repo.js';

type Answer = { ok: true; loudness: Loudness } | { ok: false; error: string };

export function startLoudnessBackfill(db: Db, dataDir: string, log: FastifyBaseLogger, everyMs = 30_000) {
  const audioDir = mediaDirs(dataDir).audio;
  let worker: Worker | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Set<string>();
  const measure = (file: string) =>
    new Promise<Answer>((resolve, reject) => {
      worker ??= new Worker(new URL('./loudness-worker-boot.mjs', import.meta.url), {
        workerData: { role: 'loudness' },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(file);
    });
  const round = async () => {
    const songs = (await songsToMeasure(db, 50)).filter((s) => !failed.has(s.id));
    for (const s of songs) {
      if (stopped) return;
      const answer = await measure(path.join(audioDir, s.audio_path));
      if (answer.ok) await saveLoudness(db, s.id, s.audio_path, answer.loudness);
      else {
        failed.add(s.id);
        log.warn(`the loudness of song ${s.id} could not be measured: ${answer.error}`);
      }
    }
    if (songs.length) log.info(`loudness measured for ${songs.length} song(s)`);
  };
  const loop = async () => {
    try {
      await round();
    } catch (err) {
      log.error({ err }, 'loudness measurement failed');
    }
    if (!stopped) timer = setTimeout(() => void loop(), everyMs);
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await worker?.terminate();
    },
  };
}
