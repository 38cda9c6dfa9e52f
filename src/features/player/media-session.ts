/**
 * The system's media controls (keyboard media keys, lock screen, headset buttons): metadata and
 * artwork of the current song, playback state, position, and handlers that call the player.
 */
import { playerActions } from './commands';
import { currentEntry } from './lib/queue';
import { actions as store, type PlayerState } from './store';

const POSITION_EVERY_MS = 1000;

function artworkType(url: string): string {
  if (/\.svg(\?|$)/i.test(url)) return 'image/svg+xml';
  if (/\.png(\?|$)/i.test(url)) return 'image/png';
  if (/\.webp(\?|$)/i.test(url)) return 'image/webp';
  return 'image/jpeg';
}

export function setUpMediaSession(): () => void {
  if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return () => {};
  const ms = navigator.mediaSession;
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => void playerActions.play()],
    ['pause', () => void playerActions.pause()],
    ['stop', () => void playerActions.pause()],
    ['previoustrack', () => void playerActions.previous()],
    ['nexttrack', () => void playerActions.next()],
    ['seekbackward', (d) => void playerActions.seekBy(-(d.seekOffset ?? playerActions.seekStep))],
    ['seekforward', (d) => void playerActions.seekBy(d.seekOffset ?? playerActions.seekStep)],
    ['seekto', (d) => d.seekTime !== undefined && void playerActions.seek(d.seekTime)],
  ];
  for (const [action, fn] of handlers) {
    try {
      ms.setActionHandler(action, fn);
    } catch {
      // this browser does not know the action
    }
  }

  let lastKey: string | null = null;
  let lastPositionAt = 0;
  const update = (s: PlayerState, prev?: PlayerState) => {
    const entry = currentEntry(s.queue);
    if ((entry?.key ?? null) !== lastKey) {
      lastKey = entry?.key ?? null;
      const item = entry?.item;
      ms.metadata = item
        ? new MediaMetadata({
            title: item.name,
            artist: item.artist,
            album: item.albumName ?? '',
            artwork: item.artworkUrl
              ? [{ src: item.artworkUrl, sizes: '512x512', type: artworkType(item.artworkUrl) }]
              : [],
          })
        : null;
    }
    ms.playbackState = s.status === 'playing' ? 'playing' : entry ? 'paused' : 'none';
    const jumped = prev && Math.abs(s.position - prev.position) > 1.5;
    if (s.duration > 0 && (jumped || Date.now() - lastPositionAt > POSITION_EVERY_MS || s.status !== prev?.status)) {
      lastPositionAt = Date.now();
      try {
        ms.setPositionState({
          duration: s.duration,
          position: Math.min(Math.max(0, s.position), s.duration),
          playbackRate: 1,
        });
      } catch {
        // a position past the duration while metadata loads: the next tick fixes it
      }
    }
  };
  update(store.get());
  const unsubscribe = store.subscribe(update);
  return () => {
    unsubscribe();
    for (const [action] of handlers) {
      try {
        ms.setActionHandler(action, null);
      } catch {
        // unknown action
      }
    }
  };
}
