/**
 * Rate-1/3 convolutional code, constraint length 7 (generators 133, 171, 165 octal, as in LTE),
 * zero-terminated with 6 tail bits, and a soft-decision Viterbi decoder.
 */
const K = 7;
const STATES = 1 << (K - 1);
const GENS = [0o133, 0o171, 0o165];
export const CODE_RATE_INV = GENS.length;
export const TAIL_BITS = K - 1;

function parity(x: number): number {
  x ^= x >> 4;
  x ^= x >> 2;
  x ^= x >> 1;
  return x & 1;
}

// OUT[state * 2 + bit] = 3-bit output word for input `bit` in `state`
const OUT = new Uint8Array(STATES * 2);
for (let s = 0; s < STATES; s++) {
  for (let b = 0; b < 2; b++) {
    const reg = (b << (K - 1)) | s;
    let w = 0;
    for (let g = 0; g < GENS.length; g++) w |= parity(reg & GENS[g]!) << g;
    OUT[s * 2 + b] = w;
  }
}

export function codedLength(infoBits: number): number {
  return (infoBits + TAIL_BITS) * CODE_RATE_INV;
}

/** Encode bits (0/1) into (n + 6) * 3 coded bits. */
export function convEncode(bits: ArrayLike<number>): Uint8Array {
  const n = bits.length;
  const out = new Uint8Array(codedLength(n));
  let s = 0;
  for (let i = 0; i < n + TAIL_BITS; i++) {
    const b = i < n ? bits[i]! & 1 : 0;
    const w = OUT[s * 2 + b]!;
    for (let g = 0; g < CODE_RATE_INV; g++) out[i * CODE_RATE_INV + g] = (w >> g) & 1;
    s = ((b << (K - 1)) | s) >> 1;
  }
  return out;
}

/**
 * Soft-decision Viterbi. soft[i] > 0 means coded bit i is more likely 1, < 0 more likely 0; the magnitude
 * is the reliability. Returns the maximum-likelihood `infoBits` information bits.
 */
export function viterbiDecode(soft: ArrayLike<number>, infoBits: number): Uint8Array {
  const steps = infoBits + TAIL_BITS;
  if (soft.length !== steps * CODE_RATE_INV) throw new RangeError('viterbiDecode: wrong soft length');
  let metric = new Float64Array(STATES).fill(-Infinity);
  let next = new Float64Array(STATES);
  metric[0] = 0;
  const surv = new Uint8Array(steps * STATES); // predecessor state's dropped LSB... stored as chosen prev state low bit
  const w = new Float64Array(8);
  for (let i = 0; i < steps; i++) {
    // branch metric for each 3-bit output word
    const a = soft[i * 3]!;
    const b = soft[i * 3 + 1]!;
    const c = soft[i * 3 + 2]!;
    for (let word = 0; word < 8; word++) w[word] = (word & 1 ? a : -a) + (word & 2 ? b : -b) + (word & 4 ? c : -c);
    next.fill(-Infinity);
    const forceZero = i >= infoBits;
    for (let ns = 0; ns < STATES; ns++) {
      // ns = ((bit << 6) | s) >> 1  => bit = ns >> 5, s = ((ns << 1) & 63) | low, low in {0,1}
      const bit = ns >> (K - 2);
      if (forceZero && bit) continue;
      const s0 = (ns << 1) & (STATES - 1);
      const s1 = s0 | 1;
      const m0 = metric[s0]! + w[OUT[s0 * 2 + bit]!]!;
      const m1 = metric[s1]! + w[OUT[s1 * 2 + bit]!]!;
      if (m1 > m0) {
        next[ns] = m1;
        surv[i * STATES + ns] = 1;
      } else {
        next[ns] = m0;
        surv[i * STATES + ns] = 0;
      }
    }
    const t = metric;
    metric = next;
    next = t;
  }
  const out = new Uint8Array(infoBits);
  let s = 0; // terminated in state 0
  for (let i = steps - 1; i >= 0; i--) {
    const bit = s >> (K - 2);
    if (i < infoBits) out[i] = bit;
    s = ((s << 1) & (STATES - 1)) | surv[i * STATES + s]!;
  }
  return out;
}
