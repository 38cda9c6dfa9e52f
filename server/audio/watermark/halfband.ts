/**
 * 2:1 and 1:2 sample-rate conversion between 44.1 kHz and the internal 22.05 kHz, the common case of
 * both the embedder and the detector. The mark only lives below ~4.3 kHz (the internal filters pass
 * 4.7 kHz, see features.ts), so the transition band 4.7 .. 17.35 kHz is wide and centred on the
 * half rate: a half-band Kaiser filter (every other tap zero) with 4 symmetric tap pairs reaches
 * 70 dB, where the general polyphase resampler spends 18 multiplies per output.
 */
const HALF = 4; // nonzero taps at +-(2i+1), i < HALF (at the high rate)
const BETA = 0.1102 * (70 - 8.7); // Kaiser beta for 70 dB

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 40; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/** odd-tap weights (t = 0.5, 1.5, ... in low-rate samples), normalised so that DC passes exactly */
const TAPS = (() => {
  const t = new Float64Array(HALF);
  const span = HALF + 0.5;
  let s = 0;
  for (let i = 0; i < HALF; i++) {
    const x = i + 0.5;
    const w = besselI0(BETA * Math.sqrt(1 - (x / span) ** 2)) / besselI0(BETA);
    t[i] = (Math.sin(Math.PI * x) / (Math.PI * x)) * w;
    s += 2 * t[i]!;
  }
  for (let i = 0; i < HALF; i++) t[i]! /= s;
  return t;
})();

/** 44.1 kHz -> 22.05 kHz (output length ceil(n / 2)). */
export function halve(x: Float32Array): Float32Array {
  const n = x.length;
  const out = new Float32Array(Math.ceil(n / 2));
  const [a, b, c, d] = TAPS as unknown as [number, number, number, number];
  const at = (i: number) => (i >= 0 && i < n ? x[i]! : 0);
  const safe0 = 4;
  const safe1 = Math.floor((n - 8) / 2);
  for (let m = 0; m < out.length; m++) {
    const i = 2 * m;
    if (m >= safe0 && m <= safe1) {
      out[m] =
        0.5 * x[i]! +
        0.5 *
          (a * (x[i - 1]! + x[i + 1]!) +
            b * (x[i - 3]! + x[i + 3]!) +
            c * (x[i - 5]! + x[i + 5]!) +
            d * (x[i - 7]! + x[i + 7]!));
    } else {
      out[m] =
        0.5 * at(i) +
        0.5 *
          (a * (at(i - 1) + at(i + 1)) +
            b * (at(i - 3) + at(i + 3)) +
            c * (at(i - 5) + at(i + 5)) +
            d * (at(i - 7) + at(i + 7)));
    }
  }
  return out;
}

/** 22.05 kHz -> 44.1 kHz, `n` output samples (the even ones are the input samples). */
export function double(x: Float32Array, n = 2 * x.length): Float32Array {
  const len = x.length;
  const out = new Float32Array(n);
  const [a, b, c, d] = TAPS as unknown as [number, number, number, number];
  const at = (i: number) => (i >= 0 && i < len ? x[i]! : 0);
  for (let m = 0; 2 * m < n; m++) {
    out[2 * m] = at(m);
    if (2 * m + 1 >= n) break;
    out[2 * m + 1] =
      m >= 3 && m + 4 < len
        ? a * (x[m]! + x[m + 1]!) +
          b * (x[m - 1]! + x[m + 2]!) +
          c * (x[m - 2]! + x[m + 3]!) +
          d * (x[m - 3]! + x[m + 4]!)
        : a * (at(m) + at(m + 1)) +
          b * (at(m - 1) + at(m + 2)) +
          c * (at(m - 2) + at(m + 3)) +
          d * (at(m - 3) + at(m + 4));
  }
  return out;
}
