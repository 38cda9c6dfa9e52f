import { AudioFormatError, type PcmAudio } from './types.js';

/** Parse a RIFF/WAVE file: PCM 8/16/24/32-bit integer, 32/64-bit float, incl. WAVE_FORMAT_EXTENSIBLE. */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag4 = (p: number) => String.fromCharCode(bytes[p]!, bytes[p + 1]!, bytes[p + 2]!, bytes[p + 3]!);
  if (bytes.length < 12 || !(tag4(0) === 'RIFF' || tag4(0) === 'RF64') || tag4(8) !== 'WAVE') {
    throw new AudioFormatError('not a supported audio file (bad WAV header)');
  }
  let p = 12;
  let format = -1;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  let dataStart = -1;
  let dataLen = 0;
  while (p + 8 <= bytes.length) {
    const id = tag4(p);
    let size = dv.getUint32(p + 4, true);
    const body = p + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length)
        throw new AudioFormatError('not a supported audio file (bad WAV fmt chunk)');
      format = dv.getUint16(body, true);
      channels = dv.getUint16(body + 2, true);
      sampleRate = dv.getUint32(body + 4, true);
      bits = dv.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 40 && body + 26 <= bytes.length) format = dv.getUint16(body + 24, true);
    } else if (id === 'data') {
      dataStart = body;
      if (size === 0xffffffff || body + size > bytes.length) size = bytes.length - body; // streamed / truncated
      dataLen = size;
      if (format !== -1) break;
    }
    p = body + size + (size & 1);
  }
  if (format === -1 || dataStart < 0) throw new AudioFormatError('not a supported audio file (WAV without fmt/data)');
  if (channels < 1 || channels > 32 || sampleRate < 1000 || sampleRate > 768000) {
    throw new AudioFormatError('not a supported audio file (WAV channels/sample rate out of range)');
  }
  const isFloat = format === 3 && (bits === 32 || bits === 64);
  const isInt = format === 1 && (bits === 8 || bits === 16 || bits === 24 || bits === 32);
  if (!isFloat && !isInt) throw new AudioFormatError(`not a supported audio file (WAV format ${format}, ${bits} bit)`);
  const bps = bits >> 3;
  const frame = bps * channels;
  const n = Math.floor(dataLen / frame);
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) out.push(new Float32Array(n));
  for (let c = 0; c < channels; c++) {
    const ch = out[c]!;
    let q = dataStart + c * bps;
    if (isFloat && bits === 32) for (let i = 0; i < n; i++, q += frame) ch[i] = dv.getFloat32(q, true);
    else if (isFloat) for (let i = 0; i < n; i++, q += frame) ch[i] = dv.getFloat64(q, true);
    else if (bits === 16) for (let i = 0; i < n; i++, q += frame) ch[i] = dv.getInt16(q, true) / 32768;
    else if (bits === 24) {
      for (let i = 0; i < n; i++, q += frame) {
        let v = bytes[q]! | (bytes[q + 1]! << 8) | (bytes[q + 2]! << 16);
        if (v & 0x800000) v -= 0x1000000;
        ch[i] = v / 8388608;
      }
    } else if (bits === 32) for (let i = 0; i < n; i++, q += frame) ch[i] = dv.getInt32(q, true) / 2147483648;
    else for (let i = 0; i < n; i++, q += frame) ch[i] = (bytes[q]! - 128) / 128;
  }
  return { sampleRate, channels: out };
}

/** Encode PCM as a 16-bit little-endian PCM WAV file (samples are clamped to [-1, 1]). */
export function encodeWav(pcm: PcmAudio): Uint8Array {
  const channels = pcm.channels.length;
  if (channels < 1) throw new RangeError('encodeWav: no channels');
  const n = pcm.channels[0]!.length;
  const dataLen = n * channels * 2;
  const out = new Uint8Array(44 + dataLen);
  const dv = new DataView(out.buffer);
  const w4 = (p: number, s: string) => {
    for (let i = 0; i < 4; i++) out[p + i] = s.charCodeAt(i);
  };
  w4(0, 'RIFF');
  dv.setUint32(4, 36 + dataLen, true);
  w4(8, 'WAVE');
  w4(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, channels, true);
  dv.setUint32(24, pcm.sampleRate, true);
  dv.setUint32(28, pcm.sampleRate * channels * 2, true);
  dv.setUint16(32, channels * 2, true);
  dv.setUint16(34, 16, true);
  w4(36, 'data');
  dv.setUint32(40, dataLen, true);
  const i16 = new Int16Array(out.buffer, 44, n * channels);
  for (let c = 0; c < channels; c++) {
    const ch = pcm.channels[c]!;
    if (ch.length !== n) throw new RangeError('encodeWav: channels differ in length');
    for (let i = 0, q = c; i < n; i++, q += channels) {
      const v = Math.round(ch[i]! * 32768);
      i16[q] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
  }
  return out;
}
