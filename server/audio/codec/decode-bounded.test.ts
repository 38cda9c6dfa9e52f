import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AudioTooLongError, decodeAudio } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'decode-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file made by ffmpeg from a generated source (`lavfi` spec), read back as bytes. */
function make(name: string, source: string, seconds: number, args: string[]): Uint8Array {
  const out = path.join(dir, name);
  execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds)].concat([
      '-i',
      source,
      ...args,
      out,
    ]),
  );
  return new Uint8Array(readFileSync(out));
}

/**
 * Files from users are decoded with a cap on the audio that comes out: a small compressed file can
 * hold hours of audio (a few hundred kilobytes of FLAC silence, a low-bitrate MP3), far more memory
 * decoded than the upload's size limit suggests.
 */
describe('decoding with a length limit', () => {
  it.each([
    ['FLAC silence', 'long.flac', 'anullsrc=r=44100:cl=stereo', ['-c:a', 'flac']],
    ['a low-bitrate MP3', 'long.mp3', 'sine=f=440:r=8000', ['-c:a', 'libmp3lame', '-b:a', '8k']],
    ['Ogg Vorbis', 'long.ogg', 'sine=f=440:r=22050', ['-c:a', 'libvorbis', '-q:a', '0']],
  ])('gives up on %s longer than the limit, with AudioTooLongError', async (_what, name, source, args) => {
    const bytes = make(name, source, 900, args);
    await expect(decodeAudio(bytes, { maxSeconds: 60 })).rejects.toBeInstanceOf(AudioTooLongError);
  });

  it.each([
    ['MP3', 'short.mp3', ['-c:a', 'libmp3lame', '-b:a', '128k']],
    ['FLAC', 'short.flac', ['-c:a', 'flac']],
    ['Ogg Vorbis', 'short.ogg', ['-c:a', 'libvorbis']],
    ['Ogg FLAC', 'short.oga', ['-c:a', 'flac', '-f', 'ogg']],
    ['WAV', 'short.wav', ['-c:a', 'pcm_s16le']],
  ])('decodes %s within the limit to the same audio as without one', async (_what, name, args) => {
    const bytes = make(name, 'sine=f=440:r=44100', 12, args);
    const whole = await decodeAudio(bytes);
    const capped = await decodeAudio(bytes, { maxSeconds: 60 });
    expect(capped.sampleRate).toBe(whole.sampleRate);
    expect(capped.channels.length).toBe(whole.channels.length);
    expect(capped.channels[0]!.length).toBe(whole.channels[0]!.length);
    expect(capped.channels[0]!.length / capped.sampleRate).toBeGreaterThan(11);
    expect(Array.from(capped.channels[0]!.subarray(20_000, 20_100))).toEqual(
      Array.from(whole.channels[0]!.subarray(20_000, 20_100)),
    );
    await expect(decodeAudio(bytes, { maxSeconds: 5 })).rejects.toBeInstanceOf(AudioTooLongError);
  });
});
