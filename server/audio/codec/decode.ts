import { MPEGDecoder } from 'mpg123-decoder';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { budgetText, MAX_CHANNELS, overBudget, probeHeader, sampleBudget } from './probe.js';
import { sniffAudioType } from './sniff.js';
import { decodeWav } from './wav.js';
import { AudioFormatError, AudioTooLongError, type PcmAudio } from './types.js';

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
}

function finish(d: Decoded, what: string): PcmAudio {
  const n = d.samplesDecoded;
  if (!n || !d.channelData.length || !d.sampleRate) {
    throw new AudioFormatError(`not a supported audio file (no ${what} audio could be decoded)`);
  }
  // copy out of WASM-owned memory and trim to the decoded length
  return { sampleRate: d.sampleRate, channels: d.channelData.map((c) => c.slice(0, n)) };
}

function hasAscii(b: Uint8Array, s: string, limit: number): boolean {
  const end = Math.min(b.length - s.length, limit);
  outer: for (let p = 0; p <= end; p++) {
    for (let i = 0; i < s.length; i++) if (b[p + i] !== s.charCodeAt(i)) continue outer;
    return true;
  }
  return false;
}

export interface DecodeOptions {
  /**
   * Stop (AudioTooLongError) once this much audio has come out. Compressed audio can expand a
   * hundredfold or more (silence in FLAC, low-bitrate MP3): a cap on the input's size does not cap
   * the output's, so files from users are decoded piece by piece and given up on at the limit.
   */
  maxSeconds?: number;
}

interface StreamDecoder {
  decode(b: Uint8Array): Decoded | Promise<Decoded>;
  flush?: () => Promise<Decoded>;
}

const CHUNK = 256 * 1024;
const MIN_PIECE = 1024;
/** About this many samples (16 MB as float) come out of one decoder call at most, whatever the file. */
const SAMPLES_PER_CALL = 4_000_000;

async function decodeBounded(dec: StreamDecoder, bytes: Uint8Array, what: string, maxSeconds: number) {
  const parts: Float32Array[][] = [];
  let total = 0;
  let rate = 0;
  const take = (d: Decoded) => {
    if (!d.samplesDecoded) return;
    rate ||= d.sampleRate;
    total += d.samplesDecoded;
    // Decoded samples are counted as they come (whatever the header claimed): over the length or
    // over the product's budget (maxSeconds of 48 kHz stereo, all channels counted), decoding stops.
    const channels = d.channelData.length;
    if (total > maxSeconds * rate) throw new AudioTooLongError(maxSeconds);
    if (channels > MAX_CHANNELS || total * channels > sampleBudget(maxSeconds)) {
      throw new AudioTooLongError(
        maxSeconds,
        `The file holds more audio than allowed (the limit is ${budgetText(maxSeconds)})`,
      );
    }
    // Copied out of WASM-owned memory, which the next call reuses. Only the first two channels are
    // kept: the MP3 made from them has at most two (encodeMp3 takes these), and 7.1 costs 4× less.
    parts.push(d.channelData.slice(0, 2).map((c) => c.slice(0, d.samplesDecoded)));
  };
  // The input is fed in pieces sized by how much audio the last piece gave: silence in FLAC expands
  // thousands of times, so a fixed 256 KB piece could decode gigabytes in one call before counting.
  let piece = MIN_PIECE;
  for (let p = 0; p < bytes.length;) {
    const n = Math.min(piece, bytes.length - p);
    const d = await dec.decode(bytes.subarray(p, p + n));
    p += n;
    take(d);
    // A piece that gave nothing yet (the decoder buffers) tells nothing: grow at most twofold per call.
    const perByte = (d.samplesDecoded * d.channelData.length) / n;
    const target = perByte > 0 ? Math.floor(SAMPLES_PER_CALL / perByte) : 2 * piece;
    piece = Math.max(MIN_PIECE, Math.min(CHUNK, 2 * piece, target));
  }
  if (dec.flush) take(await dec.flush());
  // Joined channel by channel, each piece let go once copied (the last channel first: a part short
  // of a channel falls back to its first), so that the peak is not twice the audio.
  const empty = new Float32Array(0);
  const channels: Float32Array[] = [];
  for (let ch = (parts[0]?.length ?? 0) - 1; ch >= 0; ch--) {
    const out = new Float32Array(total);
    let at = 0;
    for (const part of parts) {
      const c = part[ch] ?? part[0]!;
      out.set(c, at);
      at += c.length;
      if (part[ch]) part[ch] = empty;
    }
    channels.unshift(out);
  }
  return finish({ channelData: channels, samplesDecoded: total, sampleRate: rate }, what);
}

/** The whole file at once, or piece by piece up to `maxSeconds`. */
function run(dec: StreamDecoder & { decodeFile?: (b: Uint8Array) => Promise<Decoded> }, bytes: Uint8Array) {
  return async (what: string, o: DecodeOptions): Promise<PcmAudio> => {
    if (o.maxSeconds !== undefined) return decodeBounded(dec, bytes, what, o.maxSeconds);
    return finish(dec.decodeFile ? await dec.decodeFile(bytes) : await dec.decode(bytes), what);
  };
}

/**
 * Decode an audio file. The format is recognised from the content (see sniffAudioType), never from a
 * file name. Supports MP3 (MPEG 1/2/2.5 layer I-III), WAV (PCM 8/16/24/32-bit, float 32/64), FLAC (native
 * and Ogg FLAC) and Ogg Vorbis. Throws AudioFormatError for anything else.
 */
export async function decodeAudio(bytes: Uint8Array, o: DecodeOptions = {}): Promise<PcmAudio> {
  const type = sniffAudioType(bytes);
  if (o.maxSeconds !== undefined && type) {
    // The header first: a file that says it holds more than the limit is refused before decoding.
    const why = overBudget(probeHeader(bytes, type), o.maxSeconds);
    if (why) throw new AudioTooLongError(o.maxSeconds, why);
  }
  switch (type) {
    case 'wav': {
      // PCM expands at most fourfold (8-bit to float): bounded by the input's size.
      const pcm = decodeWav(bytes);
      const seconds = (pcm.channels[0]?.length ?? 0) / pcm.sampleRate;
      if (o.maxSeconds !== undefined && seconds > o.maxSeconds) throw new AudioTooLongError(o.maxSeconds);
      return pcm;
    }
    case 'mp3': {
      const dec = new MPEGDecoder();
      await dec.ready;
      try {
        return await run(dec, bytes)('MP3', o);
      } finally {
        dec.free();
      }
    }
    case 'flac': {
      const dec = new FLACDecoder();
      await dec.ready;
      try {
        return await run(dec, bytes)('FLAC', o);
      } finally {
        dec.free();
      }
    }
    case 'ogg': {
      const head = Math.min(bytes.length, 4096);
      if (hasAscii(bytes, '\x01vorbis', head)) {
        const dec = new OggVorbisDecoder();
        await dec.ready;
        try {
          return await run(dec, bytes)('Ogg Vorbis', o);
        } finally {
          dec.free();
        }
      }
      if (hasAscii(bytes, '\x7fFLAC', head)) {
        const dec = new FLACDecoder();
        await dec.ready;
        try {
          return await run(dec, bytes)('Ogg FLAC', o);
        } finally {
          dec.free();
        }
      }
      throw new AudioFormatError('not a supported audio file (Ogg stream is neither Vorbis nor FLAC)');
    }
    default:
      throw new AudioFormatError();
  }
}
