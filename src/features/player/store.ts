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

const set = (patch: Partial<PlayerState>): void => usePlayerStore.setState(patch);
const stopped = { status: 'idle', position: 0, resumeAt: 0, bufferedEnd: 0 } as const;

/**
 * The player's state transitions, named for what happened (React components use the hooks). Only
 * the engine and the commands call them.
 */
export const actions = {
  get: (): PlayerState => usePlayerStore.getState(),
  subscribe: (listener: (s: PlayerState, prev: PlayerState) => void) => usePlayerStore.subscribe(listener),
  setQueue: (queue: QueueState): void => set({ queue }),
  /** A song is being authorized and loaded, to play from `at`. */
  loading: (at: number, duration: number): void =>
    set({ status: 'loading', message: null, position: at, resumeAt: at, bufferedEnd: 0, duration }),
  /** Waiting to load again after a fault, saying why. */
  retrying: (text: string): void => set({ status: 'loading', message: { kind: 'info', text } }),
  playing: (): void => set({ status: 'playing', message: null }),
  paused: (message: PlayerMessage | null = null): void => set({ status: 'paused', message }),
  /** The audio's position, buffered range and duration as a tick reads them; `save` also keeps it for a reload. */
  progressed: (position: number, bufferedEnd: number, duration: number, save: boolean): void =>
    set(save ? { position, bufferedEnd, duration, resumeAt: position } : { position, bufferedEnd, duration }),
  /** The position the listener chose (a seek, a pause, leaving the page), kept for a reload. */
  positioned: (position: number): void => set({ position, resumeAt: position }),
  refused: (message: Extract<PlayerMessage, { kind: 'refused' }>): void => set({ status: 'refused', message }),
  failed: (text: string): void => set({ status: 'error', message: { kind: 'error', text } }),
  /** nobody is signed in: the bar asks to log in (and comes back to the same page) */
  loginNeeded: (text: string): void => set({ status: 'error', message: { kind: 'login', text } }),
  /** Nothing plays: back at the start of the current song (or of nothing). */
  stopped: (opts: { clearDuration?: boolean } = {}): void =>
    set(opts.clearDuration ? { ...stopped, duration: 0 } : stopped),
  charged: (lastCharge: NonNullable<PlayerState['lastCharge']>): void => set({ lastCharge }),
  volumeChanged: (volume: number, muted: boolean): void => set({ volume, muted }),
  reset: (): void => set({ queue: emptyQueue(), ...stopped, duration: 0, message: null, lastCharge: null }),
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
