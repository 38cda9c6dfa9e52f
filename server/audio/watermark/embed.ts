import { resample } from '../codec/resample.js';
import type { PcmAudio } from '../codec/types.js';
import { payloadBits } from './crc.js';
import { convEncode } from './conv.js';
import { idToBytes } from './id.js';
import { getLayout } from './layout.js';
import { informedGains, SPECTRUM_BINS, type SlotSpectra } from './informed.js';
import { double } from './halfband.js';
import { fft, internalResampleOptions, monoAtRate, sineWindow } from './features.js';
import { BAND_W, BIN_LO, BINS, CELLS, DEFAULT_STRENGTH, FFT_SIZE, HOP, HOPS_PER_SLOT, RATE, SLOT } from './params.js';

export interface EmbedOptions {
  /**
   * Fixed log-magnitude change per marked cell (e.g. 0.1 ~ +-0.9 dB). When omitted the strength is
   * informed (per cell and per coded bit, see informed.ts) and scaled so that the mark sits at
   * `targetSnrDb` below the music.
   */
  strength?: number;
  /** signal-to-mark ratio to aim for when `strength` is not given (default 30.5 dB) */
  targetSnrDb?: number;
  /** largest log-magnitude change of a cell with the automatic strength (default 1 ~ +-8.7 dB) */
  maxStrength?: number;
}

/** +1/-1 target polarity of every cell of a block for this ID and key. */
export function cellTargets(id: string | bigint, key: string): Float32Array {
  const coded = convEncode(payloadBits(idToBytes(id)));
  const layout = getLayout(key);
  const a = new Float32Array(CELLS);
  for (let c = 0; c < CELLS; c++) {
    const r = layout.role[c]!;
    a[c] = layout.sign[c]! * (r < 0 ? 1 : coded[r] ? 1 : -1);
  }
  return a;
}

/**
 * Compute the watermark signal (at the internal rate) for a mono internal-rate signal.
 * gain(s, k) = exp(G(s,k)) is applied to the STFT of x; returns the difference (marked - x).
 */
export function markDelta(x: Float32Array, gains: Float32Array, spectra?: SlotSpectra): Float32Array {
  const n = x.length;
  const delta = new Float32Array(n);
  const f = fft();
  const win = sineWindow();
  const H = FFT_SIZE / 2 + 1;
  const re = new Float64Array(H);
  const im = new Float64Array(H);
  const dre = new Float64Array(H);
  const dim = new Float64Array(H);
  const frame = new Float64Array(FFT_SIZE);
  const gain = new Float64Array(BINS);
  const lastFrame = Math.ceil(n / HOP);
  const nSlots = Math.ceil(n / SLOT);
  // gains[p * BINS + k]: log-gain of slot 2p (slot 2p + 1 gets its negative)
  const G = (s: number, k: number) => (s < 0 || s >= nSlots ? 0 : (s & 1 ? -1 : 1) * gains[(s >> 1) * BINS + k]!);
  for (let t = -1; t < lastFrame; t++) {
    const start = t * HOP;
    const s = Math.floor(t / HOPS_PER_SLOT);
    const j = t - s * HOPS_PER_SLOT;
    if (j < HOPS_PER_SLOT - 1) for (let k = 0; k < BINS; k++) gain[k] = Math.exp(G(s, k)) - 1;
    else for (let k = 0; k < BINS; k++) gain[k] = Math.exp(0.5 * (G(s, k) + G(s + 1, k))) - 1;
    const stored = spectra && j === 0 && s >= 0 && s < nSlots;
    if (!stored) f.forward(x, re, im, start, win);
    const base = stored ? s * SPECTRUM_BINS - BIN_LO : 0;
    for (let k = 0, b = BIN_LO; k < BINS; k++) {
      const g = gain[k]!;
      for (let w = 0; w < BAND_W; w++, b++) {
        dre[b] = (stored ? spectra.re[base + b]! : re[b]!) * g;
        dim[b] = (stored ? spectra.im[base + b]! : im[b]!) * g;
      }
    }
    f.inverse(dre, dim, frame);
    const i0 = Math.max(0, -start);
    const i1 = Math.min(FFT_SIZE, n - start);
    for (let i = i0; i < i1; i++) delta[start + i]! += frame[i]! * win[i]!;
  }
  return delta;
}

/**
 * Embed a 64-bit ID (16 hex chars, or a bigint < 2^64) into audio with a secret key.
 * Returns new PCM with the same sample rate, channel count and length. The mark is computed on the
 * mono mix at 22.05 kHz and the same band-limited delta is added to every channel; the result never
 * exceeds +-1.0 (the mark is limited where it would overshoot; input that already exceeds 1.0 is
 * scaled down to peak 1.0).
 */
export function embed(pcm: PcmAudio, id: string | bigint, key: string, opts: EmbedOptions = {}): PcmAudio {
  if (!key) throw new RangeError('embed: key must be a non-empty string');
  const targets = cellTargets(id, key);
  const strength = opts.strength ?? DEFAULT_STRENGTH;
  const auto = opts.strength === undefined;
  const chans = pcm.channels;
  if (!chans.length || !chans[0]!.length)
    return { sampleRate: pcm.sampleRate, channels: chans.map((c) => new Float32Array(c)) };
  const n = chans[0]!.length;
  const x = monoAtRate(pcm);
  // host energy and peak in one pass
  let se = 0;
  let peak = 0;
  for (const c of chans) {
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      se += v * v;
      if (v > peak) peak = v;
      else if (-v > peak) peak = -v;
    }
  }
  let gains: Float32Array;
  let spectra: SlotSpectra | undefined;
  if (auto) {
    const size = Math.ceil(x.length / SLOT) * SPECTRUM_BINS;
    spectra = { re: new Float32Array(size), im: new Float32Array(size) };
    gains = informedGains(x, targets, key, {
      spectra,
      snrDb: opts.targetSnrDb ?? 30.5,
      hostEnergy: se,
      channels: chans.length,
      sampleRate: pcm.sampleRate,
      maxGain: opts.maxStrength,
    });
  } else {
    const nPairs = Math.ceil(Math.ceil(x.length / SLOT) / 2);
    gains = new Float32Array(nPairs * BINS);
    for (let i = 0; i < gains.length; i++) gains[i] = strength * targets[i % CELLS]!;
  }
  const d22 = markDelta(x, gains, spectra);
  let d =
    pcm.sampleRate === RATE
      ? d22
      : pcm.sampleRate === 2 * RATE
        ? double(d22, n)
        : resample(d22, RATE, pcm.sampleRate, internalResampleOptions(RATE, pcm.sampleRate));
  if (d.length !== n) {
    const t = new Float32Array(n);
    t.set(d.subarray(0, Math.min(n, d.length)));
    d = t;
  }
  if (auto) {
    // informedGains predicts the mark energy from the STFT; this small correction (the mark is nearly
    // linear in the gains) makes signal / mark energy hit the target SNR exactly
    let de = 0;
    for (let i = 0; i < n; i++) de += d[i]! * d[i]!;
    de *= chans.length;
    if (de > 0 && se > 0) {
      const target = opts.targetSnrDb ?? 30.5;
      const scale = Math.min(1.1, Math.sqrt(se / de / 10 ** (target / 10)));
      for (let i = 0; i < n; i++) d[i]! *= scale;
    }
  }
  const pre = peak > 1 ? 1 / peak : 1;
  const out: Float32Array[] = [];
  const LIMIT = 0.99997; // stays <= 1.0 after float32 rounding and 16-bit quantisation
  for (const c of chans) {
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const xi = c[i]! * pre;
      let v = xi + d[i]!;
      if (v > LIMIT) v = Math.max(xi, LIMIT);
      else if (v < -LIMIT) v = Math.min(xi, -LIMIT);
      y[i] = v;
    }
    out.push(y);
  }
  return { sampleRate: pcm.sampleRate, channels: out };
}
