/**
 * The LAME "Info" tag: a silent first frame that says how many frames the MP3 has, and how many
 * samples the encoder added before (its delay) and after (padding to a whole frame) the audio.
 * Players that read it (the web player, FFmpeg, most others) cut those samples, so songs that flow
 * into each other play without a gap. LAME in WASM leaves it out when encoding in pieces; it is
 * written here once the frames are known.
 */

/** What LAME 3.100 puts before the first sample (not counting the decoder's own 529). */
export const LAME_ENCODER_DELAY = 576;

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface FrameHeader {
  mpeg1: boolean;
  mono: boolean;
  bitrate: number;
  sampleRate: number;
  length: number;
}

function header(b: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  if (version === 1 || layer !== 1) return null;
  const mpeg1 = version === 3;
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[b[at + 2]! >> 4] ?? 0;
  const sampleRate = RATES[version]?.[(b[at + 2]! >> 2) & 3] ?? 0;
  if (!bitrate || !sampleRate) return null;
  const padding = (b[at + 2]! >> 1) & 1;
  const length = Math.floor(((mpeg1 ? 144 : 72) * bitrate * 1000) / sampleRate) + padding;
  return { mpeg1, mono: b[at + 3]! >> 6 === 3, bitrate, sampleRate, length };
}

/** CRC-16/ARC, the checksum of the LAME tag. */
function crc16(b: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    crc ^= b[i]!;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function putU32(b: Uint8Array, at: number, v: number): void {
  new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0);
}

/**
 * Prepends an Info tag to a CBR MP3 that has none, for `samples` samples per channel of audio.
 * Returns the input unchanged when it does not start with an MPEG audio frame.
 */
export function withLameTag(mp3: Uint8Array, samples: number): Uint8Array {
  const first = header(mp3, 0);
  if (!first) return mp3;
  let frames = 0;
  for (let at = 0, h = first as FrameHeader | null; h; at += h.length, h = header(mp3, at)) frames++;
  const perFrame = first.mpeg1 ? 1152 : 576;
  const padding = frames * perFrame - samples - LAME_ENCODER_DELAY;
  if (padding < 0 || padding > 4095) return mp3;
  // the tag's frame: the first frame's header, without padding or CRC, and silence
  const size = Math.floor(((first.mpeg1 ? 144 : 72) * first.bitrate * 1000) / first.sampleRate);
  const tag = new Uint8Array(size);
  tag.set([0xff, mp3[1]! | 1, mp3[2]! & 0xfd, mp3[3]!]);
  const sideInfo = first.mpeg1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17;
  let o = 4 + sideInfo;
  const ascii = (s: string, at: number) => [...s].forEach((c, i) => (tag[at + i] = c.charCodeAt(0)));
  ascii('Info', o);
  putU32(tag, o + 4, 0x0f); // frames, bytes, TOC and quality are present
  putU32(tag, o + 8, frames);
  putU32(tag, o + 12, mp3.length + size);
  for (let i = 0; i < 100; i++) tag[o + 16 + i] = Math.floor((i * 256) / 100); // CBR: a straight line
  o += 120; // 4 + 4 + 4 + 4 + 100 + 4 (quality, 0)
  ascii('LAME3.100', o);
  tag[o + 9] = 0x01; // revision 0, constant bitrate
  tag[o + 10] = Math.min(255, Math.round(first.sampleRate / 2 / 100)); // lowpass, in 100 Hz
  tag[o + 20] = Math.min(255, first.bitrate);
  tag[o + 21] = LAME_ENCODER_DELAY >> 4;
  tag[o + 22] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  tag[o + 23] = padding & 0xff;
  putU32(tag, o + 28, mp3.length);
  const music = crc16(mp3, 0, mp3.length);
  tag[o + 32] = music >> 8;
  tag[o + 33] = music & 0xff;
  const own = crc16(tag, 0, o + 34);
  tag[o + 34] = own >> 8;
  tag[o + 35] = own & 0xff;
  const out = new Uint8Array(size + mp3.length);
  out.set(tag);
  out.set(mp3, size);
  return out;
}
