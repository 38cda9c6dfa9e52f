import type { PcmAudio } from '../codec/types.js';
import { checkPayload } from './crc.js';
import { convEncode, viterbiDecode } from './conv.js';
import { bytesToId } from './id.js';
import { CODED_BITS, getLayout, type Layout } from './layout.js';
import { lnMagGrid, monoAtRate, pairStats, slotValues } from './features.js';
import { BINS, CELLS, FINE_HOP, FINE_PER_HOP, FINE_PER_SLOT, INFO_BITS, PAIRS } from './params.js';

export interface DetectResult {
  /** the 64-bit ID as 16 lowercase hex characters */
  id: string;
  /** 0..1: normalised agreement between the received soft bits and the decoded codeword */
  confidence: number;
}

export interface DetectOptions {
  /** how many best sync candidates are decoded (default 6) */
  candidates?: number;
  /** minimum sync z-score for a candidate (default 3.0) */
  minSyncZ?: number;
  /** minimum codeword agreement (default 0.25) */
  minConfidence?: number;
}

export interface SyncCandidate {
  /** fine offset (in FINE_HOP samples at the internal rate) of the first slot used */
  fine: number;
  /** 0/1: first used slot of the excerpt */
  parity: number;
  /** block pair that the first used pair of the excerpt corresponds to */
  rotation: number;
  z: number;
  /** folded cell statistics (block order) */
  cells: Float64Array;
}

/** Fold per-slot cell statistics into block order for a given rotation. */
function foldCells(u: Float32Array, slots: number): Float64Array {
  const acc = new Float64Array(CELLS);
  for (let s = 0; s < slots; s++) {
    const o = (s % PAIRS) * BINS;
    const g = s * BINS;
    for (let k = 0; k < BINS; k++) acc[o + k]! += u[g + k]!;
  }
  return acc;
}

/** acc is indexed by excerpt slot residue r; block slot b = (r + rot) mod PAIRS. */
function syncScore(acc: Float64Array, layout: Layout, rot: number): number {
  let score = 0;
  let energy = 0;
  const sc = layout.syncCells;
  for (let i = 0; i < sc.length; i++) {
    const c = sc[i]!;
    const b = (c / BINS) | 0;
    const k = c - b * BINS;
    const r = (b - rot + PAIRS) % PAIRS;
    const v = acc[r * BINS + k]!;
    score += layout.sign[c]! * v;
    energy += v * v;
  }
  return energy > 0 ? score / Math.sqrt(energy) : 0;
}

/** Search all fine offsets and block rotations for the sync pattern; returns candidates sorted by z. */
export function findSync(x: Float32Array, key: string, keep = 6): SyncCandidate[] {
  const layout = getLayout(key);
  const grid = lnMagGrid(x, FINE_HOP);
  const all: SyncCandidate[] = [];
  const buf = new Float32Array(Math.ceil(grid.frames / FINE_PER_SLOT + 1) * BINS);
  for (let q = 0; q < FINE_PER_SLOT; q++) {
    const { slots, v } = slotValues(grid.data, grid.frames, FINE_PER_HOP, q);
    for (let parity = 0; parity < 2; parity++) {
      const { pairs, u } = pairStats(v, slots, parity, buf);
      if (pairs < 1) continue;
      const acc = foldCells(u, pairs);
      for (let rot = 0; rot < PAIRS; rot++) {
        const z = syncScore(acc, layout, rot);
        all.push({ fine: q, parity, rotation: rot, z, cells: acc });
      }
    }
  }
  all.sort((a, b) => b.z - a.z);
  return all.slice(0, keep);
}

/** Soft values of the coded bits for a sync candidate (positive = 1). */
export function softBits(cand: SyncCandidate, layout: Layout): Float64Array {
  const soft = new Float64Array(CODED_BITS);
  for (let j = 0; j < CODED_BITS; j++) {
    let s = 0;
    for (let i = layout.bitStart[j]!; i < layout.bitStart[j + 1]!; i++) {
      const c = layout.bitCells[i]!;
      const b = (c / BINS) | 0;
      const k = c - b * BINS;
      const r = (b - cand.rotation + PAIRS) % PAIRS;
      s += layout.sign[c]! * cand.cells[r * BINS + k]!;
    }
    soft[j] = s;
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
 * at any sample rate / channel count. Returns null when no mark is found (or the read fails its CRC).
 */
export function detect(pcm: PcmAudio, key: string, opts: DetectOptions = {}): DetectResult | null {
  if (!key) throw new RangeError('detect: key must be a non-empty string');
  const x = monoAtRate(pcm);
  return detectMono(x, key, opts);
}

export function detectMono(x: Float32Array, key: string, opts: DetectOptions = {}): DetectResult | null {
  const layout = getLayout(key);
  const cands = findSync(x, key, opts.candidates ?? 6);
  const minZ = opts.minSyncZ ?? 3.0;
  const minConf = opts.minConfidence ?? 0.25;
  for (const c of cands) {
    if (c.z < minZ) break;
    const r = decodeSoft(softBits(c, layout));
    if (r && r.agreement >= minConf) return { id: bytesToId(r.id), confidence: Math.min(1, r.agreement) };
  }
  return null;
}
