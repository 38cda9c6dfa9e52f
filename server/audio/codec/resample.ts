/**
 * Band-limited resampling with a Kaiser-windowed sinc, evaluated as a polyphase filter.
 *
 * For rational ratios with a small numerator (44.1k<->48k is 147/160, 44.1k->22.05k is 1/2) the
 * polyphase table is exact; for awkward ratios the table has 4096 phases and adjacent phases are
 * linearly interpolated.
 */
export interface ResampleOptions {
  /** highest frequency (Hz) that must pass untouched; default 0.91 * min(from, to) / 2 */
  passband?: number;
  /** frequency (Hz) from which everything must be attenuated; default min(from, to) / 2 */
  stopband?: number;
  /** stopband attenuation in dB; default 100 */
  attenuation?: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 60; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-16) break;
  }
  return sum;
}

interface Kernel {
  phases: number;
  taps: number;
  half: number;
  table: Float64Array; // (phases + 1) rows of taps coefficients
  exact: boolean;
}

const kernelCache = new Map<string, Kernel>();

function makeKernel(from: number, to: number, L: number, opts: ResampleOptions): Kernel {
  const nyq = Math.min(from, to) / 2;
  const pass = opts.passband ?? 0.91 * nyq;
  const stop = opts.stopband ?? nyq;
  const att = opts.attenuation ?? 100;
  if (!(pass > 0 && stop > pass)) throw new RangeError('resample: need 0 < passband < stopband');
  const key = `${from}:${to}:${pass}:${stop}:${att}`;
  const cached = kernelCache.get(key);
  if (cached) return cached;
  const fc = (pass + stop) / 2 / from; // cutoff in cycles per input sample
  const df = (stop - pass) / from;
  const beta = att > 50 ? 0.1102 * (att - 8.7) : att > 21 ? 0.5842 * (att - 21) ** 0.4 + 0.07886 * (att - 21) : 0;
  const len = Math.ceil((att - 8) / (2.285 * 2 * Math.PI * df)) + 1;
  const half = Math.max(2, Math.ceil(len / 2));
  const taps = 2 * half;
  const exact = L <= 4096;
  const phases = exact ? L : 4096;
  const table = new Float64Array((phases + 1) * taps);
  const i0b = besselI0(beta);
  for (let p = 0; p <= phases; p++) {
    const frac = p / phases;
    for (let m = 0; m < taps; m++) {
      const t = m - half + 1 - frac; // distance (input samples) from the output instant
      const x = t / half;
      let w = 0;
      if (Math.abs(x) < 1) w = besselI0(beta * Math.sqrt(1 - x * x)) / i0b;
      const a = 2 * Math.PI * fc * t;
      const s = Math.abs(t) < 1e-12 ? 2 * fc : Math.sin(a) / (Math.PI * t);
      table[p * taps + m] = s * w;
    }
  }
  const k: Kernel = { phases, taps, half, table, exact };
  if (kernelCache.size > 32) kernelCache.clear();
  kernelCache.set(key, k);
  return k;
}

/** Resample one channel from `from` Hz to `to` Hz. Output length is ceil(len * to / from). */
export function resample(channel: Float32Array, from: number, to: number, opts: ResampleOptions = {}): Float32Array {
  if (!(from > 0 && to > 0) || !Number.isInteger(from) || !Number.isInteger(to)) {
    throw new RangeError(`resample: sample rates must be positive integers (got ${from} -> ${to})`);
  }
  if (from === to) return new Float32Array(channel);
  const g = gcd(from, to);
  const L = to / g; // output steps per ...
  const M = from / g; // ... input steps
  const k = makeKernel(from, to, L, opts);
  const { phases, taps, half, table, exact } = k;
  const inLen = channel.length;
  const outLen = Math.ceil((inLen * L) / M);
  const out = new Float32Array(outLen);
  const row = new Float64Array(taps);
  for (let n = 0; n < outLen; n++) {
    const num = n * M;
    const ip = Math.floor(num / L);
    const rem = num - ip * L;
    let coef: Float64Array;
    let base: number;
    if (exact) {
      coef = table;
      base = rem * taps;
    } else {
      const pos = (rem / L) * phases;
      const p0 = Math.floor(pos);
      const w = pos - p0;
      const b0 = p0 * taps;
      const b1 = b0 + taps;
      for (let m = 0; m < taps; m++) row[m] = table[b0 + m]! + w * (table[b1 + m]! - table[b0 + m]!);
      coef = row;
      base = 0;
    }
    const start = ip - half + 1;
    let acc = 0;
    if (start >= 0 && start + taps <= inLen) {
      for (let m = 0; m < taps; m++) acc += coef[base + m]! * channel[start + m]!;
    } else {
      for (let m = 0; m < taps; m++) {
        const j = start + m;
        if (j >= 0 && j < inLen) acc += coef[base + m]! * channel[j]!;
      }
    }
    out[n] = acc;
  }
  return out;
}
