import { createMp3Encoder } from 'wasm-media-encoders';
import { withLameTag } from './lame-tag.js';
import { resample } from './resample.js';
import type { PcmAudio } from './types.js';

export { encodeWav } from './wav.js';

const MP3_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];
const MP3_BITRATES = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] as const;

export interface Mp3Options {
  /** constant bitrate in kbit/s (8..320, an MP3 bitrate); default 192 */
  bitrate?: number;
}

/**
 * Encode PCM as a CBR MP3 (LAME compiled to WASM). Mono stays mono; more than two channels keep the
 * first two (front left/right). Sample rates MP3 cannot carry are resampled to 44.1 kHz (48 kHz above).
 * Samples are clamped to [-1, 1]. The file starts with a LAME Info tag (encoder delay and padding),
 * so players cut both and consecutive songs join without a gap.
 */
export async function encodeMp3(pcm: PcmAudio, opts: Mp3Options = {}): Promise<Uint8Array> {
  const bitrate = opts.bitrate ?? 192;
  if (!(MP3_BITRATES as readonly number[]).includes(bitrate)) {
    throw new RangeError(`encodeMp3: unsupported bitrate ${bitrate} (use one of ${MP3_BITRATES.join(', ')})`);
  }
  if (!pcm.channels.length) throw new RangeError('encodeMp3: no channels');
  let chans = pcm.channels.slice(0, 2);
  let rate = pcm.sampleRate;
  if (!MP3_RATES.includes(rate)) {
    const target = rate > 44100 ? 48000 : 44100;
    chans = chans.map((c) => resample(c, rate, target));
    rate = target;
  }
  const encoder = await createMp3Encoder();
  encoder.configure({ sampleRate: rate, channels: chans.length as 1 | 2, bitrate: bitrate as 128 });
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (u: Uint8Array) => {
    if (u.length) {
      parts.push(u.slice());
      total += u.length;
    }
  };
  const n = chans[0]!.length;
  const block = 1152 * 64;
  const tmp = chans.map(() => new Float32Array(block));
  for (let start = 0; start < n; start += block) {
    const len = Math.min(block, n - start);
    const views = chans.map((c, i) => {
      const t = len === block ? tmp[i]! : new Float32Array(len);
      for (let j = 0; j < len; j++) {
        const v = c[start + j]!;
        t[j] = v > 1 ? 1 : v < -1 ? -1 : v;
      }
      return t;
    });
    push(encoder.encode(views));
  }
  push(encoder.finalize());
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return withLameTag(out, n);
}
