/**
 * Reading the mark through a desynchronisation. The detector computes one STFT of the received audio
 * (FINE_HOP hop) and keeps the log-power of every bin that a warped band can land on. A warp says
 * where the original geometry went:
 *
 *  - `time`: an original position P (internal-rate samples) is found at P * time in the received audio
 *    (sox `speed 1.02` -> time 1/1.02; `tempo 0.97` -> time 1/0.97; `pitch` -> time 1),
 *  - `freq`: an original bin b is found at bin b * freq (speed 1.02 -> 1.02; tempo -> 1; pitch +1
 *    semitone -> 2^(1/12)).
 *
 * Slot values for a warp read the nearest grid frame (FINE_HOP / 2 = 1.45 ms at most off, which the
 * detector already tolerates) and interpolate the log-power between neighbouring bins. With the
 * identity warp they are exactly the values the unwarped detector reads.
 */
import { fft, sineWindow } from './features.js';
import { BAND_W, BIN_LO, BINS, FFT_SIZE, FINE_HOP, POWER_FLOOR, SLOT } from './params.js';

/** widest frequency warp that the grid keeps bins for (speed 1.10 or a semitone up, with margin) */
export const MAX_FREQ_WARP = 1.12;
export const GRID_LO = Math.floor(BIN_LO / MAX_FREQ_WARP) - 1;
export const GRID_HI = Math.min(FFT_SIZE / 2, Math.ceil((BIN_LO + BINS * BAND_W) * MAX_FREQ_WARP) + 1);
export const GRID_BINS = GRID_HI - GRID_LO + 1;

export interface Warp {
  time: number;
  freq: number;
}

export const IDENTITY: Warp = { time: 1, freq: 1 };

/**
 * ln(power) of bins GRID_LO..GRID_HI for frames m = from..to-1 starting at m * FINE_HOP
 * ((to - from) x GRID_BINS). Only a part of a long song is held at a time (a 20-minute song in full
 * would take 150 MB).
 */
export interface BinGrid {
  from: number;
  to: number;
  data: Float32Array;
}

/** Number of FINE_HOP frames of a signal of n samples. */
export function frameCount(n: number): number {
  return n >= FFT_SIZE ? Math.floor((n - FFT_SIZE) / FINE_HOP) + 1 : 0;
}

export function binGrid(x: Float32Array, from = 0, to = frameCount(x.length)): BinGrid {
  const hop = FINE_HOP;
  from = Math.max(0, from);
  to = Math.max(from, Math.min(to, frameCount(x.length)));
  const data = new Float32Array((to - from) * GRID_BINS);
  const f = fft();
  const win = sineWindow();
  const re = new Float64Array(FFT_SIZE / 2 + 1);
  const im = new Float64Array(FFT_SIZE / 2 + 1);
  for (let m = from; m < to; m++) {
    f.forward(x, re, im, m * hop, win);
    const o = (m - from) * GRID_BINS - GRID_LO;
    for (let b = GRID_LO; b <= GRID_HI; b++) {
      const a = re[b]!;
      const c = im[b]!;
      data[o + b] = Math.log(a * a + c * c + POWER_FLOOR);
    }
  }
  return { from, to, data };
}

/** For each band and bin inside it, the grid column and interpolation weight of the warped bin. */
function binTaps(freq: number): { col: Int32Array; w: Float32Array } {
  const n = BINS * BAND_W;
  const col = new Int32Array(n);
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const pos = (BIN_LO + i) * freq - GRID_LO;
    const c = Math.max(0, Math.min(GRID_BINS - 2, Math.floor(pos)));
    col[i] = c;
    w[i] = Math.max(0, Math.min(1, pos - c));
  }
  return { col, w };
}

/**
 * Per-slot band values v(s, k) for slots starting at received sample `start + s * SLOT * warp.time`
 * (>= the grid's first frame), for slots whose frame lies in the grid (and before `endFrame`).
 */
export function warpedSlots(
  g: BinGrid,
  warp: Warp,
  start: number,
  endFrame = g.to,
  out?: Float32Array,
): { slots: number; v: Float32Array } {
  const step = (SLOT * warp.time) / FINE_HOP;
  const s0 = start / FINE_HOP;
  const first = g.from;
  const last = Math.min(endFrame, g.to) - 1;
  const slots = s0 + 0.5 <= last + 1 && s0 >= first - 0.5 ? Math.floor((last + 0.5 - s0) / step) + 1 : 0;
  const v = out && out.length >= slots * BINS ? out : new Float32Array(slots * BINS);
  const { col, w } = binTaps(warp.freq);
  const data = g.data;
  const scale = 0.5 / BAND_W;
  const identity = warp.freq === 1;
  for (let s = 0; s < slots; s++) {
    const m = Math.min(last, Math.max(first, Math.round(s0 + s * step)));
    const row = (m - first) * GRID_BINS;
    const o = s * BINS;
    if (identity) {
      for (let k = 0, c = row + BIN_LO - GRID_LO; k < BINS; k++) {
        let acc = 0;
        for (let j = 0; j < BAND_W; j++, c++) acc += data[c]!;
        v[o + k] = scale * acc;
      }
      continue;
    }
    for (let k = 0, i = 0; k < BINS; k++) {
      let acc = 0;
      for (let j = 0; j < BAND_W; j++, i++) {
        const c = row + col[i]!;
        const a = data[c]!;
        acc += a + w[i]! * (data[c + 1]! - a);
      }
      v[o + k] = scale * acc;
    }
  }
  return { slots, v };
}
