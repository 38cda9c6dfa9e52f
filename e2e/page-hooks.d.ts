// What the app exposes to tests and benchmarks in the page (see src/features/player/test-hooks.ts):
// they run in a separate TypeScript project, so they see the hook through this declaration.
type PlayerAudioView = Pick<
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
export {};
