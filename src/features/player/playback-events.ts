/**
 * What the player tells the rest of the app about playback, so other features (listening history,
 * lyrics, another device's handoff) follow it without editing the engine. `position` is in seconds.
 *
 *   started   a song began to play (after authorization and loading, or on resume)
 *   progress  the position moved (about five times a second while playing)
 *   paused    the listener paused
 *   ended     the song played to its end
 *   skipped   the listener moved on before the end (next, previous, another song)
 */
export type PlaybackEventType = 'started' | 'progress' | 'paused' | 'ended' | 'skipped';

export interface PlaybackEvent {
  type: PlaybackEventType;
  songId: string;
  position: number;
  duration: number;
}

type Listener = (event: PlaybackEvent) => void;
const listeners = new Set<Listener>();

/** Subscribes to playback events; returns the unsubscribe function. */
export function onPlaybackEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitPlayback(event: PlaybackEvent): void {
  for (const l of listeners) {
    try {
      l(event);
    } catch {
      // a subscriber's failure never stops the music
    }
  }
}
