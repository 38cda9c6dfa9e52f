import type { AudioType } from './types.js';

const MPEG_BITRATES: Record<string, number[]> = {
  // [version][layer] tables in kbit/s, index 0 = free, 15 = bad
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0],
};
const MPEG_RATES: Record<number, number[]> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  25: [11025, 12000, 8000],
};

/** Length in bytes of the MPEG audio frame whose header starts at `p`, or 0 if it is not a valid header. */
export function mpegFrameLength(b: Uint8Array, p: number): number {
  if (p + 4 > b.length) return 0;
  if (b[p] !== 0xff || (b[p + 1]! & 0xe0) !== 0xe0) return 0;
  const verBits = (b[p + 1]! >> 3) & 3; // 0: 2.5, 1: reserved, 2: 2, 3: 1
  const layerBits = (b[p + 1]! >> 1) & 3; // 1: III, 2: II, 3: I
  if (verBits === 1 || layerBits === 0) return 0;
  const brIdx = b[p + 2]! >> 4;
  const srIdx = (b[p + 2]! >> 2) & 3;
  const pad = (b[p + 2]! >> 1) & 1;
  if (brIdx === 0 || brIdx === 15 || srIdx === 3) return 0;
  const version = verBits === 3 ? 1 : verBits === 2 ? 2 : 25;
  const layer = 4 - layerBits;
  const br = MPEG_BITRATES[`${version === 1 ? 1 : 2}-${layer}`]![brIdx]! * 1000;
  const sr = MPEG_RATES[version]![srIdx]!;
  if (layer === 1) return Math.floor((12 * br) / sr + pad) * 4;
  if (layer === 3 && version !== 1) return Math.floor((72 * br) / sr) + pad;
  return Math.floor((144 * br) / sr) + pad;
}

function ascii(b: Uint8Array, p: number, s: string): boolean {
  if (p + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[p + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Size of a leading ID3v2 tag (0 if none). */
export function id3Size(b: Uint8Array): number {
  if (!ascii(b, 0, 'ID3') || b.length < 10) return 0;
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  const footer = b[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/**
 * Identify an audio container from its content (magic numbers), ignoring any file name.
 * MP3 needs either an ID3v2 tag followed by frames, or two consecutive valid MPEG frame headers
 * near the start, so random bytes are not mistaken for MP3.
 */
export function sniffAudioType(bytes: Uint8Array): AudioType | null {
  const b = bytes;
  if (b.length < 12) return null;
  if ((ascii(b, 0, 'RIFF') || ascii(b, 0, 'RF64')) && ascii(b, 8, 'WAVE')) return 'wav';
  if (ascii(b, 0, 'fLaC')) return 'flac';
  if (ascii(b, 0, 'OggS')) return 'ogg';
  const tag = id3Size(b);
  if (tag > 0 && ascii(b, tag, 'fLaC')) return 'flac';
  // MPEG audio: find two back-to-back frames within the first 64 KiB after the tag
  const limit = Math.min(b.length - 4, tag + 65536);
  for (let p = tag; p < limit; p++) {
    if (b[p] !== 0xff) continue;
    const len = mpegFrameLength(b, p);
    if (len < 24) continue;
    const next = p + len;
    if (next + 4 > b.length) {
      // a single frame that fills the rest of a (tiny) file after an ID3 tag
      if (tag > 0 && next === b.length) return 'mp3';
      continue;
    }
    const len2 = mpegFrameLength(b, next);
    if (len2 >= 24 && ((b[p + 1]! ^ b[next + 1]!) & 0xfe) === 0) return 'mp3';
  }
  return null;
}
