import { describe, it, expect } from 'vitest';
import { cellTargets, markDelta } from './embed.js';
import { informedGains } from './informed.js';
import { monoAtRate } from './features.js';
import { BINS, CELLS, RATE, SLOT } from './params.js';
import type { PcmAudio } from '../codec/types.js';
import { noiseSong, popSong, whiteNoise } from './testing/signals.js';

const KEY = 'informed-key';
const targets = cellTargets('0123456789abcdef', KEY);

function gainsFor(song: PcmAudio) {
  const x = monoAtRate(song);
  let se = 0;
  for (const c of song.channels) for (let i = 0; i < c.length; i++) se += c[i]! * c[i]!;
  const g = informedGains(x, targets, KEY, {
    snrDb: 30.5,
    hostEnergy: se,
    channels: song.channels.length,
    sampleRate: song.sampleRate,
  });
  const d = markDelta(x, g);
  let de = 0;
  for (let i = 0; i < d.length; i++) de += d[i]! * d[i]!;
  // the mark is made at RATE: compare energies per second, per channel
  const hostPerSec = se / song.channels.length / song.sampleRate;
  return { x, gains: g, snr: 10 * Math.log10(hostPerSec / (de / RATE)) };
}

describe('informed embedding gains', () => {
  it('gives every cell the polarity of its target and stays within the gain limit', () => {
    const { x, gains } = gainsFor(popSong(12, RATE, 31, { silence: true }));
    expect(gains.length).toBe(Math.ceil(Math.ceil(x.length / SLOT) / 2) * BINS);
    for (let i = 0; i < gains.length; i++) {
      expect(Math.sign(gains[i]!)).toBe(targets[i % CELLS]);
      expect(Math.abs(gains[i]!)).toBeLessThanOrEqual(1 + 1e-6);
    }
  });

  it('predicts the mark energy: the synthesised mark lands within 1 dB of the SNR budget', () => {
    expect(Math.abs(gainsFor(noiseSong(12, 44100, 32)).snr - 30.5)).toBeLessThan(1);
    // pop songs may hit the per-cell gain limit first: then the mark is weaker, never stronger
    expect(gainsFor(popSong(12, 44100, 33)).snr).toBeGreaterThan(29.5);
  });

  it('spreads the gain: a passage 20 dB quieter gets a larger log-gain', () => {
    const song = whiteNoise(8, RATE, 34, 0.3);
    for (const c of song.channels) for (let i = 4 * RATE; i < c.length; i++) c[i]! *= 0.1;
    const { gains } = gainsFor(song);
    const mean = (from: number, to: number) => {
      let s = 0;
      for (let i = from * BINS; i < to * BINS; i++) s += Math.abs(gains[i]!);
      return s / ((to - from) * BINS);
    };
    const pairs = gains.length / BINS;
    // pairs well inside each half (a pair is 1024 samples)
    expect(mean(Math.ceil(pairs / 2) + 4, pairs - 2)).toBeGreaterThan(2 * mean(2, Math.floor(pairs / 2) - 4));
  });
});
