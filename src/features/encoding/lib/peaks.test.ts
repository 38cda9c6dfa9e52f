import { describe, expect, it } from 'vitest';
import { computePeaks } from './peaks';

describe('computePeaks', () => {
  it('takes the loudest magnitude of each slice', () => {
    const s = new Float32Array([0.1, -0.5, 0.2, 0.3, -0.9, 0.05, 0, 0]);
    expect(computePeaks(s, 4).map((v) => Math.round(v * 100) / 100)).toEqual([0.5, 0.3, 0.9, 0]);
  });
  it('stretches a signal shorter than the slices over all of them, and clamps above 1', () => {
    expect(computePeaks(new Float32Array([2, 0.5]), 4)).toEqual([1, 1, 0.5, 0.5]);
    expect(computePeaks(new Float32Array(0), 2)).toEqual([0, 0]);
  });
});
