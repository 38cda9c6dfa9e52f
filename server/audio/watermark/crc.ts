/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over bytes. */
export function crc16(bytes: ArrayLike<number>): number {
  let crc = 0xffff;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= (bytes[i]! & 0xff) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** 64-bit ID (8 bytes) -> 80 payload bits: ID bits MSB first, then CRC-16 of the 8 bytes. */
export function payloadBits(idBytes: Uint8Array): Uint8Array {
  if (idBytes.length !== 8) throw new RangeError('payloadBits: ID must be 8 bytes');
  const bits = new Uint8Array(80);
  for (let i = 0; i < 64; i++) bits[i] = (idBytes[i >> 3]! >> (7 - (i & 7))) & 1;
  const crc = crc16(idBytes);
  for (let i = 0; i < 16; i++) bits[64 + i] = (crc >> (15 - i)) & 1;
  return bits;
}

/** Inverse of payloadBits: returns the 8 ID bytes, or null when the CRC does not match. */
export function checkPayload(bits: ArrayLike<number>): Uint8Array | null {
  if (bits.length !== 80) return null;
  const id = new Uint8Array(8);
  for (let i = 0; i < 64; i++) if (bits[i]) id[i >> 3]! |= 1 << (7 - (i & 7));
  let crc = 0;
  for (let i = 0; i < 16; i++) crc = (crc << 1) | (bits[64 + i] ? 1 : 0);
  return crc16(id) === crc ? id : null;
}
