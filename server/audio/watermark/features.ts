import { resample } from '../codec/resample.js';
import { halve } from './halfband.js';
import { RealFFT } from '../codec/fft.js';
import type { PcmAudio } from '../codec/types.js';
import {
  BIN_LO,
  BAND_W,
  BINS,
  CELL_CLIP,
  NOISE_FLOOR_VAR,
  FFT_SIZE,
  FRAMES_PER_SLOT,
  HOPS_PER_SLOT,
  POWER_FLOOR,
  RATE,
  SUBBAND,
} from './params.js';

/** The watermark only lives below ~4.3 kHz, so internal resampling can use a short filter. */
const PASS = 4700;
export function internalResampleOptions(from: number, to: number) {
  const stop = Math.min(from, to) - PASS; // first frequency that would alias/image into the passband
  if (stop > PASS + 500) return { passband: PASS, stopband: stop, attenuation: 70 };
  return {};
}

/** Mono mix (mean of channels) at the internal rate. */
export function monoAtRate(pcm: PcmAudio): Float32Array {
  const chans = pcm.channels;
  if (!chans.length) return new Float32Array(0);
  const n = chans[0]!.length;
  let mono: Float32Array;
  if (chans.length === 1) mono = chans[0]!;
  else {
    mono = new Float32Array(n);
    const s = 1 / chans.length;
    for (const c of chans) for (let i = 0; i < n; i++) mono[i]! += c[i]! * s;
  }
  if (pcm.sampleRate === RATE) return mono === chans[0] ? new Float32Array(mono) : mono;
  if (pcm.sampleRate === 2 * RATE) return halve(mono);
  return resample(mono, pcm.sampleRate, RATE, internalResampleOptions(pcm.sampleRate, RATE));
}

let sineWin: Float64Array | undefined;
/** sqrt of a periodic Hann window: analysis and synthesis window (sum of squares at 50% overlap = 1). */
export function sineWindow(): Float64Array {
  if (!sineWin) {
    sineWin = new Float64Array(FFT_SIZE);
    for (let i = 0; i < FFT_SIZE; i++) sineWin[i] = Math.sin((Math.PI * (i + 0.5)) / FFT_SIZE);
  }
  return sineWin;
}

let fftInst: RealFFT | undefined;
export function fft(): RealFFT {
  return (fftInst ??= new RealFFT(FFT_SIZE));
}

/**
 * Log-magnitudes of the marked bins for frames starting at start0 + m * hop (m = 0..frames-1).
 * Returns frames x BINS values (row-major).
 */
export function lnMagGrid(x: Float32Array, hop: number, start0 = 0): { frames: number; data: Float32Array } {
  const frames = x.length >= start0 + FFT_SIZE ? Math.floor((x.length - start0 - FFT_SIZE) / hop) + 1 : 0;
  const data = new Float32Array(frames * BINS);
  const f = fft();
  const win = sineWindow();
  const re = new Float64Array(FFT_SIZE / 2 + 1);
  const im = new Float64Array(FFT_SIZE / 2 + 1);
  for (let m = 0; m < frames; m++) {
    f.forward(x, re, im, start0 + m * hop, win);
    const o = m * BINS;
    for (let k = 0, bin = BIN_LO; k < BINS; k++) {
      let acc = 0;
      for (let w = 0; w < BAND_W; w++, bin++) {
        const a = re[bin]!;
        const b = im[bin]!;
        acc += Math.log(a * a + b * b + POWER_FLOOR);
      }
      data[o + k] = (0.5 / BAND_W) * acc;
    }
  }
  return { frames, data };
}

/**
 * Per-slot log-magnitude v(s, k): mean over the FRAMES_PER_SLOT frames inside slot s.
 * `framesPerHop` = how many grid frames per STFT hop (1 for a HOP grid, 4 for a FINE_HOP grid),
 * `first` = grid frame index at which slot 0 starts.
 */
export function slotValues(
  grid: Float32Array,
  gridFrames: number,
  framesPerHop: number,
  first: number,
): { slots: number; v: Float32Array } {
  const stride = framesPerHop * HOPS_PER_SLOT;
  const lastOffset = (FRAMES_PER_SLOT - 1) * framesPerHop;
  const slots = gridFrames > first + lastOffset ? Math.floor((gridFrames - 1 - first - lastOffset) / stride) + 1 : 0;
  const v = new Float32Array(slots * BINS);
  const inv = 1 / FRAMES_PER_SLOT;
  for (let s = 0; s < slots; s++) {
    const o = s * BINS;
    for (let j = 0; j < FRAMES_PER_SLOT; j++) {
      const g = (first + s * stride + j * framesPerHop) * BINS;
      for (let k = 0; k < BINS; k++) v[o + k]! += grid[g + k]!;
    }
    for (let k = 0; k < BINS; k++) v[o + k]! *= inv;
  }
  return { slots, v };
}

/**
 * Detector statistic per cell: v(A) - v(B) for the two slots of a pair (starting at slot `parity`),
 * minus the common-mode level change over SUBBAND bands (broadband transients), clipped.
 * Host music gives ~zero-mean noise; a marked cell gives ~ +-2 * strength.
 */
export function pairStats(
  v: Float32Array,
  slots: number,
  parity: number,
  out?: Float32Array,
): { pairs: number; u: Float32Array } {
  const pairs = slots > parity + 1 ? Math.floor((slots - parity) / 2) : 0;
  const u = out ?? new Float32Array(pairs * BINS);
  for (let p = 0; p < pairs; p++) {
    const a = (parity + 2 * p) * BINS;
    const b = a + BINS;
    const o = p * BINS;
    for (let k = 0; k < BINS; k++) u[o + k] = v[a + k]! - v[b + k]!;
    let e = 0;
    for (let b0 = 0; b0 < BINS; b0 += SUBBAND) {
      const b1 = Math.min(BINS, b0 + SUBBAND);
      let m = 0;
      for (let k = b0; k < b1; k++) m += u[o + k]!;
      m /= b1 - b0;
      for (let k = b0; k < b1; k++) {
        const t = u[o + k]! - m;
        u[o + k] = t;
        e += t * t;
      }
    }
    // maximum-ratio weighting: pairs where the host changes a lot (transients) count less
    const sd = Math.sqrt(e / BINS + NOISE_FLOOR_VAR);
    const w = 1 / sd;
    for (let k = 0; k < BINS; k++) {
      const t = u[o + k]! * w; // unit variance
      u[o + k] = (t > CELL_CLIP ? CELL_CLIP : t < -CELL_CLIP ? -CELL_CLIP : t) * w;
    }
  }
  return { pairs, u };
}
