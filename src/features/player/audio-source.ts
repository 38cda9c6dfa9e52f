import { Howl, Howler } from 'howler';
import { actions as store } from './store';

/** One song's audio: a Howl over an HTML5 element (streamed with range requests). */
export interface Loaded {
  key: string;
  songId: string;
  url: string;
  howl: Howl;
  /** the media error code, when it failed while waiting as the preloaded next song */
  failed: number | null;
}

export function load(key: string, songId: string, url: string): Loaded {
  const st = store.get();
  Howler.volume(st.volume);
  Howler.mute(st.muted);
  // The URL has no extension (it is signed), so the format is named.
  const howl = new Howl({ src: [url], html5: true, format: ['mp3'], preload: true });
  return { key, songId, url, howl, failed: null };
}

export function unload(l: Loaded | null): void {
  if (!l) return;
  l.howl.off();
  l.howl.unload();
}

/** Howler keeps the HTML5 element private; the seek bar's buffered range and the tests need it. */
export function audioElement(l: Loaded | null): HTMLAudioElement | null {
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
