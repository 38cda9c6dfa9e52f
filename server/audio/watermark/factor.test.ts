import { describe, it, expect } from 'vitest';
import { resample } from '../codec/resample.js';
import type { PcmAudio } from '../codec/types.js';
import { embed } from './embed.js';
import { detect } from './detect.js';
import { lnMagGrid, monoAtRate, slotValues } from './features.js';
import { coarseFactors, COARSE_STEP, searchFactors, searchWindows, segments, warpOf } from './factor.js';
import { getLayout } from './layout.js';
import { BINS, FINE_HOP, FINE_PER_HOP, RATE } from './params.js';
import { binGrid, frameCount, IDENTITY, warpedSlots } from './warp.js';
import { excerpt, pianoSong } from './testing/signals.js';

const KEY = 'factor-key';
const ID = '5a5a00ff12345678';
const marked = embed(pianoSong(16, 44100, 21), ID, KEY);

/** Speed change done in JS: resample to fewer samples and play them at the old rate (faster, higher). */
function speedUp(pcm: PcmAudio, to: number): PcmAudio {
  return { sampleRate: pcm.sampleRate, channels: pcm.channels.map((c) => resample(c, pcm.sampleRate, to)) };
}

// every read of changed or unmarked audio runs the factor search: slow on a loaded machine
describe('factor search', { timeout: 120_000 }, () => {
  it('maps sox changes onto warps of time and frequency', () => {
    expect(warpOf({ change: 'speed', value: 1.02 })).toEqual({ time: 1 / 1.02, freq: 1.02 });
    expect(warpOf({ change: 'tempo', value: 0.97 })).toEqual({ time: 1 / 0.97, freq: 1 });
    expect(warpOf({ change: 'pitch', value: 2 ** (1 / 12) })).toEqual({ time: 1, freq: 2 ** (1 / 12) });
    expect(warpOf({ change: 'none', value: 1 })).toEqual(IDENTITY);
  });

  it('covers speed 0.90-1.10, tempo 0.95-1.05 and a semitone of pitch on a grid of COARSE_STEP', () => {
    const f = coarseFactors();
    const line = (c: string) => f.filter((x) => x.change === c).map((x) => x.value);
    for (const [c, lo, hi] of [
      ['speed', 0.9, 1.1],
      ['tempo', 0.95, 1.05],
      ['pitch', 2 ** (-1 / 12), 2 ** (1 / 12)],
    ] as const) {
      const v = line(c);
      expect(Math.min(...v)).toBeLessThanOrEqual(lo + 1e-9);
      expect(Math.max(...v)).toBeGreaterThanOrEqual(hi - 1e-9);
      for (let i = 1; i < v.length; i++) expect(v[i]! - v[i - 1]!).toBeLessThanOrEqual(2 * COARSE_STEP + 1e-9);
      expect(v.some((x) => Math.abs(x - 1) < 1e-9)).toBe(false); // no change is the unwarped detector's
    }
  });

  it('reads the unwarped band values exactly like the unwarped detector', () => {
    const x = monoAtRate(excerpt(marked, 1, 4));
    const a = slotValues(lnMagGrid(x, FINE_HOP).data, frameCount(x.length), FINE_PER_HOP, 3);
    const b = warpedSlots(binGrid(x), IDENTITY, 3 * FINE_HOP);
    expect(b.slots).toBe(a.slots);
    for (let i = 0; i < a.slots * BINS; i++) expect(b.v[i]!).toBeCloseTo(a.v[i]!, 4);
  });

  it('splits long inputs into windows and segments that cover them', () => {
    const frames = frameCount(180 * RATE);
    const w = searchWindows(frames);
    expect(w.length).toBe(3);
    for (const r of w) expect(r.to - r.from).toBe(Math.round((10 * RATE) / FINE_HOP));
    expect(searchWindows(frameCount(12 * RATE))).toEqual([{ from: 0, to: frameCount(12 * RATE) }]);
    const s = segments(frames);
    expect(s[0]!.from).toBe(0);
    expect(s.at(-1)!.to).toBe(frames);
    for (let i = 1; i < s.length; i++) expect(s[i]!.from).toBe(s[i - 1]!.to);
  });

  it('finds a speed change of +2.6% (resampled in JS) to within 0.1% and reads the ID through it', () => {
    const fast = speedUp(excerpt(marked, 3, 12), 43000); // plays 44100 / 43000 = 1.0256x faster
    const factor = 44100 / 43000;
    const best = searchFactors(monoAtRate(fast), getLayout(KEY))[0]!;
    expect(best.factor.change).toBe('speed');
    expect(Math.abs(best.factor.value - factor)).toBeLessThan(0.001);
    expect(Math.max(...best.best.map((c) => c.z))).toBeGreaterThan(6);
    expect(detect(fast, KEY, { search: false })).toBeNull(); // the plain detector loses it
    const r = detect(fast, KEY);
    expect(r).toMatchObject({ id: ID, change: 'speed' });
    expect(Math.abs(r!.factor - factor)).toBeLessThan(0.001);
  });

  it('finds a slow-down of -7% to within 0.2% and reports no change for an unchanged song', () => {
    const slow = speedUp(excerpt(marked, 1, 10), 47419); // 44100 / 47419 = 0.930x
    const r = detect(slow, KEY);
    expect(r).toMatchObject({ id: ID, change: 'speed' });
    expect(Math.abs(r!.factor - 44100 / 47419)).toBeLessThan(0.002);
    expect(detect(marked, KEY)).toMatchObject({ id: ID, change: 'none', factor: 1 });
  });

  it('reads nothing with the wrong key, even searching every factor', () => {
    expect(detect(speedUp(excerpt(marked, 3, 12), 43000), 'another-key')).toBeNull();
  });
});
