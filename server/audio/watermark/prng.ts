import { createHash } from 'node:crypto';

/** xoshiro128** seeded from SHA-256(key, purpose): deterministic key-dependent pseudo-randomness. */
export class KeyedRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(key: string, purpose: string) {
    const h = createHash('sha256').update(`tokenly-wm-v1\u0000${purpose}\u0000${key}`).digest();
    this.s0 = h.readUInt32LE(0);
    this.s1 = h.readUInt32LE(4);
    this.s2 = h.readUInt32LE(8);
    this.s3 = h.readUInt32LE(12) | 1;
  }

  /** uniform 32-bit unsigned integer */
  nextU32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** uniform integer in [0, n) */
  below(n: number): number {
    return Math.floor((this.nextU32() / 4294967296) * n);
  }

  /** +1 or -1 */
  sign(): 1 | -1 {
    return this.nextU32() & 1 ? 1 : -1;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
