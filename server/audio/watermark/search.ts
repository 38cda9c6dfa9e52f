/**
 * Sync search under a warp (see warp.ts): for one warp, all fine offsets x slot parities x block
 * rotations are scored against the key's sync pattern, like the unwarped detector does.
 */
import type { Layout } from './layout.js';
import { pairStats } from './features.js';
import { BINS, CELLS, FINE_HOP, FINE_PER_SLOT, PAIRS } from './params.js';
import { warpedSlots, type BinGrid, type Warp } from './warp.js';

export interface WarpCandidate {
  warp: Warp;
  /** received sample (internal rate) where the first used slot starts */
  start: number;
  /** block pair that the first used pair corresponds to */
  rotation: number;
  z: number;
  /** folded cell statistics, indexed by excerpt pair residue */
  cells: Float64Array;
}

/** Fold per-pair statistics into PAIRS x BINS residues. */
export function foldPairs(u: Float32Array, pairs: number, acc = new Float64Array(CELLS)): Float64Array {
  acc.fill(0);
  for (let p = 0; p < pairs; p++) {
    const o = (p % PAIRS) * BINS;
    const g = p * BINS;
    for (let k = 0; k < BINS; k++) acc[o + k]! += u[g + k]!;
  }
  return acc;
}

const syncTables = new WeakMap<Layout, { pair: Int32Array; band: Int32Array; sign: Float64Array }>();
function syncTable(layout: Layout) {
  let t = syncTables.get(layout);
  if (!t) {
    const sc = layout.syncCells;
    t = { pair: new Int32Array(sc.length), band: new Int32Array(sc.length), sign: new Float64Array(sc.length) };
    for (let i = 0; i < sc.length; i++) {
      const c = sc[i]!;
      t.pair[i] = (c / BINS) | 0;
      t.band[i] = c - t.pair[i]! * BINS;
      t.sign[i] = layout.sign[c]!;
    }
    syncTables.set(layout, t);
  }
  return t;
}

/** Sync z-score of every rotation (acc indexed by residue r; block pair b = (r + rot) mod PAIRS). */
export function rotationScores(acc: Float64Array, layout: Layout, out = new Float64Array(PAIRS)): Float64Array {
  const { pair, band, sign } = syncTable(layout);
  const n = pair.length;
  for (let rot = 0; rot < PAIRS; rot++) {
    let score = 0;
    let energy = 0;
    for (let i = 0; i < n; i++) {
      let r = pair[i]! - rot;
      if (r < 0) r += PAIRS;
      const v = acc[r * BINS + band[i]!]!;
      score += sign[i]! * v;
      energy += v * v;
    }
    out[rot] = energy > 0 ? score / Math.sqrt(energy) : 0;
  }
  return out;
}

export interface SearchRange {
  /** first and end grid frame of the part of the audio to read */
  from: number;
  to: number;
}

const scratch = { v: new Float32Array(0), u: new Float32Array(0) };

/**
 * Best candidates (by z) for one warp over a frame range. `keep` best are returned with their folded
 * cells; offsets of FINE_HOP * warp.time * fineStep cover one slot (a coarse search can skip every
 * other one: the sync peak is a quarter slot wide).
 */
export function syncUnderWarp(
  g: BinGrid,
  layout: Layout,
  warp: Warp,
  range: SearchRange = g,
  keep = 1,
  fineStep = 1,
): WarpCandidate[] {
  const best: WarpCandidate[] = [];
  const zs = new Float64Array(PAIRS);
  const acc = new Float64Array(CELLS);
  const slotsMax = Math.ceil((range.to - range.from) / (FINE_PER_SLOT * warp.time)) + 2;
  if (scratch.v.length < slotsMax * BINS) {
    scratch.v = new Float32Array(slotsMax * BINS);
    scratch.u = new Float32Array(slotsMax * BINS);
  }
  for (let q = 0; q < FINE_PER_SLOT; q += fineStep) {
    const start = (range.from + q * warp.time) * FINE_HOP;
    const { slots, v } = warpedSlots(g, warp, start, range.to, scratch.v);
    for (let parity = 0; parity < 2; parity++) {
      const { pairs, u } = pairStats(v, slots, parity, scratch.u);
      if (pairs < 1) continue;
      foldPairs(u, pairs, acc);
      rotationScores(acc, layout, zs);
      for (let rot = 0; rot < PAIRS; rot++) {
        const z = zs[rot]!;
        if (best.length >= keep && z <= best[best.length - 1]!.z) continue;
        const cand: WarpCandidate = {
          warp,
          start: start + parity * warp.time * FINE_PER_SLOT * FINE_HOP,
          rotation: rot,
          z,
          cells: acc,
        };
        best.push(cand);
        best.sort((a, b) => b.z - a.z);
        if (best.length > keep) best.pop();
      }
      // candidates still pointing at the shared accumulator get their own copy
      for (const c of best) if (c.cells === acc) c.cells = new Float64Array(acc);
    }
  }
  return best;
}
