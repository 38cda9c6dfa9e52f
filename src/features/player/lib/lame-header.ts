/**
 * Reads the Xing/Info and LAME tags at the start of an MP3: how many frames it has and how many
 * samples the encoder put before the music (its delay) and after it (padding to a whole frame).
 * Decoders that ignore them play those samples as silence, a gap between songs meant to join.
 */
export interface Mp3Gapless {
  sampleRate: number;
  /** samples per frame: 1152 (MPEG-1) or 576 (MPEG-2 and 2.5) */
  samplesPerFrame: number;
  /** audio frames, the tag's own frame not counted */
  frames: number;
  /** encoder delay and padding, in samples (0 when the file has only a Xing tag) */
  delay: number;
  padding: number;
}

/** The samples an MP3 decoder itself puts first (the synthesis filter bank's delay), on top of the encoder's. */
export const DECODER_DELAY = 529;

const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Where the first frame starts: after an ID3v2 tag, if there is one. */
function firstFrame(b: Uint8Array): number {
  if (b.length >= 10 && ascii(b, 0, 3) === 'ID3') {
    const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
    return 10 + size + (b[5]! & 0x10 ? 10 : 0);
  }
  return 0;
}

/** The gapless facts of an MP3 from its first bytes (a few hundred suffice), or null without a Xing/Info tag. */
export function parseMp3Gapless(b: Uint8Array): Mp3Gapless | null {
  const at = firstFrame(b);
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  const sampleRate = RATES[version]?.[(b[at + 2]! >> 2) & 3];
  if (version === 1 || layer !== 1 || !sampleRate) return null;
  const mpeg1 = version === 3;
  const mono = b[at + 3]! >> 6 === 3;
  let o = at + 4 + (mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17);
  if (o + 8 > b.length) return null;
  const id = ascii(b, o, 4);
  if (id !== 'Xing' && id !== 'Info') return null;
  const flags = u32(b, o + 4);
  o += 8;
  let frames = 0;
  if (flags & 1) {
    frames = u32(b, o);
    o += 4;
  }
  if (flags & 2) o += 4; // bytes
  if (flags & 4) o += 100; // table of contents
  if (flags & 8) o += 4; // quality
  let delay = 0;
  let padding = 0;
  // the LAME extension: a 9-character encoder name, then at 21 the 12-bit delay and padding
  if (o + 24 <= b.length && /^(LAME|Lavf|Lavc|L3.99)/.test(ascii(b, o, 4))) {
    delay = (b[o + 21]! << 4) | (b[o + 22]! >> 4);
    padding = ((b[o + 22]! & 0x0f) << 8) | b[o + 23]!;
  }
  if (!frames) return null;
  return { sampleRate, samplesPerFrame: mpeg1 ? 1152 : 576, frames, delay, padding };
}

/**
 * Where the music is in what a decoder gave back, in seconds: `start` and `duration`. Some
 * decoders cut delay and padding already (their output is as long as the music), others do not
 * (as long as all the frames, with the decoder's own delay first): which one is told by the length.
 */
export function musicSpan(info: Mp3Gapless, decodedSec: number): { start: number; duration: number } {
  const rate = info.sampleRate;
  const all = (info.frames * info.samplesPerFrame) / rate;
  const music = (info.frames * info.samplesPerFrame - info.delay - info.padding) / rate;
  if (Math.abs(decodedSec - music) <= Math.abs(decodedSec - all))
    return { start: 0, duration: Math.min(music, decodedSec) };
  const start = (info.delay + DECODER_DELAY) / rate;
  return { start, duration: Math.max(0, Math.min(music, decodedSec - start)) };
}
