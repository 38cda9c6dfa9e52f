import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AudioFormatError, decodeAudio, encodeMp3, encodeWav, RealFFT, resample, sniffAudioType } from './index.js';

const SR = 44100;
function tone(freq: number, seconds: number, sr = SR, amp = 0.5): Float32Array {
  const out = new Float32Array(Math.floor(seconds * sr));
  for (let i = 0; i < out.length; i++) out[i] = amp * Math.sin((2 * Math.PI * freq * i) / sr);
  return out;
}

/** WAV writer for arbitrary formats (test fixture only). */
function wavBytes(ch: Float32Array[], sr: number, kind: 'i16' | 'i24' | 'i32' | 'f32'): Uint8Array {
  const bps = kind === 'i16' ? 2 : kind === 'i24' ? 3 : 4;
  const n = ch[0]!.length;
  const data = n * ch.length * bps;
  const b = new Uint8Array(44 + data);
  const dv = new DataView(b.buffer);
  const w = (p: number, s: string) => [...s].forEach((c, i) => (b[p + i] = c.charCodeAt(0)));
  w(0, 'RIFF');
  dv.setUint32(4, 36 + data, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, kind === 'f32' ? 3 : 1, true);
  dv.setUint16(22, ch.length, true);
  dv.setUint32(24, sr, true);
  dv.setUint32(28, sr * ch.length * bps, true);
  dv.setUint16(32, ch.length * bps, true);
  dv.setUint16(34, bps * 8, true);
  w(36, 'data');
  dv.setUint32(40, data, true);
  let p = 44;
  for (let i = 0; i < n; i++) {
    for (const c of ch) {
      const v = c[i]!;
      if (kind === 'f32') dv.setFloat32(p, v, true);
      else if (kind === 'i16') dv.setInt16(p, Math.round(v * 32767), true);
      else if (kind === 'i32') dv.setInt32(p, Math.round(v * 2147483647), true);
      else {
        const x = Math.round(v * 8388607) & 0xffffff;
        b[p] = x & 255;
        b[p + 1] = (x >> 8) & 255;
        b[p + 2] = (x >> 16) & 255;
      }
      p += bps;
    }
  }
  return b;
}

function requireFfmpeg() {
  const r = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  if (r.error || r.status !== 0)
    throw new Error('ffmpeg is required by this test: install it (apt-get install ffmpeg)');
}

function ffmpegEncode(wav: Uint8Array, ext: string, args: string[]): Uint8Array {
  requireFfmpeg();
  const dir = mkdtempSync(path.join(tmpdir(), 'codec-test-'));
  try {
    writeFileSync(path.join(dir, 'in.wav'), wav);
    const out = path.join(dir, `out.${ext}`);
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', path.join(dir, 'in.wav'), ...args, out]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bestLagCorr(a: Float32Array, b: Float32Array, maxLag: number): { lag: number; corr: number } {
  let best = { lag: 0, corr: -Infinity };
  const n = Math.min(a.length, b.length) - maxLag - 1;
  for (let lag = 0; lag <= maxLag; lag++) {
    let s = 0;
    let ea = 0;
    let eb = 0;
    for (let i = 2000; i < n; i += 3) {
      s += a[i]! * b[i + lag]!;
      ea += a[i]! * a[i]!;
      eb += b[i + lag]! * b[i + lag]!;
    }
    const c = s / Math.sqrt(ea * eb);
    if (c > best.corr) best = { lag, corr: c };
  }
  return best;
}

describe('sniffAudioType', () => {
  it('recognises content, not names', () => {
    const wav = encodeWav({ sampleRate: SR, channels: [tone(440, 0.1)] });
    expect(sniffAudioType(wav)).toBe('wav');
    expect(sniffAudioType(new TextEncoder().encode('fLaC\0\0\0\x22' + 'x'.repeat(40)))).toBe('flac');
    expect(sniffAudioType(new TextEncoder().encode('OggS' + 'x'.repeat(40)))).toBe('ogg');
    expect(sniffAudioType(new TextEncoder().encode('<html><body>hello</body></html>'))).toBeNull();
    const rnd = new Uint8Array(5000).map((_, i) => (i * 7919 + 13) & 255);
    expect(sniffAudioType(rnd)).toBeNull();
  });
});

describe('decodeAudio', () => {
  it('rejects non-audio with AudioFormatError', async () => {
    await expect(decodeAudio(new TextEncoder().encode('just some text, definitely not audio'))).rejects.toBeInstanceOf(
      AudioFormatError,
    );
    await expect(decodeAudio(new Uint8Array(0))).rejects.toThrow(/not a supported audio file/);
  });

  for (const kind of ['i16', 'i24', 'i32', 'f32'] as const) {
    it(`decodes WAV ${kind}`, async () => {
      const l = tone(440, 0.2);
      const r = tone(660, 0.2, SR, 0.25);
      const pcm = await decodeAudio(wavBytes([l, r], SR, kind));
      expect(pcm.sampleRate).toBe(SR);
      expect(pcm.channels).toHaveLength(2);
      const tol = kind === 'i16' ? 1e-4 : 1e-6;
      for (let i = 0; i < l.length; i += 97) {
        expect(pcm.channels[0]![i]).toBeCloseTo(l[i]!, kind === 'i16' ? 3 : 5);
        expect(Math.abs(pcm.channels[1]![i]! - r[i]!)).toBeLessThan(tol);
      }
    });
  }

  it('round-trips encodeWav (16-bit)', async () => {
    const x = tone(1000, 0.5, 48000);
    const pcm = await decodeAudio(encodeWav({ sampleRate: 48000, channels: [x] }));
    expect(pcm.sampleRate).toBe(48000);
    expect(pcm.channels[0]!.length).toBe(x.length);
    let err = 0;
    for (let i = 0; i < x.length; i++) err = Math.max(err, Math.abs(pcm.channels[0]![i]! - x[i]!));
    expect(err).toBeLessThan(1 / 32768 + 1e-6);
  });

  it('round-trips encodeMp3 through the MP3 decoder', async () => {
    const l = tone(440, 2);
    const r = tone(880, 2, SR, 0.3);
    const mp3 = await encodeMp3({ sampleRate: SR, channels: [l, r] }, { bitrate: 128 });
    expect(sniffAudioType(mp3)).toBe('mp3');
    const pcm = await decodeAudio(mp3);
    expect(pcm.sampleRate).toBe(SR);
    expect(pcm.channels).toHaveLength(2);
    const { corr } = bestLagCorr(l, pcm.channels[0]!, 2500);
    expect(corr).toBeGreaterThan(0.99);
  });

  it('decodes FLAC and Ogg Vorbis (made by ffmpeg)', async () => {
    const x = tone(523.25, 1.5);
    const wav = encodeWav({ sampleRate: SR, channels: [x, x] });
    const flac = ffmpegEncode(wav, 'flac', ['-c:a', 'flac']);
    expect(sniffAudioType(flac)).toBe('flac');
    const f = await decodeAudio(flac);
    expect(f.channels[0]!.length).toBe(x.length);
    for (let i = 0; i < x.length; i += 101) expect(Math.abs(f.channels[0]![i]! - x[i]!)).toBeLessThan(1e-4);
    const ogg = ffmpegEncode(wav, 'ogg', ['-c:a', 'libvorbis', '-b:a', '128k']);
    expect(sniffAudioType(ogg)).toBe('ogg');
    const o = await decodeAudio(ogg);
    expect(o.sampleRate).toBe(SR);
    expect(bestLagCorr(x, o.channels[0]!, 3000).corr).toBeGreaterThan(0.99);
  });
});

describe('resample', () => {
  it('keeps a tone and its amplitude (44.1k -> 48k -> 22.05k)', () => {
    const x = tone(1000, 1);
    for (const to of [48000, 22050, 16000, 44099]) {
      const y = resample(x, SR, to);
      expect(y.length).toBe(Math.ceil((x.length * to) / SR));
      let err = 0;
      for (let i = 2000; i < y.length - 2000; i++)
        err = Math.max(err, Math.abs(y[i]! - 0.5 * Math.sin((2 * Math.PI * 1000 * i) / to)));
      expect(err).toBeLessThan(1e-3);
    }
  });
  it('removes content above the new Nyquist', () => {
    const y = resample(tone(15000, 1), SR, 22050);
    let e = 0;
    for (let i = 2000; i < y.length - 2000; i++) e = Math.max(e, Math.abs(y[i]!));
    expect(e).toBeLessThan(1e-3);
  });
});

describe('RealFFT', () => {
  it('matches a direct DFT and inverts exactly', () => {
    const n = 64;
    const f = new RealFFT(n);
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + (i % 5) * 0.1);
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    f.forward(x, re, im);
    for (let k = 0; k <= n / 2; k++) {
      let a = 0;
      let b = 0;
      for (let j = 0; j < n; j++) {
        a += x[j]! * Math.cos((2 * Math.PI * j * k) / n);
        b -= x[j]! * Math.sin((2 * Math.PI * j * k) / n);
      }
      expect(re[k]).toBeCloseTo(a, 9);
      expect(im[k]).toBeCloseTo(b, 9);
    }
    const y = new Float64Array(n);
    f.inverse(re, im, y);
    for (let j = 0; j < n; j++) expect(y[j]).toBeCloseTo(x[j]!, 12);
  });
});
