import { describe, expect, it } from 'vitest';
import { AudioTooLongError, decodeAudio } from './index.js';
import { probeHeader } from './probe.js';
import { silence, withFlacTotal } from './testing.js';

describe('the header check and the decoded-sample count (decompression bombs)', () => {
  const bomb = silence('bomb.flac', '7.1', 192_000, 1, ['-c:a', 'flac']);

  it('reads rate, channels and length from a FLAC header', () => {
    expect(probeHeader(bomb, 'flac')).toEqual({ sampleRate: 192_000, channels: 8, frames: 192_000 });
  });

  it('refuses a file whose header says duration × rate × channels is over 20 minutes of 48 kHz stereo, saying why', async () => {
    // 5 minutes of 7.1 at 192 kHz: 16 times the budget, in a file of a few kilobytes.
    const claims = withFlacTotal(bomb, 300 * 192_000);
    const err = await decodeAudio(claims, { maxSeconds: 1200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AudioTooLongError);
    expect((err as AudioTooLongError).detail).toBe(
      'The file holds more audio than allowed: 5 minutes of 8 channels at 192 kHz; the limit is 20 minutes of 48 kHz stereo',
    );
  });

  it('counts decoded samples over every channel when the header does not tell the length', async () => {
    // 2 s of 8 channels at 192 kHz is within 3 s of length, but over 3 s of 48 kHz stereo in samples.
    const unknown = withFlacTotal(silence('two.flac', '7.1', 192_000, 2, ['-c:a', 'flac']), 0);
    expect(probeHeader(unknown, 'flac')?.frames).toBeUndefined();
    const err = await decodeAudio(unknown, { maxSeconds: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AudioTooLongError);
    expect((err as AudioTooLongError).detail).toMatch(/more audio than allowed/);
    // Within the budget it decodes, keeping the two channels an MP3 can carry.
    expect((await decodeAudio(unknown, { maxSeconds: 40 })).channels).toHaveLength(2);
  });

  it('reads an Ogg Vorbis header and its length from the last page', () => {
    const ogg = silence('s.ogg', 'stereo', 44_100, 3, ['-c:a', 'libvorbis']);
    const h = probeHeader(ogg, 'ogg')!;
    expect(h).toMatchObject({ sampleRate: 44_100, channels: 2 });
    expect(h.frames! / 44_100).toBeCloseTo(3, 1);
  });
});
