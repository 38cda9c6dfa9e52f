/** Watermark IDs are 64-bit values written as 16 hex characters (case-insensitive in, lowercase out). */
export type WatermarkId = string;

export function idToBytes(id: string | bigint): Uint8Array {
  let v: bigint;
  if (typeof id === 'bigint') {
    if (id < 0n || id >= 1n << 64n) throw new RangeError('watermark id must fit in 64 bits');
    v = id;
  } else {
    if (!/^[0-9a-fA-F]{16}$/.test(id)) throw new RangeError('watermark id must be 16 hex characters');
    v = BigInt(`0x${id}`);
  }
  const b = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    b[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return b;
}

export function bytesToId(b: Uint8Array): WatermarkId {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
