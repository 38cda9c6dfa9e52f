import { describe, it, expect } from 'vitest';
import type { PcmAudio } from '../codec/types.js';
import { embed } from './embed.js';
import { detect } from './detect.js';
import { excerpt, pianoSong, popSong } from './testing/signals.js';
import { requireTool, sox } from './testing/attacks.js';

// Speed and tempo changes made with the Debian `sox` binary (tests only). Missing -> the test FAILS.
describe('watermark robustness (speed and tempo changes)', () => {
  const KEY = 'robustness-test-key';
  const songs = {
    pop: { id: '0f1e2d3c4b5a6978', pcm: popSong(30, 44100, 11, { silence: true }) },
    piano: { id: 'c0ffee00deadbeef', pcm: pianoSong(30, 44100, 12) },
  };
  const marked: Partial<Record<keyof typeof songs, PcmAudio>> = {};
  const markedSong = (name: keyof typeof songs) => (marked[name] ??= embed(songs[name].pcm, songs[name].id, KEY));
  const cases = [
    { effect: ['speed', '1.02'], change: 'speed', factor: 1.02 },
    { effect: ['speed', '0.98'], change: 'speed', factor: 0.98 },
    { effect: ['tempo', '0.97'], change: 'tempo', factor: 0.97 },
  ] as const;

  it('has sox installed', () => {
    expect(() => requireTool('sox')).not.toThrow();
  });

  for (const name of ['pop', 'piano'] as const) {
    for (const c of cases) {
      it(`${name}: reads the ID and the factor through sox ${c.effect.join(' ')} (whole song and a 10 s excerpt)`, async () => {
        const a = await sox(markedSong(name), [...c.effect], ['-r', '44100']);
        expect(detect(a, KEY, { search: false })).toBeNull(); // the unwarped reading is lost
        const whole = detect(a, KEY);
        expect(whole).toMatchObject({ id: songs[name].id, change: c.change });
        expect(Math.abs(whole!.factor - c.factor)).toBeLessThan(0.002);
        const ex = detect(excerpt(a, 17.1, 10), KEY);
        expect(ex?.id).toBe(songs[name].id);
        expect(Math.abs(ex!.factor - c.factor)).toBeLessThan(0.003);
      }, 120_000);
    }

    it(`${name}: reads nothing from the unmarked song sped up or time-stretched`, async () => {
      const fast = await sox(songs[name].pcm, ['speed', '1.03'], ['-r', '44100']);
      expect(detect(fast, KEY)).toBeNull();
      expect(detect(excerpt(fast, 6.2, 10), KEY)).toBeNull();
      expect(detect(await sox(songs[name].pcm, ['tempo', '0.97'], ['-r', '44100']), KEY)).toBeNull();
      // and a marked song read with another key
      expect(detect(await sox(markedSong(name), ['speed', '1.02'], ['-r', '44100']), 'some-other-key')).toBeNull();
    }, 120_000);
  }
});
