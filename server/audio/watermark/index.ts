export { embed, type EmbedOptions } from './embed.js';
export { detect, type Change, type DetectOptions, type DetectResult } from './detect.js';
export { idToBytes, bytesToId, type WatermarkId } from './id.js';
