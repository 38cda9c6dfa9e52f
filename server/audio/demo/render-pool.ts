import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Loudness } from '../loudness.js';
import { RenderQueue } from './render-queue.js';
import type { RenderJob } from './render-worker.js';

export interface Rendered {
  id: string;
  bytes: number;
  durationSec: number;
  loudness: Loudness;
}

/**
 * Renders songs on worker threads (one per core, at most `concurrency`), calling onDone as each
 * file lands, taking them from the queue's front (so a song moved there is the next one started).
 * Stops handing out work when `signal` aborts.
 */
export async function renderSongs(
  jobs: RenderJob[] | RenderQueue<RenderJob>,
  onDone: (r: Rendered) => Promise<void>,
  opts: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const queue = jobs instanceof RenderQueue ? jobs : new RenderQueue(jobs);
  const n = Math.max(1, Math.min(opts.concurrency ?? os.availableParallelism(), queue.size));
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url), {
        workerData: { role: 'demo-render' },
      });
      try {
        for (let job = queue.next(); job && !opts.signal?.aborted; job = queue.next()) {
          const current = job;
          const result = await new Promise<{ ok: boolean; error?: string } & Rendered>((resolve, reject) => {
            const fail = (err: Error) => reject(err);
            worker.once('error', fail);
            worker.once('message', (m: { ok: boolean; error?: string } & Rendered) => {
              worker.off('error', fail);
              resolve(m);
            });
            worker.postMessage(current);
          });
          if (result.ok) await onDone(result);
          else errors.push(`${current.id}: ${result.error}`);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  if (errors.length)
    throw new Error(`demo audio failed for ${errors.length} song(s): ${errors.slice(0, 3).join('; ')}`);
}
