/**
 * One song as the player needs it, built by the page from a song row (album tracks, search
 * results, my songs, playlists): enough to show it, order it and ask for its stream, without
 * another request. `access` is what the row showed (the server still decides at authorization).
 * The schema is the contract's, because the queue also travels to another device
 * (`contract/playback.ts`).
 */
export { queueItemSchema, type QueueItem } from '@contract/playback';
