import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AudioTooLongError, decodeAudio } from './index.js';
import { probeHeader } from './probe.js';

const dir = mkdtempSync(path.join(tmpdir(), 'probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Silence from ffmpeg: `layout` e.g. 7.1, `rate` in Hz. */
export function silence(name: string, layout: string, rate: number, seconds: number, args: string[]): Uint8Array {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds)],
    ...['-i', `anullsrc=r=${rate}:cl=${layout}`, ...args, out],
  ]);
  return new Uint8Array(readFileSync(out));
}

/** Rewrites the total-samples field of a FLAC file's STREAMINFO (0: unknown, as streamed encoders write). */
export function withFlacTotal(bytes: Uint8Array, total: number): Uint8Array {
  const b = bytes.slice();
  const d = 8; // 'fLaC', block header
  b[d + 13] = (b[d + 13]! & 0xf0) | Math.floor(total / 2 ** 32);
  new DataView(b.buffer).setUint32(d + 14, total >>> 0);
  return b;
}

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
    expect((await decodeAudio(unknown, { maxSeconds: 40 })).channels).toHaveLength(8);
  });

  it('reads an Ogg Vorbis header and its length from the last page', () => {
    const ogg = silence('s.ogg', 'stereo', 44_100, 3, ['-c:a', 'libvorbis']);
    const h = probeHeader(ogg, 'ogg')!;
    expect(h).toMatchObject({ sampleRate: 44_100, channels: 2 });
    expect(h.frames! / 44_100).toBeCloseTo(3, 1);
  });
});
