import { describe, it, expect } from 'vitest';
import { checkPayload, crc16, payloadBits } from './crc.js';
import { convEncode, viterbiDecode, codedLength } from './conv.js';
import { decodeSoft } from './detect.js';
import { idToBytes, bytesToId } from './id.js';
import { rng } from './testing/signals.js';

describe('CRC-16 checksum', () => {
  it('matches the CRC-16/CCITT-FALSE check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
  it('round-trips an ID and rejects any single-bit corruption', () => {
    const bits = payloadBits(idToBytes('0123456789abcdef'));
    expect(bits).toHaveLength(80);
    expect(bytesToId(checkPayload(bits)!)).toBe('0123456789abcdef');
    for (let i = 0; i < 80; i++) {
      const b = bits.slice();
      b[i] = b[i]! ^ 1;
      expect(checkPayload(b)).toBeNull();
    }
  });
  it('parses IDs as 16 hex chars or bigint', () => {
    expect(bytesToId(idToBytes(0xfedcba9876543210n))).toBe('fedcba9876543210');
    expect(bytesToId(idToBytes('FEDCBA9876543210'))).toBe('fedcba9876543210');
    expect(() => idToBytes('123')).toThrow();
    expect(() => idToBytes(1n << 64n)).toThrow();
  });
});

describe('convolutional code + soft Viterbi', () => {
  const r = rng(42);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

  it('decodes error-free input', () => {
    const info = Uint8Array.from({ length: 80 }, () => (r() < 0.5 ? 1 : 0));
    const code = convEncode(info);
    expect(code).toHaveLength(codedLength(80));
    const soft = Float64Array.from(code, (c) => (c ? 1 : -1));
    expect(Array.from(viterbiDecode(soft, 80))).toEqual(Array.from(info));
  });

  it('corrects hard bit errors (every 9th coded bit flipped)', () => {
    const info = payloadBits(idToBytes('a1b2c3d4e5f60718'));
    const soft = Float64Array.from(convEncode(info), (c, i) => (c ? 1 : -1) * (i % 9 === 4 ? -1 : 1));
    const res = decodeSoft(soft);
    expect(res && bytesToId(res.id)).toBe('a1b2c3d4e5f60718');
  });

  it('corrects noisy soft input at Es/N0 = 0 dB', () => {
    let ok = 0;
    for (let t = 0; t < 50; t++) {
      const id = bytesToId(Uint8Array.from({ length: 8 }, () => Math.floor(r() * 256)));
      const soft = Float64Array.from(convEncode(payloadBits(idToBytes(id))), (c) => (c ? 1 : -1) + 0.7 * gauss());
      const res = decodeSoft(soft);
      if (res && bytesToId(res.id) === id) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(49);
  });

  it('rejects garbage (CRC fails on random soft input)', () => {
    let accepted = 0;
    for (let t = 0; t < 2000; t++) {
      const soft = Float64Array.from({ length: codedLength(80) }, gauss);
      if (decodeSoft(soft)) accepted++;
    }
    expect(accepted).toBeLessThanOrEqual(2); // expected 2000 / 65536 = 0.03
  });
});
