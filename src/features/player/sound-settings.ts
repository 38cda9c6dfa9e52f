import { create } from 'zustand';
import { LOUDNESS_TARGETS, type LoudnessTarget } from './lib/gain';

/** Where the listener's sound settings are kept (apart from the queue, which changes all the time). */
export const SOUND_STORAGE_KEY = 'tokenly.player.sound';
export const MAX_CROSSFADE_SEC = 12;

export interface SoundSettings {
  /** even loudness: the target in LUFS, or off */
  loudnessTarget: LoudnessTarget;
  /** seconds two songs overlap (0: off); songs of an album played in order stay gapless */
  crossfadeSec: number;
}

export const DEFAULT_SOUND: SoundSettings = { loudnessTarget: 'off', crossfadeSec: 0 };

/** Storage is untrusted: what does not fit gives the defaults. */
export function readSound(raw: unknown): SoundSettings {
  const r = (raw ?? {}) as Partial<SoundSettings>;
  const target = LOUDNESS_TARGETS.includes(r.loudnessTarget as LoudnessTarget)
    ? (r.loudnessTarget as LoudnessTarget)
    : DEFAULT_SOUND.loudnessTarget;
  const xf = typeof r.crossfadeSec === 'number' && Number.isFinite(r.crossfadeSec) ? Math.round(r.crossfadeSec) : 0;
  return { loudnessTarget: target, crossfadeSec: Math.min(MAX_CROSSFADE_SEC, Math.max(0, xf)) };
}

function load(): SoundSettings {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(SOUND_STORAGE_KEY);
    return readSound(raw ? JSON.parse(raw) : null);
  } catch {
    return DEFAULT_SOUND;
  }
}

const useSoundStore = create<SoundSettings>()(load);

export const soundSettings = {
  get: (): SoundSettings => useSoundStore.getState(),
  subscribe: (fn: (s: SoundSettings) => void) => useSoundStore.subscribe(fn),
  set(patch: Partial<SoundSettings>): void {
    const next = readSound({ ...useSoundStore.getState(), ...patch });
    useSoundStore.setState(next);
    try {
      localStorage.setItem(SOUND_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // storage disabled: the setting lasts for this page
    }
  },
};

export const useSoundSettings = (): SoundSettings => useSoundStore();
