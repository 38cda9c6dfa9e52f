import type { AudioType } from './types.js';

/** What a file's header says about the audio it holds (frames: per channel, when the header tells). */
export interface AudioHeader {
  sampleRate: number;
  channels: number;
  frames?: number;
}

function find(b: Uint8Array, s: string, from = 0, limit = b.length): number {
  const end = Math.min(b.length - s.length, limit);
  outer: for (let p = from; p <= end; p++) {
    for (let i = 0; i < s.length; i++) if (b[p + i] !== s.charCodeAt(i)) continue outer;
    return p;
  }
  return -1;
}

/** FLAC's STREAMINFO (native or in Ogg): rate, channels and total samples (0 there means unknown). */
function flacHeader(b: Uint8Array): AudioHeader | undefined {
  const p = find(b, 'fLaC', 0, 64 * 1024);
  if (p < 0 || p + 8 + 18 > b.length || (b[p + 4]! & 0x7f) !== 0) return undefined;
  const d = p + 8;
  const sampleRate = (b[d + 10]! << 12) | (b[d + 11]! << 4) | (b[d + 12]! >> 4);
  const channels = ((b[d + 12]! >> 1) & 7) + 1;
  const low = ((b[d + 14]! << 24) | (b[d + 15]! << 16) | (b[d + 16]! << 8) | b[d + 17]!) >>> 0;
  const frames = (b[d + 13]! & 0x0f) * 2 ** 32 + low;
  return { sampleRate, channels, ...(frames > 0 ? { frames } : {}) };
}

/** Vorbis's identification header, and the granule position of the last Ogg page (its length). */
function vorbisHeader(b: Uint8Array): AudioHeader | undefined {
  const p = find(b, '\x01vorbis', 0, 64 * 1024);
  if (p < 0 || p + 16 > b.length) return undefined;
  const channels = b[p + 11]!;
  const sampleRate = (b[p + 12]! | (b[p + 13]! << 8) | (b[p + 14]! << 16) | (b[p + 15]! << 24)) >>> 0;
  let last = -1;
  for (let q = find(b, 'OggS', Math.max(0, b.length - 256 * 1024)); q >= 0; q = find(b, 'OggS', q + 1)) last = q;
  if (last < 0 || last + 14 > b.length) return { sampleRate, channels };
  let frames = 0;
  for (let i = 7; i >= 0; i--) frames = frames * 256 + b[last + 6 + i]!;
  return { sampleRate, channels, ...(frames > 0 && frames < 2 ** 53 ? { frames } : {}) };
}

/** The header of a FLAC or Ogg file (MP3 is at most 48 kHz stereo, WAV is bounded by its size). */
export function probeHeader(b: Uint8Array, type: AudioType): AudioHeader | undefined {
  if (type === 'flac') return flacHeader(b);
  if (type === 'ogg') return find(b, '\x01vorbis', 0, 4096) >= 0 ? vorbisHeader(b) : flacHeader(b);
  return undefined;
}

/** The product's limit on decoded audio: as many samples as `maxSeconds` of 48 kHz stereo. */
export const sampleBudget = (maxSeconds: number) => maxSeconds * 48_000 * 2;

export const MAX_CHANNELS = 8;

/** "20 minutes of 48 kHz stereo" (or seconds, for short limits). */
export function budgetText(maxSeconds: number): string {
  const len = maxSeconds >= 60 ? `${Math.round(maxSeconds / 60)} minutes` : `${maxSeconds} seconds`;
  return `${len} of 48 kHz stereo`;
}

/** Why the header's audio is more than allowed, or undefined if it is within the limit (or unknown). */
export function overBudget(h: AudioHeader | undefined, maxSeconds: number): string | undefined {
  if (!h) return undefined;
  const limit = `the limit is ${budgetText(maxSeconds)}`;
  if (h.channels > MAX_CHANNELS) return `The file has ${h.channels} channels: at most ${MAX_CHANNELS} are read`;
  if (h.frames === undefined || !h.sampleRate) return undefined;
  if (h.frames * h.channels <= sampleBudget(maxSeconds) && h.frames <= maxSeconds * h.sampleRate) return undefined;
  const min = Math.round((h.frames / h.sampleRate / 60) * 10) / 10;
  return `The file holds more audio than allowed: ${min} minutes of ${h.channels} channels at ${h.sampleRate / 1000} kHz; ${limit}`;
}
