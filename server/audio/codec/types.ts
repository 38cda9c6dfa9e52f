/** Decoded audio: one Float32Array per channel, samples nominally in [-1, 1]. */
export interface PcmAudio {
  sampleRate: number;
  channels: Float32Array[];
}

export type AudioType = 'mp3' | 'wav' | 'flac' | 'ogg';

/** Thrown when bytes are not (or not a decodable) supported audio file. */
export class AudioFormatError extends Error {
  override name = 'AudioFormatError';
  constructor(message = 'not a supported audio file') {
    super(message);
  }
}

/** Thrown when a file decodes to more audio than allowed: decoding stops there, not at the end. */
export class AudioTooLongError extends Error {
  override name = 'AudioTooLongError';
  constructor(readonly maxSeconds: number) {
    super(`the audio is longer than ${maxSeconds} s`);
  }
}
