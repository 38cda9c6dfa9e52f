/**
 * Coarse-to-fine search for the speed / tempo / pitch change that desynchronised a mark.
 *
 * Hypotheses lie on three lines of the (time, freq) warp plane (see warp.ts): speed s (resampling:
 * time 1/s, freq s) from 0.90 to 1.10, tempo t (time-stretch: time 1/t) from 0.95 to 1.05 and pitch
 * p (freq p, time kept) up to a bit more than a semitone either way. Every hypothesis is scored by
 * the best sync z-score over a few windows of ~10 s (COARSE_STEP apart: at 0.2% off a 10 s window
 * still shows most of its sync), the best few are refined by halving the step down to 0.025%, and
 * the refined warp is read segment by segment (each segment finds its own alignment, so a warp that
 * is a little off, or a time-stretch that wanders, does not smear a whole song).
 */
import type { Layout } from './layout.js';
import { FINE_HOP, RATE } from './params.js';
import { syncUnderWarp, type SearchRange, type WarpCandidate } from './search.js';
import { binGrid, frameCount, type BinGrid, type Warp } from './warp.js';

export type Change = 'none' | 'speed' | 'tempo' | 'pitch';

/** A change as sox names it: `speed 1.02`, `tempo 0.97`, `pitch` as a frequency ratio (2^(1/12) = +1 semitone). */
export interface Factor {
  change: Change;
  value: number;
}

export const NO_CHANGE: Factor = { change: 'none', value: 1 };

export function warpOf(f: Factor): Warp {
  switch (f.change) {
    case 'speed':
      return { time: 1 / f.value, freq: f.value };
    case 'tempo':
      return { time: 1 / f.value, freq: 1 };
    case 'pitch':
      return { time: 1, freq: f.value };
    default:
      return { time: 1, freq: 1 };
  }
}

export const SEARCH_LINES: { change: Exclude<Change, 'none'>; lo: number; hi: number }[] = [
  { change: 'speed', lo: 0.9, hi: 1.1 },
  { change: 'tempo', lo: 0.95, hi: 1.05 },
  { change: 'pitch', lo: 2 ** (-1.1 / 12), hi: 2 ** (1.1 / 12) },
];
export const COARSE_STEP = 0.004;
const REFINE_STEPS = [0.002, 0.001, 0.0005, 0.00025];
const REFINE_Z = 4;

/** The coarse grid of hypotheses (no change itself is left to the unwarped detector). */
export function coarseFactors(step = COARSE_STEP): Factor[] {
  const out: Factor[] = [];
  for (const line of SEARCH_LINES) {
    const n0 = Math.floor((line.lo - 1) / step + 1e-9);
    const n1 = Math.ceil((line.hi - 1) / step - 1e-9);
    for (let i = n0; i <= n1; i++) if (i !== 0) out.push({ change: line.change, value: 1 + i * step });
  }
  return out;
}

/** Windows that the search scores: the whole input when short, else up to three 10 s windows. */
export function searchWindows(frames: number, windowSec = 10, count = 3): SearchRange[] {
  const w = Math.round((windowSec * RATE) / FINE_HOP);
  if (frames <= 1.6 * w) return [{ from: 0, to: frames }];
  const n = Math.max(1, Math.min(count, Math.floor(frames / w)));
  const out: SearchRange[] = [];
  for (let i = 0; i < n; i++) {
    const mid = Math.round(((i + 0.5) / n) * frames);
    const from = Math.max(0, Math.min(frames - w, mid - (w >> 1)));
    out.push({ from, to: from + w });
  }
  return out;
}

export interface Scored {
  factor: Factor;
  /** sum over windows of the best sync z */
  score: number;
  /** best candidate of each window */
  best: WarpCandidate[];
}

function score(layout: Layout, factor: Factor, windows: BinGrid[], fineStep = 1): Scored {
  const warp = warpOf(factor);
  const best = windows.map((g) => syncUnderWarp(g, layout, warp, g, 1, fineStep)[0]!);
  let s = 0;
  for (const c of best) s += c ? c.z : 0;
  return { factor, score: s, best: best.filter(Boolean) };
}

/** Score every coarse hypothesis and return the `keep` best, each refined (coarse to fine). */
export function searchFactors(x: Float32Array, layout: Layout, keep = 4): Scored[] {
  const windows = searchWindows(frameCount(x.length)).map((r) => binGrid(x, r.from, r.to));
  const coarse = coarseFactors().map((f) => score(layout, f, windows, 2));
  coarse.sort((a, b) => b.score - a.score);
  const picked: Scored[] = [];
  for (const c of coarse) {
    // neighbours of a picked hypothesis are the same peak: the refinement reaches them anyway
    const near = picked.some(
      (p) => p.factor.change === c.factor.change && Math.abs(p.factor.value - c.factor.value) < 1.5 * COARSE_STEP,
    );
    if (near) continue;
    picked.push(c);
    if (picked.length >= keep) break;
  }
  // a hypothesis without a window of z >= REFINE_Z is noise (0.2% off the true factor, a mark still
  // shows z > 6 in a 10 s window): not worth refining
  return picked
    .filter((c) => c.best.some((b) => b.z >= REFINE_Z))
    .map((c) => refine(layout, score(layout, c.factor, windows), windows));
}

/** Hill-climb along the hypothesis' line with halving steps (one move per step: the peak is smooth). */
export function refine(layout: Layout, start: Scored, windows: BinGrid[]): Scored {
  let cur = start;
  for (const step of REFINE_STEPS) {
    const { change, value } = cur.factor;
    const up = score(layout, { change, value: value + step }, windows);
    const down = score(layout, { change, value: value - step }, windows);
    const next = up.score > down.score ? up : down;
    if (next.score > cur.score) cur = next;
  }
  return cur;
}

/**
 * The input cut into segments of about `segmentSec` for reading a whole song under one warp: each
 * segment gets its own alignment.
 */
export function segments(frames: number, segmentSec = 15): SearchRange[] {
  const w = Math.round((segmentSec * RATE) / FINE_HOP);
  const n = Math.max(1, Math.round(frames / w));
  const out: SearchRange[] = [];
  for (let i = 0; i < n; i++) out.push({ from: Math.round((i * frames) / n), to: Math.round(((i + 1) * frames) / n) });
  return out;
}
