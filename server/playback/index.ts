export { playbackRoutes } from './playback-routes.js';
export { mergeSave, positionAt, toAnswer, type StoredPlayback } from './merge.js';
