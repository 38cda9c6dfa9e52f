import { describe, it, expect } from 'vitest';
import type { PcmAudio } from '../codec/types.js';
import { embed } from './embed.js';
import { detect } from './detect.js';
import { excerpt, pianoSong, popSong, snrDb } from './testing/signals.js';
import { mp3, requireTool } from './testing/attacks.js';

// Needs the Debian `lame` binary (used only here, never by product code). Missing -> the test FAILS.
describe('watermark robustness (MP3 64 kbps)', () => {
  const KEY = 'robustness-test-key';
  const songs = {
    pop: { id: '0f1e2d3c4b5a6978', pcm: popSong(30, 44100, 11, { silence: true }) },
    piano: { id: 'c0ffee00deadbeef', pcm: pianoSong(30, 44100, 12) },
  };
  const attacked: Record<string, Promise<PcmAudio>> = {};
  const getAttacked = (name: keyof typeof songs) =>
    (attacked[name] ??= (async () => mp3(embed(songs[name].pcm, songs[name].id, KEY), 64))());

  it('has lame installed', () => {
    expect(() => requireTool('lame')).not.toThrow();
  });

  for (const name of ['pop', 'piano'] as const) {
    const { id, pcm } = songs[name];
    it(`${name}: embeds inaudibly (SNR >= 30 dB, no clipping) and reads the ID back after MP3 64 kbps`, async () => {
      const marked = embed(pcm, id, KEY);
      expect(snrDb(pcm, marked)).toBeGreaterThanOrEqual(30);
      let peak = 0;
      for (const c of marked.channels) for (let i = 0; i < c.length; i++) peak = Math.max(peak, Math.abs(c[i]!));
      expect(peak).toBeLessThanOrEqual(1);
      expect(detect(marked, KEY)?.id).toBe(id);

      const a = await getAttacked(name);
      const whole = detect(a, KEY);
      expect(whole?.id).toBe(id);
      expect(whole!.confidence).toBeGreaterThan(0.3);
      expect(detect(a, 'some-other-key')).toBeNull();
      expect(detect(excerpt(a, 0.7, 10), KEY)?.id).toBe(id);
    }, 90_000); // the wrong key finds nothing: the factor search runs in full

    it(`${name}: reads nothing from the unmarked song after MP3 64 kbps`, async () => {
      const plain = await mp3(pcm, 64);
      expect(detect(plain, KEY)).toBeNull();
      expect(detect(excerpt(plain, 13.4, 10), KEY)).toBeNull();
    }, 90_000); // nothing found: the factor search runs in full
  }

  it('piano: reads the ID from a 10 s excerpt in the middle after MP3 64 kbps', async () => {
    expect(detect(excerpt(await getAttacked('piano'), 13.4, 10), KEY)?.id).toBe(songs.piano.id);
  }, 30_000);

  // the silence runs from 13.5 s to 16 s: 7.5 s of the 10 s window carry the mark
  it('pop: reads the ID from a 10 s excerpt spanning the silent break after MP3 64 kbps', async () => {
    expect(detect(excerpt(await getAttacked('pop'), 13.4, 10), KEY)?.id).toBe(songs.pop.id);
  }, 30_000);

  for (const [name, start] of [
    ['pop', 21.37],
    ['piano', 4.21],
  ] as const) {
    it(`${name}: reads the ID from a 5 s excerpt after MP3 64 kbps`, async () => {
      expect(detect(excerpt(await getAttacked(name), start, 5), KEY)?.id).toBe(songs[name].id);
    }, 30_000);
  }
});
