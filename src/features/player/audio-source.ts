import { Howl, Howler } from 'howler';
import { BufferSound, type Sound } from './buffer-sound';
import { actions as store } from './store';

/**
 * Songs up to this long play from memory (decoded whole, gapless, crossfades); longer ones stream
 * through an HTML5 element with range requests, as they always did.
 */
export const GAPLESS_MAX_SEC = 600;

/**
 * One song's audio: a Howl over an HTML5 element (streamed with range requests) for a long song,
 * a BufferSound (from memory, on Howler's context) for the others. `howl` is that sound.
 */
export interface Loaded {
  key: string;
  songId: string;
  url: string;
  howl: Sound;
  /** the media error code, when it failed while waiting as the preloaded next song */
  failed: number | null;
}

export function load(key: string, songId: string, url: string, durationSec = 0): Loaded {
  const st = store.get();
  Howler.volume(st.volume);
  Howler.mute(st.muted);
  if (durationSec > 0 && durationSec <= GAPLESS_MAX_SEC) {
    return { key, songId, url, howl: new BufferSound(url), failed: null };
  }
  // The URL has no extension (it is signed), so the format is named.
  const howl = new Howl({ src: [url], html5: true, format: ['mp3'], preload: true });
  return { key, songId, url, howl, failed: null };
}

export const fromMemory = (l: Loaded | null): BufferSound | null => (l?.howl instanceof BufferSound ? l.howl : null);

/** Sets a song's own gain (loudness normalization): exact from memory, at most 1 on an element. */
export function setSongGain(l: Loaded | null, linear: number): void {
  const b = fromMemory(l);
  if (b) b.gain.gain.value = linear;
  else if (l) (l.howl as Howl).volume(Math.min(1, linear));
}

export function unload(l: Loaded | null): void {
  if (!l) return;
  l.howl.off();
  l.howl.unload();
}

/** Howler keeps the HTML5 element private; the seek bar's buffered range and the tests need it. */
export function audioElement(l: Loaded | null): HTMLAudioElement | null {
  if (fromMemory(l)) return null;
  const sounds = (l?.howl as unknown as { _sounds?: { _node?: unknown }[] } | undefined)?._sounds;
  const node = sounds?.[0]?._node;
  return node instanceof HTMLAudioElement ? node : null;
}

/** The status of the stream URL now (null when the fetch itself fails), to tell why audio failed. */
export async function probe(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { headers: { Range: 'bytes=0-1' }, cache: 'no-store' });
    void res.body?.cancel();
    return res.status;
  } catch {
    return null;
  }
}

export function setVolume(v: number): void {
  Howler.volume(v);
}
export function setMuted(m: boolean): void {
  Howler.mute(m);
}
