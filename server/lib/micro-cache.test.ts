import { describe, expect, it } from 'vitest';
import { MicroCache } from './micro-cache.js';

describe('MicroCache', () => {
  it('computes once for concurrent misses and serves hits until the entry is older than the ttl', async () => {
    const cache = new MicroCache<number>(50);
    let calls = 0;
    const produce = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return calls;
    };
    expect(await Promise.all([cache.get('a', produce), cache.get('a', produce)])).toEqual([1, 1]);
    expect(await cache.get('a', produce)).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('a', produce)).toBe(2);
  });

  it('does not keep failures, and drops the oldest entry when full', async () => {
    const cache = new MicroCache<string>(10_000, 2);
    await expect(cache.get('x', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('x', async () => 'ok')).toBe('ok');
    await cache.get('y', async () => 'y');
    await cache.get('z', async () => 'z');
    expect(await cache.get('x', async () => 'recomputed')).toBe('recomputed');
  });
});
