import { lazy } from 'react';
/**
 * The player's public API. Pages build queue items from their song rows and call
 * `playerActions`; the app shell renders `PlayerBar` and tells the player who listens
 * (`configurePlayer`). Nothing else of this folder is meant to be imported from outside.
 *
 *   playerActions.playSongs(items, startIndex)  replace the queue, play items[startIndex]
 *   playerActions.playNext(items)               insert right after the current song
 *   playerActions.enqueue(items)                append to the queue
 *   playerActions.play() / pause() / toggle() / next() / previous() / seek(sec) / reset()
 */
export { playerActions, configurePlayer, warmUpPlayer } from './commands';
export type { PlayerHost } from './engine';
export type { QueueItem } from './lib/queue-item';
export type { QueueEntry } from './lib/queue';
export { setUpMediaSession } from './media-session';
export { playInOneTab } from './one-tab';
export { useCurrentEntry, useShuffle, useStatus } from './store';
export { onPlaybackEvent, type PlaybackEvent, type PlaybackEventType } from './playback-events';
export { continuePlayback, playerSnapshot, type PlayerSettings, type PlayerSnapshot } from './continue';
export type { PlayerPanel, PlayerPanelContext } from './components/panels';
export { PlaybackSettings } from './components/playback-settings';

/** The fields of a song row (album tracks, search results, my songs, playlists) a queue item needs. */
export interface QueueableSong {
  id: string;
  name: string;
  artist: string;
  artistProfileId: string | null;
  albumId: string;
  albumName?: string | null;
  durationSec: number;
  artworkImage?: string | null;
  loudness?: { lufs: number; truePeakDb: number } | null;
  albumLoudness?: { lufs: number; truePeakDb: number } | null;
}

/** Builds a queue item from a song row; `album` fills what an album's own track list lacks. */
export function toQueueItem(
  song: QueueableSong,
  access: { kind: 'token' | 'free' | 'credits' | 'locked'; label: string },
  album?: { name: string; artworkImage: string | null },
): import('./lib/queue-item').QueueItem {
  return {
    id: song.id,
    name: song.name,
    artist: song.artist,
    artistProfileId: song.artistProfileId,
    albumId: song.albumId,
    albumName: song.albumName ?? album?.name ?? null,
    durationSec: song.durationSec,
    artworkUrl: song.artworkImage ?? album?.artworkImage ?? null,
    access: { kind: access.kind, label: access.label },
    loudness: song.loudness ?? null,
    albumLoudness: song.albumLoudness ?? null,
  };
}

/** The player bar, loaded after the first paint (the shell renders it in a Suspense boundary). */
export const LazyPlayerBar = lazy(() => import('./components/player-bar').then((m) => ({ default: m.PlayerBar })));
