/**
 * What another feature needs to carry the music to another device, without editing the engine:
 * a snapshot of what plays (queue, position, settings) and taking over a queue from elsewhere.
 */
import { playerActions } from './commands';
import { currentEntry, type QueueState } from './lib/queue';
import type { QueueItem } from './lib/queue-item';
import { playback as pb } from './playback-state';
import { actions as store } from './store';

export interface PlayerSettings {
  shuffle: boolean;
  repeat: QueueState['repeat'];
  volume: number;
  muted: boolean;
}

export interface PlayerSnapshot {
  /** the queue in play order (a window of at most `max` songs around the current one) */
  items: QueueItem[];
  current: number;
  position: number;
  playing: boolean;
  settings: PlayerSettings;
}

/** What plays now, for saving elsewhere. */
export function playerSnapshot(max = 200): PlayerSnapshot {
  const s = store.get();
  const q = s.queue;
  const from = Math.max(0, Math.min(q.current - Math.floor(max / 4), q.entries.length - max));
  const entries = q.entries.slice(from, from + max);
  return {
    items: entries.map((e) => e.item),
    current: q.current === -1 ? -1 : q.current - from,
    // the audio's own position: the store's is as old as the last tick (up to 200 ms)
    position: s.status === 'playing' && pb.active ? Number(pb.active.howl.seek()) || s.position : s.position,
    playing: s.status === 'playing' || s.status === 'loading',
    settings: { shuffle: q.shuffle, repeat: q.repeat, volume: s.volume, muted: s.muted },
  };
}

/**
 * Takes over a queue (from another device) and plays `items[current]` from `at` seconds, with its
 * shuffle and repeat. The play order arrives as it was, so shuffle keeps that order as it is. A
 * function `at` is asked again when the audio is ready to sound (where the music is by then).
 */
export async function continuePlayback(
  items: readonly QueueItem[],
  current: number,
  at: number | (() => number),
  settings: Pick<PlayerSettings, 'shuffle' | 'repeat'>,
): Promise<void> {
  const q = store.get().queue;
  if (!items[current]) return;
  let seq = q.seq;
  const entries = items.map((item) => ({ key: `q${seq++}`, item }));
  store.setQueue({
    entries,
    current,
    shuffle: settings.shuffle,
    repeat: settings.repeat,
    original: settings.shuffle ? entries.map((e) => e.key) : null,
    seq,
  });
  // The new entry's key differs from any loaded audio, so playing starts it afresh at `at`.
  const position = typeof at === 'function' ? at : () => at;
  pb.liveStart = { key: entries[current]!.key, at: position };
  store.positioned(position());
  if (currentEntry(store.get().queue)) await playerActions.play();
}
