export { decodeAudio, type DecodeOptions } from './decode.js';
export { encodeMp3, encodeWav, type Mp3Options } from './encode.js';
export { decodeWav } from './wav.js';
export { resample, type ResampleOptions } from './resample.js';
export { sniffAudioType } from './sniff.js';
export { RealFFT } from './fft.js';
export { AudioFormatError, AudioTooLongError, type AudioType, type PcmAudio } from './types.js';
