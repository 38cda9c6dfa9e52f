import fs from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EncodePool } from './encode-pool.js';

/**
 * The verifier's one thread: requests queue for it. A queued request must not hold its file in
 * memory (an upload may be 100 MB, and any number of requests may wait), so a task's bytes can be a
 * loader that the pool calls only once a thread is free for it.
 */
describe('EncodePool with loaders', () => {
  const pool = new EncodePool(1, false);
  afterAll(() => pool.close());
  const song = () => new Uint8Array(fs.readFileSync(inject('fixtureMp3')));

  it('loads a waiting task’s bytes only when the thread is free, and a failed load spares the thread', async () => {
    const loaded: string[] = [];
    const a = pool.detect({
      bytes: async () => {
        loaded.push('a');
        return song();
      },
      watermarkKey: 'pool-test-key',
    });
    const broken = pool.detect({
      bytes: () => Promise.reject(new Error('the file is gone')),
      watermarkKey: 'pool-test-key',
    });
    const b = pool.detect({
      bytes: async () => {
        loaded.push('b');
        return song();
      },
      watermarkKey: 'pool-test-key',
    });
    // The first task is now on the thread (decoding takes a while); the others wait unloaded.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(loaded).toEqual(['a']);
    const ra = await a;
    await expect(broken).rejects.toThrow('the file is gone');
    const rb = await b;
    expect(loaded).toEqual(['a', 'b']);
    for (const r of [ra, rb]) expect(r).toMatchObject({ ok: true, found: null, seconds: expect.any(Number) });
  });
});
