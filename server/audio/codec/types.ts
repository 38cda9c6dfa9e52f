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
  /** `detail`: a sentence for the user saying why (the header's numbers), when it is not plain length */
  constructor(
    readonly maxSeconds: number,
    readonly detail?: string,
  ) {
    super(detail ?? `the audio is longer than ${maxSeconds} s`);
  }
}
