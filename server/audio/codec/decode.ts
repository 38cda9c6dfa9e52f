import { MPEGDecoder } from 'mpg123-decoder';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { sniffAudioType } from './sniff.js';
import { decodeWav } from './wav.js';
import { AudioFormatError, type PcmAudio } from './types.js';

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

/**
 * Decode an audio file. The format is recognised from the content (see sniffAudioType), never from a
 * file name. Supports MP3 (MPEG 1/2/2.5 layer I-III), WAV (PCM 8/16/24/32-bit, float 32/64), FLAC (native
 * and Ogg FLAC) and Ogg Vorbis. Throws AudioFormatError for anything else.
 */
export async function decodeAudio(bytes: Uint8Array): Promise<PcmAudio> {
  const type = sniffAudioType(bytes);
  switch (type) {
    case 'wav':
      return decodeWav(bytes);
    case 'mp3': {
      const dec = new MPEGDecoder();
      await dec.ready;
      try {
        return finish(dec.decode(bytes), 'MP3');
      } finally {
        dec.free();
      }
    }
    case 'flac': {
      const dec = new FLACDecoder();
      await dec.ready;
      try {
        return finish(await dec.decodeFile(bytes), 'FLAC');
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
          return finish(await dec.decodeFile(bytes), 'Ogg Vorbis');
        } finally {
          dec.free();
        }
      }
      if (hasAscii(bytes, '\x7fFLAC', head)) {
        const dec = new FLACDecoder();
        await dec.ready;
        try {
          return finish(await dec.decodeFile(bytes), 'Ogg FLAC');
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
