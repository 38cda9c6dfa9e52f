/**
 * The loudness measure against FFmpeg's EBU R128 meter (`-af ebur128=peak=true`) on demo songs as
 * the server renders them, and the demo files' format (44.1 kHz stereo, 128 kbit/s, a LAME tag
 * that makes decoders cut the encoder's delay and padding).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ALBUMS, DEMO_ARTISTS, songSpec } from './demo/plan.js';
import { renderToFile } from './demo/render-worker.js';
import { SYNTH_RATE } from './demo/synth.js';
import { integratedLoudness, LoudnessMeter, measureLoudness, truePeak } from './loudness.js';

function ffmpeg(args: string[]): string {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new Error('ffmpeg is required by this test: install it (apt-get install ffmpeg)');
  return r.stderr;
}

/** FFmpeg's integrated loudness and true peak of a file. */
function ffmpegR128(file: string): { lufs: number; truePeakDb: number } {
  const out = ffmpeg(['-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  const summary = out.slice(out.lastIndexOf('Summary:'));
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeakDb: Number(/True peak:\s+Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  };
}

// Three demo songs of different sounds: with drums, ambient strings (no fades), piano.
const picks = [
  ['circuit', 0],
  ['deep', 1],
  ['quiet', 2],
] as const;

describe('loudness of the demo songs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-loudness-'));
  const rendered: { file: string; lufs: number; truePeakDb: number; durationSec: number }[] = [];
  beforeAll(async () => {
    for (const [albumKey, index] of picks) {
      const album = DEMO_ALBUMS.find((a) => a.key === albumKey)!;
      const artist = DEMO_ARTISTS.find((a) => a.key === album.artistKey)!;
      const file = path.join(dir, `${albumKey}-${index}.mp3`);
      const r = await renderToFile({
        id: `${albumKey}-${index}`,
        spec: songSpec(artist, albumKey, album.songs[index]!, index),
        file,
      });
      rendered.push({ file, ...r.loudness, durationSec: r.durationSec });
    }
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('matches FFmpeg ebur128 within 0.5 LU (integrated) and 0.5 dB (true peak)', () => {
    for (const r of rendered) {
      const ref = ffmpegR128(r.file);
      expect(
        Math.abs(r.lufs - ref.lufs),
        `${path.basename(r.file)}: ${r.lufs} vs ${ref.lufs} LUFS`,
      ).toBeLessThanOrEqual(0.5);
      expect(Math.abs(r.truePeakDb - ref.truePeakDb), `${path.basename(r.file)} true peak`).toBeLessThanOrEqual(0.5);
      expect(r.lufs).toBeLessThan(-5);
      expect(r.lufs).toBeGreaterThan(-40);
    }
  });

  it('renders 44.1 kHz stereo at 128 kbit/s, and decoders cut exactly the encoder delay and padding', () => {
    for (const r of rendered) {
      const probe = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-select_streams', 'a', r.file], {
        encoding: 'utf8',
      });
      expect(probe.stdout).toMatch(/sample_rate=44100/);
      expect(probe.stdout).toMatch(/channels=2/);
      expect(probe.stdout).toMatch(/bit_rate=128000/);
      const pcm = spawnSync('ffmpeg', ['-v', 'error', '-i', r.file, '-f', 'f32le', '-ac', '1', '-'], {
        maxBuffer: 1 << 28,
      });
      // the decoded length is the synthesized length to the sample: no silence added at either end
      expect(pcm.stdout.length / 4).toBe(Math.round(r.durationSec * SYNTH_RATE));
    }
  });
});

describe('measure', () => {
  const rate = 48000;
  const sine = (amp: number, hz: number, sec: number) =>
    Float32Array.from({ length: rate * sec }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));

  it('reads the calibration levels of BS.1770 (a full-scale 997 Hz sine in one channel is −3.01 LUFS)', () => {
    // BS.1770's calibration: a 0 dBFS 1 kHz sine in one channel reads −3.01 LUFS
    const tone = sine(1, 997, 5);
    expect(integratedLoudness({ sampleRate: rate, channels: [tone] })).toBeCloseTo(-3.01, 1);
    const quiet = sine(0.1, 997, 5);
    expect(integratedLoudness({ sampleRate: rate, channels: [quiet, quiet] })).toBeCloseTo(-20, 1);
  });

  it('finds the peak between samples, and calls silence silent', () => {
    // a sine at a quarter of the rate, sampled 45° off its peaks: samples at 0.707, true peak 1
    const n = rate;
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin((Math.PI / 2) * i + Math.PI / 4));
    expect(truePeak({ sampleRate: rate, channels: [x] })).toBeGreaterThan(-0.3);
    expect(measureLoudness({ sampleRate: rate, channels: [new Float32Array(rate)] })).toEqual({
      lufs: -70,
      truePeakDb: -100,
    });
  });

  it('measures audio given in pieces as the whole (an album is its songs one after another)', () => {
    const whole = Float32Array.from({ length: rate * 6 }, (_, i) => (i < rate * 2 ? 0.5 : 0.05) * Math.sin(i / 7));
    const meter = new LoudnessMeter();
    // pieces that end inside a 100 ms step
    for (const [from, to] of [
      [0, 12_345],
      [12_345, rate * 2 + 17],
      [rate * 2 + 17, rate * 6],
    ] as const) {
      meter.push({ sampleRate: rate, channels: [whole.subarray(from, to), whole.subarray(from, to)] });
    }
    expect(meter.integrated()).toBeCloseTo(integratedLoudness({ sampleRate: rate, channels: [whole, whole] }), 9);
    expect(meter.result()).toEqual(measureLoudness({ sampleRate: rate, channels: [whole, whole] }));
  });
});
