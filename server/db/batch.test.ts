import { describe, expect, it } from 'vitest';
import { Batcher } from './batch.js';

describe('Batcher', () => {
  it('answers what is asked in one turn with one load, each key its own value', async () => {
    const loads: number[][] = [];
    const b = new Batcher(async (keys: number[]) => {
      loads.push(keys);
      return keys.map((k) => k * 10);
    });
    expect(await Promise.all([1, 2, 3, 2].map((k) => b.get(k)))).toEqual([10, 20, 30, 20]);
    expect(loads).toEqual([[1, 2, 3, 2]]);
  });

  it('never answers a question with a load that started before it was asked', async () => {
    let version = 0;
    const started: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new Batcher(async (keys: string[]) => {
      const seen = version;
      started.push(seen);
      if (seen === 0) await gate;
      return keys.map(() => seen);
    }, 1);
    const first = b.get('a');
    await new Promise((r) => setImmediate(r)); // the first load is under way
    version = 1; // a change committed while it runs
    const second = b.get('b');
    release();
    expect(await first).toBe(0);
    expect(await second).toBe(1);
    expect(started).toEqual([0, 1]);
  });

  it('passes a failed load on to every question of its batch, and keeps answering', async () => {
    let fail = true;
    const b = new Batcher(async (keys: number[]) => {
      if (fail) throw new Error('database gone');
      return keys;
    });
    const asked = await Promise.allSettled([b.get(1), b.get(2)]);
    expect(asked.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.get(3)).toBe(3);
  });
});
