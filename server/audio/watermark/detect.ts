import type { PcmAudio } from '../codec/types.js';
import { checkPayload } from './crc.js';
import { convEncode, viterbiDecode } from './conv.js';
import { bytesToId } from './id.js';
import { CODED_BITS, getLayout, type Layout } from './layout.js';
import { lnMagGrid, monoAtRate, pairStats, slotValues } from './features.js';
import { BINS, FINE_HOP, FINE_PER_HOP, FINE_PER_SLOT, INFO_BITS, PAIRS } from './params.js';
import { NO_CHANGE, searchFactors, segments, warpOf, type Change, type Factor } from './factor.js';
import { foldPairs, rotationScores, syncUnderWarp, type WarpCandidate } from './search.js';
import { binGrid, frameCount } from './warp.js';

export type { Change, Factor } from './factor.js';

export interface DetectResult {
  /** the 64-bit ID as 16 lowercase hex characters */
  id: string;
  /** 0..1: normalised agreement between the received soft bits and the decoded codeword */
  confidence: number;
  /**
   * the desynchronisation the mark was read through, in sox's terms: `speed 1.02` (resampled 2%
   * faster), `tempo 0.97` (time-stretched 3% slower), `pitch` as a frequency ratio; `none` = 1
   */
  change: Change;
  factor: number;
}

export interface DetectOptions {
  /** how many best sync candidates are decoded without a warp (default 6) */
  candidates?: number;
  /** minimum sync z-score for a candidate (default 3.0) */
  minSyncZ?: number;
  /** minimum codeword agreement (default 0.25) */
  minConfidence?: number;
  /** search speed / tempo / pitch changes when nothing is read without one (default true) */
  search?: boolean;
  /** refined hypotheses of the search that are decoded (default 4) */
  searchCandidates?: number;
  /** minimum best-window sync z-score for a searched hypothesis (default 4.0) */
  minSearchZ?: number;
  /**
   * minimum codeword agreement of a read found by the search (default 0.6). The Viterbi decoder's
   * best codeword on pure noise agrees ~0.56 (0.13% of noise decodes reach 0.6, none of 20 000 0.62),
   * so this cuts the search's false reads ~700x below the CRC-16's 2^-16 per decode.
   */
  minSearchConfidence?: number;
}

export type SyncCandidate = WarpCandidate;

/**
 * Search all fine offsets and block rotations (no warp) for the sync pattern; sorted by z. Holds
 * only the 20 band values per frame, so that whole long songs stay small in memory.
 */
export function findSync(x: Float32Array, key: string, keep = 6): SyncCandidate[] {
  const layout = getLayout(key);
  const grid = lnMagGrid(x, FINE_HOP);
  const all: SyncCandidate[] = [];
  const buf = new Float32Array(Math.ceil(grid.frames / FINE_PER_SLOT + 1) * BINS);
  const zs = new Float64Array(PAIRS);
  for (let q = 0; q < FINE_PER_SLOT; q++) {
    const { slots, v } = slotValues(grid.data, grid.frames, FINE_PER_HOP, q);
    for (let parity = 0; parity < 2; parity++) {
      const { pairs, u } = pairStats(v, slots, parity, buf);
      if (pairs < 1) continue;
      const cells = foldPairs(u, pairs);
      rotationScores(cells, layout, zs);
      const start = (q + parity * FINE_PER_SLOT) * FINE_HOP;
      const warp = { time: 1, freq: 1 };
      for (let rotation = 0; rotation < PAIRS; rotation++) all.push({ warp, start, rotation, z: zs[rotation]!, cells });
    }
  }
  all.sort((a, b) => b.z - a.z);
  return all.slice(0, keep);
}

/** Soft values of the coded bits for a sync candidate (positive = 1). */
export function softBits(
  cand: Pick<WarpCandidate, 'rotation' | 'cells'>,
  layout: Layout,
  into?: Float64Array,
  weight = 1,
): Float64Array {
  const soft = into ?? new Float64Array(CODED_BITS);
  for (let j = 0; j < CODED_BITS; j++) {
    let s = 0;
    for (let i = layout.bitStart[j]!; i < layout.bitStart[j + 1]!; i++) {
      const c = layout.bitCells[i]!;
      const b = (c / BINS) | 0;
      const k = c - b * BINS;
      const r = (b - cand.rotation + PAIRS) % PAIRS;
      s += layout.sign[c]! * cand.cells[r * BINS + k]!;
    }
    soft[j]! += weight * s;
  }
  return soft;
}

/** Decode soft bits: Viterbi, then CRC. Returns the ID bytes and the codeword agreement, or null. */
export function decodeSoft(soft: Float64Array): { id: Uint8Array; agreement: number } | null {
  const bits = viterbiDecode(soft, INFO_BITS);
  const id = checkPayload(bits);
  if (!id) return null;
  const code = convEncode(bits);
  let dot = 0;
  let e = 0;
  for (let i = 0; i < soft.length; i++) {
    dot += soft[i]! * (code[i] ? 1 : -1);
    e += soft[i]! * soft[i]!;
  }
  const agreement = e > 0 ? dot / Math.sqrt(e * soft.length) : 0;
  return { id, agreement };
}

/**
 * Look for a watermark made with `key`. Works on whole songs or excerpts (>= ~3 s; 5-10 s recommended)
 * at any sample rate / channel count, also after a speed change (0.90-1.10), a time-stretch
 * (0.95-1.05) or a pitch shift (about a semitone). Returns null when no mark is found (or the read
 * fails its CRC).
 */
export function detect(pcm: PcmAudio, key: string, opts: DetectOptions = {}): DetectResult | null {
  if (!key) throw new RangeError('detect: key must be a non-empty string');
  const x = monoAtRate(pcm);
  return detectMono(x, key, opts);
}

/** Counts decode attempts without and with a warp (for estimating the false-read rate of the search). */
export const decodeStats = { attempts: 0, searched: 0 };

function tryDecode(soft: Float64Array, minConf: number, factor: Factor): DetectResult | null {
  if (factor.change === 'none') decodeStats.attempts++;
  else decodeStats.searched++;
  const r = decodeSoft(soft);
  if (!r || r.agreement < minConf) return null;
  const value = Math.round(factor.value * 10000) / 10000;
  return { id: bytesToId(r.id), confidence: Math.min(1, r.agreement), change: factor.change, factor: value };
}

export function detectMono(x: Float32Array, key: string, opts: DetectOptions = {}): DetectResult | null {
  const layout = getLayout(key);
  const minZ = opts.minSyncZ ?? 3.0;
  const minConf = opts.minConfidence ?? 0.25;
  for (const c of findSync(x, key, opts.candidates ?? 6)) {
    if (c.z < minZ) break;
    const r = tryDecode(softBits(c, layout), minConf, NO_CHANGE);
    if (r) return r;
  }
  if (opts.search === false) return null;
  return searchDetect(x, layout, opts);
}

/** Z-score above which a segment is counted, and how its evidence is weighted (z - SEG_Z). */
const SEG_Z = 3;
/** a hypothesis this convincing that its windows did not read is read again over the whole input */
const WHOLE_Z = 5;

function searchDetect(x: Float32Array, layout: Layout, opts: DetectOptions): DetectResult | null {
  const minConf = Math.max(opts.minConfidence ?? 0.25, opts.minSearchConfidence ?? 0.6);
  const minZ = opts.minSearchZ ?? 4.0;
  let segs = segments(frameCount(x.length));
  for (const h of searchFactors(x, layout, opts.searchCandidates ?? 4)) {
    const top = h.best.reduce((a, b) => (b.z > a.z ? b : a), h.best[0]!);
    if (!top || top.z < minZ) continue;
    if (h.best.length > 1) {
      // the search windows together first (no more FFTs), then the whole input segment by segment
      const soft = new Float64Array(CODED_BITS);
      for (const c of h.best) if (c.z > SEG_Z) softBits(c, layout, soft, c.z - SEG_Z);
      const r = tryDecode(soft, minConf, h.factor);
      if (r) return r;
    }
    if (segs.length > 1 && top.z >= WHOLE_Z) {
      const warp = warpOf(h.factor);
      const soft = new Float64Array(CODED_BITS);
      for (const s of segs) {
        const c = syncUnderWarp(binGrid(x, s.from, s.to), layout, warp, s, 1)[0];
        if (c && c.z > SEG_Z) softBits(c, layout, soft, c.z - SEG_Z);
      }
      const r = tryDecode(soft, minConf, h.factor);
      if (r) return r;
      segs = []; // once: it costs a pass over the whole input
    }
    const r = tryDecode(softBits(top, layout), minConf, h.factor);
    if (r) return r;
  }
  return null;
}
