import { Howler } from 'howler';
import { audioElement, fromMemory, type Loaded } from './audio-source';
import { playback as pb } from './playback-state';

/**
 * What plays the current song, for end-to-end tests and benchmarks that check real audio: its
 * element, or for a song from memory a view with the element's fields they read; and the output
 * node (Howler's master gain) that every song from memory goes through. Read-only facts; nothing secret.
 */
export type PlayerAudioView = Pick<
  HTMLAudioElement,
  'currentTime' | 'duration' | 'paused' | 'src' | 'currentSrc' | 'readyState'
>;
declare global {
  interface Window {
    tokenlyPlayer?: {
      audio: () => PlayerAudioView | null;
      preloaded: () => PlayerAudioView | null;
      output: () => { context: AudioContext; node: AudioNode } | null;
      /** a benchmark's baseline turns scheduling off: songs then start on the previous one's end */
      setGapless: (on: boolean) => void;
      /** the own output (gain) of the current and the loaded next song, when they play from memory */
      songOutputs: () => { current: AudioNode | null; next: AudioNode | null };
    };
  }
}
function audioView(l: Loaded | null): PlayerAudioView | null {
  const b = fromMemory(l);
  if (!l || !b) return audioElement(l);
  return {
    get currentTime() {
      return Number(b.seek()) || 0;
    },
    get duration() {
      return b.duration();
    },
    get paused() {
      return !b.playing() || b.scheduled();
    },
    src: l.url,
    currentSrc: l.url,
    get readyState() {
      return b.loaded ? 4 : 0;
    },
  };
}
/** Installs the hooks (called once by the engine, so that no bundler drops them as unused). */
export function installTestHooks(): void {
  if (typeof window === 'undefined') return;
  window.tokenlyPlayer = {
    audio: () => audioView(pb.active),
    preloaded: () => audioView(pb.spare),
    output: () => (Howler.ctx && Howler.masterGain ? { context: Howler.ctx, node: Howler.masterGain } : null),
    setGapless: (on) => void (pb.gapless = on),
    songOutputs: () => ({ current: fromMemory(pb.active)?.gain ?? null, next: fromMemory(pb.spare)?.gain ?? null }),
  };
}
