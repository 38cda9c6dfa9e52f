import type { ParsedPlaybackSave, PlaybackState } from '@contract/playback.js';

/** A listener's playback state as kept: the save that won, and when the server took it. */
export interface StoredPlayback {
  deviceId: string;
  deviceName: string;
  entries: PlaybackState['entries'];
  current: number;
  positionSec: number;
  playing: boolean;
  settings: PlaybackState['settings'];
  revision: number;
  updatedAtMs: number;
}

/** A save after the contract's parsing (defaults filled in). */
export type ParsedSave = ParsedPlaybackSave;

/**
 * Where the song is at `nowMs`: a playing state moves on with the clock from when it was saved
 * (never past the current song's end); a paused one stays.
 */
export function positionAt(s: StoredPlayback, nowMs: number): number {
  if (!s.playing) return s.positionSec;
  const moved = s.positionSec + Math.max(0, nowMs - s.updatedAtMs) / 1000;
  const duration = s.entries[s.current]?.durationSec ?? 0;
  return duration > 0 ? Math.min(moved, duration) : moved;
}

/**
 * One device's save against what the server keeps. The active device is the one that last took
 * over (started playing there); its saves replace the state. Another device's save counts only when
 * it takes over; otherwise it is refused (`next` null) and that device learns it is not active, so
 * a device still ticking after the listener moved on cannot pull the music back.
 */
export function mergeSave(
  stored: StoredPlayback | null,
  save: ParsedSave,
  nowMs: number,
): { next: StoredPlayback | null; active: boolean } {
  const accepted = !stored || stored.deviceId === save.deviceId || save.takeOver;
  if (!accepted) return { next: null, active: false };
  const current = save.entries.length === 0 ? -1 : Math.min(Math.max(-1, save.current), save.entries.length - 1);
  return {
    next: {
      deviceId: save.deviceId,
      deviceName: save.deviceName,
      entries: save.entries,
      current,
      positionSec: current === -1 ? 0 : save.positionSec,
      playing: current !== -1 && save.playing,
      settings: save.settings,
      revision: (stored?.revision ?? 0) + 1,
      updatedAtMs: nowMs,
    },
    active: true,
  };
}

/** The answer's form of a kept state, its position brought to `nowMs`. */
export function toAnswer(s: StoredPlayback, nowMs: number): PlaybackState {
  return {
    deviceId: s.deviceId,
    deviceName: s.deviceName,
    entries: s.entries,
    current: s.current,
    positionSec: Math.round(positionAt(s, nowMs) * 1000) / 1000,
    playing: s.playing,
    settings: s.settings,
    updatedAt: new Date(s.updatedAtMs).toISOString(),
    revision: s.revision,
  };
}
