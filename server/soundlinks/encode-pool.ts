import { Worker } from 'node:worker_threads';
import type { EncodeOutcome, EncodeTask } from './encode-thread.js';

/**
 * Long-lived worker threads, one task each at a time. A thread that dies (or a task that throws)
 * rejects its task, and the thread is replaced for the next one.
 */
export class EncodePool {
  private idle: Worker[] = [];
  private waiting: ((w: Worker) => void)[] = [];
  private all = new Set<Worker>();

  constructor(private readonly size: number) {
    // Started at once: a thread's first load (TypeScript, the WASM codecs) then is not a job's cost.
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./encode-thread-boot.mjs', import.meta.url), {
      workerData: { role: 'soundlinks-encode' },
    });
    this.all.add(w);
    w.unref();
    return w;
  }

  private async acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return w;
    if (this.all.size < this.size) return this.spawn();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker, healthy: boolean) {
    if (!healthy) {
      this.all.delete(w);
      void w.terminate();
      if (this.waiting.length) this.waiting.shift()!(this.spawn());
      return;
    }
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async run(task: EncodeTask): Promise<EncodeOutcome> {
    const w = await this.acquire();
    let healthy = true;
    try {
      return await new Promise<EncodeOutcome>((resolve, reject) => {
        const onError = (err: Error) => {
          healthy = false;
          reject(err);
        };
        w.once('error', onError);
        w.once('message', (m: EncodeOutcome | { error: string }) => {
          w.off('error', onError);
          if ('error' in m) reject(new Error(m.error));
          else resolve(m);
        });
        // The bytes move to the thread instead of being copied.
        w.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
      });
    } finally {
      this.release(w, healthy);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle = [];
  }
}
