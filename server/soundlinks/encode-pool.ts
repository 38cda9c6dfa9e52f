import { Worker } from 'node:worker_threads';
import type { DetectOutcome, DetectTask, EncodeOutcome, EncodeTask } from './encode-thread.js';

type Bytes = Uint8Array | (() => Promise<Uint8Array>);

/**
 * Long-lived worker threads, one task each at a time. A thread that dies (or a task that throws)
 * rejects its task, and the thread is replaced for the next one.
 */
export class EncodePool {
  private idle: Worker[] = [];
  private waiting: ((w: Worker) => void)[] = [];
  private all = new Set<Worker>();

  private reapers = new Map<Worker, NodeJS.Timeout>();

  /**
   * `eager`: start the threads now, so that a thread's first load (TypeScript, the WASM codecs) is
   * not a job's cost. `idleMs`: a thread with nothing to do for this long ends (its memory goes
   * back); the next task starts one again.
   */
  constructor(
    private readonly size: number,
    eager = true,
    private readonly idleMs = 0,
  ) {
    if (eager) for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private rest(w: Worker) {
    this.idle.push(w);
    if (this.idleMs <= 0) return;
    const t = setTimeout(() => {
      this.reapers.delete(w);
      this.idle = this.idle.filter((x) => x !== w);
      this.all.delete(w);
      void w.terminate();
    }, this.idleMs);
    t.unref();
    this.reapers.set(w, t);
  }

  private wake(w: Worker): Worker {
    clearTimeout(this.reapers.get(w));
    this.reapers.delete(w);
    return w;
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./encode-thread-boot.mjs', import.meta.url), {
      workerData: { role: 'soundlinks-encode' },
      // A hostile file cannot take the whole server with it: past these the thread dies, not the process.
      resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    });
    this.all.add(w);
    w.unref();
    return w;
  }

  private async acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return this.wake(w);
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
    else this.rest(w);
  }

  run(task: EncodeTask): Promise<EncodeOutcome> {
    return this.send({ kind: 'encode', ...task });
  }

  /**
   * `bytes` may be a loader, called once a thread is free: requests waiting for the thread then
   * hold no file in memory (a loader that throws fails its task, the thread stays).
   */
  detect(task: Omit<DetectTask, 'bytes'> & { bytes: Bytes }): Promise<DetectOutcome> {
    return this.send({ kind: 'detect', ...task });
  }

  private async send<T>(task: { kind: string; bytes: Bytes }): Promise<T> {
    const w = await this.acquire();
    let healthy = true;
    try {
      const bytes = typeof task.bytes === 'function' ? await task.bytes() : task.bytes;
      return await new Promise<T>((resolve, reject) => {
        const onError = (err: Error) => {
          healthy = false;
          reject(err);
        };
        w.once('error', onError);
        w.once('message', (m: T | { error: string }) => {
          w.off('error', onError);
          if (m && typeof m === 'object' && 'error' in m) reject(new Error(m.error));
          else resolve(m as T);
        });
        // The bytes move to the thread instead of being copied.
        w.postMessage({ ...task, bytes }, [bytes.buffer as ArrayBuffer]);
      });
    } finally {
      this.release(w, healthy);
    }
  }

  async close(): Promise<void> {
    for (const t of this.reapers.values()) clearTimeout(t);
    this.reapers.clear();
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle = [];
  }
}
