/**
 * Informed embedding. The detector's per-cell statistic u = (v(A) - v(B)) minus the common mode,
 * normalised by the pair's spread, is dominated by the host itself (drum hits, the random fine
 * structure of noise-like music), not by the attacks. The embedder knows the host, so for every
 * coded bit (and every sync group) in every block copy it measures how much the host already agrees
 * with the wanted polarity and sets that group's strength so that host + mark reaches a common
 * margin: little mark where the host already helps, more where it works against the bit. The margin
 * is found by bisection so that the predicted mark energy meets the SNR budget.
 */
import { getLayout } from './layout.js';
import { CODED_BITS } from './layout.js';
import { fft, sineWindow } from './features.js';
import {
  BAND_W,
  BIN_LO,
  BINS,
  CELL_CLIP,
  CELLS,
  FFT_SIZE,
  NOISE_FLOOR_VAR,
  PAIRS,
  POWER_FLOOR,
  RATE,
  SLOT,
  SYNC_CELLS,
} from './params.js';

/** sync cells are grouped like the cells of a coded bit so that each group gets its own margin */
const SYNC_GROUP = 5;
const GROUPS = CODED_BITS + Math.ceil(SYNC_CELLS / SYNC_GROUP);
/**
 * Per-cell shaping. The detector reads a cell relative to the host (log-magnitude), so a cell's
 * evidence per unit of mark energy is ~ sensitivity / power: a gain ~ sqrt(sensitivity / power) makes
 * the mark roughly flat in the band instead of proportional to the host, which moves energy away from
 * drum hits (loud, and down-weighted by the detector) into steadier cells. RANGE bounds the shaping
 * (x1/10 .. x10 around the song's median, i.e. a 20 dB spread) so quiet cells, which noise and lossy
 * codecs erase first, do not take the whole budget. Measured with bench/watermark/dev.ts: pop songs
 * at 5 s after MP3 64 went from bit SNR 0.43 to 0.97.
 */
const RANGE = 10;
/**
 * Only part of the host's agreement is compensated: the fine structure the embedder sees at exact
 * alignment is partly lost to excerpt offsets and codecs (full compensation measured worse than none).
 */
const LAMBDA = 0.3;
/**
 * Fraction of a slot's gain seen by the detector's frame at the slot start (the neighbouring
 * half-overlapping frames carry the mean of two slots' gains), estimated from the window overlap.
 */
const KAPPA = 0.75;

export interface InformedOptions {
  /** signal / mark energy to reach, dB */
  snrDb: number;
  /** energy of the host at the original rate, summed over channels, and the channel count / rate */
  hostEnergy: number;
  channels: number;
  sampleRate: number;
  /** smallest strength of a group, as a fraction of the margin (keeps some mark where the host agrees) */
  minFrac?: number;
  /** largest log-gain of a cell (default 1 ~ +-8.7 dB; 0.5 measured clearly weaker on pop songs) */
  maxGain?: number;
  /**
   * when given, receives the STFT (bins BIN_LO .. BIN_LO + BINS * BAND_W - 1) of every slot-start
   * frame, which markDelta then does not compute again: nSlots x (BINS * BAND_W) values each
   */
  spectra?: SlotSpectra;
}

export interface SlotSpectra {
  re: Float32Array;
  im: Float32Array;
}

export const SPECTRUM_BINS = BINS * BAND_W;

const groupCache = new Map<string, Int32Array>();
/** group index (0..GROUPS-1) of every cell of a block */
function cellGroups(key: string): Int32Array {
  const hit = groupCache.get(key);
  if (hit) return hit;
  const layout = getLayout(key);
  const g = new Int32Array(CELLS);
  for (let c = 0; c < CELLS; c++) g[c] = layout.role[c]!;
  for (let i = 0; i < layout.syncCells.length; i++) g[layout.syncCells[i]!] = CODED_BITS + Math.floor(i / SYNC_GROUP);
  if (groupCache.size > 16) groupCache.clear();
  groupCache.set(key, g);
  return g;
}

/**
 * Signed log-gain per (song pair, band): G[p * BINS + k] is applied to slot 2p and its negative to
 * slot 2p + 1. `targets` holds the +-1 polarity of each block cell.
 */
export function informedGains(x: Float32Array, targets: Float32Array, key: string, o: InformedOptions): Float32Array {
  const n = x.length;
  const nSlots = Math.ceil(n / SLOT);
  const nPairs = Math.ceil(nSlots / 2);
  const f = fft();
  const win = sineWindow();
  const re = new Float64Array(FFT_SIZE / 2 + 1);
  const im = new Float64Array(FFT_SIZE / 2 + 1);
  const v = new Float32Array(nPairs * 2 * BINS);
  const pw = new Float32Array(nPairs * 2 * BINS);
  let full = 0;
  const sp = o.spectra;
  for (let s = 0; s < nSlots; s++) {
    f.forward(x, re, im, s * SLOT, win);
    if (sp) {
      const base = s * SPECTRUM_BINS - BIN_LO;
      for (let b = BIN_LO; b < BIN_LO + SPECTRUM_BINS; b++) {
        sp.re[base + b] = re[b]!;
        sp.im[base + b] = im[b]!;
      }
    }
    for (let b = 1; b < FFT_SIZE / 2; b++) full += 2 * (re[b]! * re[b]! + im[b]! * im[b]!);
    for (let k = 0, bin = BIN_LO; k < BINS; k++) {
      let acc = 0;
      let p = 0;
      for (let w = 0; w < BAND_W; w++, bin++) {
        const q = re[bin]! * re[bin]! + im[bin]! * im[bin]!;
        acc += Math.log(q + POWER_FLOOR);
        p += q;
      }
      v[s * BINS + k] = (0.5 / BAND_W) * acc;
      pw[s * BINS + k] = 2 * p;
    }
  }
  // Parseval for this STFT: time-domain energy = c * (sum over the slot-start frames' power) * 2 frames per slot
  let xe = 0;
  for (let i = 0; i < n; i++) xe += x[i]! * x[i]!;
  const c = full > 0 ? xe / (2 * full) : 0;

  const groups = cellGroups(key);
  const nGroups = Math.ceil(nPairs / PAIRS) * GROUPS;
  const H = new Float64Array(nGroups); // host agreement per group
  const A = new Float64Array(nGroups); // sensitivity of the statistic to the group's strength
  const gid = new Int32Array(nPairs * BINS);
  const shape = new Float32Array(nPairs * BINS);
  const sens = new Float32Array(nPairs * BINS);
  const d = new Float64Array(BINS);
  for (let p = 0; p < nPairs; p++) {
    const a = 2 * p * BINS;
    const b = a + BINS;
    let m = 0;
    for (let k = 0; k < BINS; k++) m += d[k] = v[a + k]! - v[b + k]!;
    m /= BINS;
    let e = 0;
    for (let k = 0; k < BINS; k++) e += (d[k]! - m) ** 2;
    const w2 = 1 / (e / BINS + NOISE_FLOOR_VAR);
    const w = Math.sqrt(w2);
    const base = Math.floor(p / PAIRS) * GROUPS;
    for (let k = 0; k < BINS; k++) {
      const i = p * BINS + k;
      const cell = (p % PAIRS) * BINS + k;
      gid[i] = base + groups[cell]!;
      const t = (d[k]! - m) * w;
      const clipped = t > CELL_CLIP ? CELL_CLIP : t < -CELL_CLIP ? -CELL_CLIP : t;
      H[gid[i]!]! += targets[cell]! * clipped * w;
      // a clipped cell does not move with the mark (until it leaves the clip), so it cannot help
      sens[i] = Math.abs(t) < CELL_CLIP ? 2 * KAPPA * w2 : 0;
      shape[i] = sens[i]! / (pw[a + k]! + pw[b + k]! + 1e-9);
    }
  }
  // per-cell shaping: gain ~ sqrt(sensitivity / power), normalised by the song's median
  const sorted = shape.filter((q) => q > 0).sort();
  const med = sorted.length ? sorted[sorted.length >> 1]! : 1;
  for (let i = 0; i < shape.length; i++) {
    const q = shape[i]! > 0 ? Math.sqrt(shape[i]! / med) : 1 / RANGE;
    shape[i] = Math.min(RANGE, Math.max(1 / RANGE, q));
    A[gid[i]!]! += sens[i]! * shape[i]!;
  }

  const minFrac = o.minFrac ?? 0.25;
  const maxGain = o.maxGain ?? 1;
  const mg = new Float64Array(nGroups);
  const strengths = (mu: number) => {
    for (let g = 0; g < nGroups; g++) {
      const want = A[g]! > 0 ? mu - (LAMBDA * H[g]!) / A[g]! : mu;
      mg[g] = Math.min(maxGain, Math.max(minFrac * mu, want));
    }
  };
  // host power of each cell's A and B slot, in cell order
  const nCells = nPairs * BINS;
  const pa = new Float64Array(nCells);
  const pb = new Float64Array(nCells);
  for (let i = 0; i < nCells; i++) {
    const p = Math.floor(i / BINS) * 2 * BINS + (i % BINS);
    pa[i] = pw[p]!;
    pb[i] = pw[p + BINS]!;
  }
  const energy = () => {
    let e = 0;
    for (let i = 0; i < nCells; i++) {
      const m = mg[gid[i]!]! * shape[i]!;
      const g = Math.exp(m < maxGain ? m : maxGain);
      const up = g - 1; // expm1(m)
      const down = 1 / g - 1; // expm1(-m)
      e += pa[i]! * up * up + pb[i]! * down * down;
    }
    return e * c;
  };
  // mark energy allowed at this rate, mono: SNR is measured over all channels at the original rate
  const budget = ((o.hostEnergy / o.channels / 10 ** (o.snrDb / 10)) * RATE) / o.sampleRate;
  let lo = 0;
  let hi = 4 * maxGain;
  for (let it = 0; it < 18; it++) {
    const mid = 0.5 * (lo + hi);
    strengths(mid);
    if (energy() > budget) hi = mid;
    else lo = mid;
  }
  strengths(lo);
  const G = new Float32Array(nPairs * BINS);
  for (let i = 0; i < nPairs * BINS; i++)
    G[i] = Math.min(maxGain, mg[gid[i]!]! * shape[i]!) * targets[(Math.floor(i / BINS) % PAIRS) * BINS + (i % BINS)]!;
  return G;
}
