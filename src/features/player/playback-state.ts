import type { Loaded } from './audio-source';
import type { FaultCounts } from './lib/faults';

/**
 * Everything the engine knows about what plays, in one object instead of loose module variables,
 * so each part of the engine (start, preload, recovery, ticks) reads and changes the same facts.
 */
export interface PlaybackState {
  /** the audio of the current entry, once loaded */
  active: Loaded | null;
  /** the next entry's audio, loaded ahead */
  spare: Loaded | null;
  /** bumps on every new start; async work of an older start drops its result */
  generation: number;
  faults: FaultCounts;
  lastStartAt: number;
  lastSave: number;
  /** the last time the position moved, to notice a stall */
  lastProgress: { at: number; position: number };
  ticker: ReturnType<typeof setInterval> | undefined;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** the queue entry being preloaded, and the last one tried (one try per entry) */
  preloading: string | null;
  preloadTried: string | null;
  /** the entry that started playing and has not ended, for `skipped` events */
  current: { key: string; songId: string } | null;
  /** the spare when it is scheduled to follow the active song (gapless.ts) */
  chained: Loaded | null;
  /** off only for a benchmark's baseline: each song starts on the previous one's end event */
  gapless: boolean;
  /**
   * Where an entry should start, asked when its audio is ready rather than when Play was pressed
   * (music continued from another device moves on while it is authorized and loaded).
   */
  liveStart: { key: string; at: () => number } | null;
}

export const NO_FAULTS: FaultCounts = { reauthorized: 0, retried: 0 };

export const playback: PlaybackState = {
  active: null,
  spare: null,
  generation: 0,
  faults: NO_FAULTS,
  lastStartAt: 0,
  lastSave: 0,
  lastProgress: { at: 0, position: -1 },
  ticker: undefined,
  retryTimer: undefined,
  preloading: null,
  preloadTried: null,
  current: null,
  chained: null,
  gapless: true,
  liveStart: null,
};
