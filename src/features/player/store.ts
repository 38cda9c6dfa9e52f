import { create } from 'zustand';
import { currentEntry, emptyQueue, type QueueEntry, type QueueState } from './lib/queue';
import { forSaving, restorePlayer, type SavedPlayer } from './lib/restore';

/** The one localStorage key the player's queue and settings live under. */
export const PLAYER_STORAGE_KEY = 'tokenly.player';

export type PlaybackStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'refused' | 'error';

/** Why the player is not playing, in words for the listener (and the facts to show with it). */
export type PlayerMessage =
  | { kind: 'refused'; text: string; balanceFloat: number; requiredTokens: string[]; unlockUrl?: string | null }
  | { kind: 'error'; text: string }
  | { kind: 'login'; text: string }
  | { kind: 'info'; text: string };

export interface PlayerState {
  queue: QueueState;
  status: PlaybackStatus;
  /** seconds into the current song, as the audio reports it */
  position: number;
  /** where to resume from after a reload (saved every few seconds and on pause, seek and unload) */
  resumeAt: number;
  duration: number;
  /** seconds of the current song loaded from the start of the buffered range that holds `position` */
  bufferedEnd: number;
  volume: number;
  muted: boolean;
  message: PlayerMessage | null;
  /** what the last paid authorization cost, for the bar to say so */
  lastCharge: { songId: string; chargedFloat: number; balanceFloat: number } | null;
}

function load(): SavedPlayer {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(PLAYER_STORAGE_KEY);
    return restorePlayer(raw ? JSON.parse(raw) : null);
  } catch {
    return restorePlayer(null);
  }
}

const saved = load();
const usePlayerStore = create<PlayerState>()(() => ({
  queue: saved.queue,
  status: 'idle',
  position: saved.position,
  resumeAt: saved.position,
  duration: currentEntry(saved.queue)?.item.durationSec ?? 0,
  bufferedEnd: 0,
  volume: saved.volume,
  muted: saved.muted,
  message: null,
  lastCharge: null,
}));

// Written only when a saved part changes, not on every position tick.
let lastWritten: unknown[] = [];
usePlayerStore.subscribe((s) => {
  const parts = [s.queue, s.resumeAt, s.volume, s.muted];
  if (parts.every((p, i) => p === lastWritten[i])) return;
  lastWritten = parts;
  const doc: SavedPlayer = { queue: s.queue, position: s.resumeAt, volume: s.volume, muted: s.muted };
  try {
    localStorage.setItem(PLAYER_STORAGE_KEY, JSON.stringify(forSaving(doc)));
  } catch {
    // storage full or disabled: the player still works, it just will not survive a reload
  }
});

/** State changes, for the player's engine and commands (React components use the hooks). */
export const actions = {
  get: (): PlayerState => usePlayerStore.getState(),
  set: (patch: Partial<PlayerState>): void => usePlayerStore.setState(patch),
  setQueue: (queue: QueueState): void => usePlayerStore.setState({ queue }),
  subscribe: (listener: (s: PlayerState, prev: PlayerState) => void) => usePlayerStore.subscribe(listener),
  reset: (): void =>
    usePlayerStore.setState({
      queue: emptyQueue(),
      status: 'idle',
      position: 0,
      resumeAt: 0,
      duration: 0,
      bufferedEnd: 0,
      message: null,
      lastCharge: null,
    }),
};

export const useQueue = (): QueueState => usePlayerStore((s) => s.queue);
export const useCurrentEntry = (): QueueEntry | null => usePlayerStore((s) => currentEntry(s.queue));
export const useStatus = (): PlaybackStatus => usePlayerStore((s) => s.status);
export const usePosition = (): number => usePlayerStore((s) => s.position);
export const useDuration = (): number => usePlayerStore((s) => s.duration);
export const useBufferedEnd = (): number => usePlayerStore((s) => s.bufferedEnd);
export const useVolume = (): number => usePlayerStore((s) => s.volume);
export const useMuted = (): boolean => usePlayerStore((s) => s.muted);
export const useShuffle = (): boolean => usePlayerStore((s) => s.queue.shuffle);
export const useRepeat = (): QueueState['repeat'] => usePlayerStore((s) => s.queue.repeat);
export const useMessage = (): PlayerMessage | null => usePlayerStore((s) => s.message);
export const useLastCharge = (): PlayerState['lastCharge'] => usePlayerStore((s) => s.lastCharge);
