import { describe, it, expect } from 'vitest';
import { embed } from './embed.js';
import { findSync } from './detect.js';
import { monoAtRate } from './features.js';
import { FINE_HOP, PAIRS, SLOT } from './params.js';
import { excerpt, pianoSong } from './testing/signals.js';

describe('sync search', () => {
  const song = pianoSong(24, 44100, 8);
  const marked = embed(song, '00112233aabbccdd', 'sync-key');

  for (const startSec of [0, 5.13, 11.777]) {
    it(`finds the block alignment of an excerpt starting at ${startSec} s`, () => {
      const ex = excerpt(marked, startSec, 10);
      const best = findSync(monoAtRate(ex), 'sync-key', 3)[0]!;
      expect(best.z).toBeGreaterThan(5);
      // where the excerpt starts on the internal 22.05 kHz grid of the original
      const s0 = Math.floor(startSec * 44100) / 2;
      const first = s0 + best.start; // start of the first slot the detector used
      const used = Math.round(first / SLOT); // global slot index of the first pair's A slot
      // the A/B pair structure makes the correlation peak broad: a quarter slot is accurate enough
      expect(Math.abs(first - used * SLOT)).toBeLessThanOrEqual(SLOT / 4 + FINE_HOP / 2);
      expect(used % 2).toBe(0);
      expect(best.rotation).toBe((used / 2) % PAIRS);
    });
  }

  it('finds no convincing sync with the wrong key or in unmarked audio', () => {
    const ex = excerpt(marked, 3, 10);
    expect(findSync(monoAtRate(ex), 'other-key', 1)[0]!.z).toBeLessThan(5);
    expect(findSync(monoAtRate(excerpt(song, 3, 10)), 'sync-key', 1)[0]!.z).toBeLessThan(5);
  });
});
