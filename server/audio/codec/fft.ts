/**
 * Radix-2 FFT for real input with precomputed twiddles and bit-reversal.
 *
 * A real transform of size n is computed with one complex transform of size
 * n/2 (the even/odd split), which is about twice as fast as a full complex FFT.
 */
export class RealFFT {
  readonly n: number;
  private readonly half: number;
  private readonly rev: Uint32Array;
  private readonly cosT: Float64Array; // twiddles of the n/2 complex FFT
  private readonly sinT: Float64Array;
  private readonly cosS: Float64Array; // split twiddles e^{-2 pi i k / n}
  private readonly sinS: Float64Array;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;

  constructor(n: number) {
    if (n < 4 || (n & (n - 1)) !== 0) throw new RangeError(`FFT size must be a power of two >= 4, got ${n}`);
    this.n = n;
    const h = n >> 1;
    this.half = h;
    this.rev = new Uint32Array(h);
    let bits = 0;
    while (1 << bits < h) bits++;
    for (let i = 0; i < h; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cosT = new Float64Array(h >> 1 || 1);
    this.sinT = new Float64Array(h >> 1 || 1);
    for (let i = 0; i < h >> 1; i++) {
      this.cosT[i] = Math.cos((2 * Math.PI * i) / h);
      this.sinT[i] = -Math.sin((2 * Math.PI * i) / h);
    }
    this.cosS = new Float64Array(h + 1);
    this.sinS = new Float64Array(h + 1);
    for (let k = 0; k <= h; k++) {
      this.cosS[k] = Math.cos((2 * Math.PI * k) / n);
      this.sinS[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    this.zr = new Float64Array(h);
    this.zi = new Float64Array(h);
  }

  /** per-stage twiddles e^{-2 pi i k / (2m)} of the n/2 complex FFT: stage m at [m - 1, 2m - 1) */
  private stageTw?: { re: Float64Array; im: Float64Array };

  private twiddles(): { re: Float64Array; im: Float64Array } {
    if (!this.stageTw) {
      const h = this.half;
      const re = new Float64Array(Math.max(1, h));
      const im = new Float64Array(Math.max(1, h));
      for (let m = 1; m < h; m <<= 1) {
        const step = h / (2 * m);
        for (let k = 0; k < m; k++) {
          re[m - 1 + k] = this.cosT[k * step]!;
          im[m - 1 + k] = this.sinT[k * step]!;
        }
      }
      this.stageTw = { re, im };
    }
    return this.stageTw;
  }

  /**
   * In-place complex FFT of size n/2 on (zr, zi); sign -1 forward, +1 inverse (unscaled). The first
   * two radix-2 stages (twiddles 1 and -+i) run together without multiplications; later stages read
   * their twiddles contiguously.
   */
  private complex(inverse: boolean): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    for (let i = 0; i < h; i++) {
      const j = rev[i]!;
      if (j > i) {
        let t = zr[i]!;
        zr[i] = zr[j]!;
        zr[j] = t;
        t = zi[i]!;
        zi[i] = zi[j]!;
        zi[j] = t;
      }
    }
    let m = 1;
    if (h >= 4) {
      for (let a = 0; a < h; a += 4) {
        const r0 = zr[a]!;
        const i0 = zi[a]!;
        const r1 = zr[a + 1]!;
        const i1 = zi[a + 1]!;
        const r2 = zr[a + 2]!;
        const i2 = zi[a + 2]!;
        const r3 = zr[a + 3]!;
        const i3 = zi[a + 3]!;
        const sr01 = r0 + r1;
        const si01 = i0 + i1;
        const dr01 = r0 - r1;
        const di01 = i0 - i1;
        const sr23 = r2 + r3;
        const si23 = i2 + i3;
        const dr23 = r2 - r3;
        const di23 = i2 - i3;
        // (dr23 + i di23) * (-i) forward, * (+i) inverse
        const xr = inverse ? -di23 : di23;
        const xi = inverse ? dr23 : -dr23;
        zr[a] = sr01 + sr23;
        zi[a] = si01 + si23;
        zr[a + 2] = sr01 - sr23;
        zi[a + 2] = si01 - si23;
        zr[a + 1] = dr01 + xr;
        zi[a + 1] = di01 + xi;
        zr[a + 3] = dr01 - xr;
        zi[a + 3] = di01 - xi;
      }
      m = 4;
    }
    const tw = this.twiddles();
    const twr = tw.re;
    const twi = tw.im;
    const sgn = inverse ? -1 : 1;
    for (; m < h; m <<= 1) {
      const size = m << 1;
      for (let start = 0; start < h; start += size) {
        for (let k = 0; k < m; k++) {
          const wr = twr[m - 1 + k]!;
          const wi = sgn * twi[m - 1 + k]!;
          const a = start + k;
          const b = a + m;
          const br = zr[b]!;
          const bi = zi[b]!;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          const ar = zr[a]!;
          const ai = zi[a]!;
          zr[b] = ar - xr;
          zi[b] = ai - xi;
          zr[a] = ar + xr;
          zi[a] = ai + xi;
        }
      }
    }
  }

  /**
   * Forward transform of n real samples (read from input[offset..offset+n), multiplied by window if given).
   * Writes bins 0..n/2 into re/im (length >= n/2+1).
   */
  forward(input: ArrayLike<number>, re: Float64Array, im: Float64Array, offset = 0, window?: Float64Array): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const len = input.length;
    for (let i = 0; i < h; i++) {
      const p = offset + 2 * i;
      let a = p >= 0 && p < len ? input[p]! : 0;
      let b = p + 1 >= 0 && p + 1 < len ? input[p + 1]! : 0;
      if (window) {
        a *= window[2 * i]!;
        b *= window[2 * i + 1]!;
      }
      zr[i] = a;
      zi[i] = b;
    }
    this.complex(false);
    re[0] = zr[0]! + zi[0]!;
    im[0] = 0;
    re[h] = zr[0]! - zi[0]!;
    im[h] = 0;
    const cosS = this.cosS;
    const sinS = this.sinS;
    for (let k = 1; k < h; k++) {
      const ar = zr[k]!;
      const ai = zi[k]!;
      const br = zr[h - k]!;
      const bi = -zi[h - k]!; // conj(Z[h-k])
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      // O = (Z[k] - conj(Z[h-k])) / (2i)
      const dr = 0.5 * (ar - br);
      const di = 0.5 * (ai - bi);
      const or = di;
      const oi = -dr;
      const wr = cosS[k]!;
      const wi = sinS[k]!;
      re[k] = er + or * wr - oi * wi;
      im[k] = ei + or * wi + oi * wr;
    }
  }

  /** Inverse transform of bins 0..n/2 into n real samples (scaled by 1/n, i.e. exact inverse of forward). */
  inverse(re: Float64Array, im: Float64Array, out: Float64Array): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const cosS = this.cosS;
    const sinS = this.sinS;
    for (let k = 0; k < h; k++) {
      const ar = re[k]!;
      const ai = im[k]!;
      const br = re[h - k]!;
      const bi = -im[h - k]!; // conj(X[h-k])
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      const dr = 0.5 * (ar - br);
      const di = 0.5 * (ai - bi);
      // O = D * e^{+2 pi i k / n}
      const wr = cosS[k]!;
      const wi = -sinS[k]!;
      const or = dr * wr - di * wi;
      const oi = dr * wi + di * wr;
      // Z = E + i O
      zr[k] = er - oi;
      zi[k] = ei + or;
    }
    this.complex(true);
    const s = 1 / h;
    for (let i = 0; i < h; i++) {
      out[2 * i] = zr[i]! * s;
      out[2 * i + 1] = zi[i]! * s;
    }
  }
}
