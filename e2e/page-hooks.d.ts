// What the app exposes to tests and benchmarks in the page (see src/features/player/engine.ts):
// they run in a separate TypeScript project, so they see the hook through this declaration.
declare global {
  interface Window {
    tokenlyPlayer?: { audio: () => HTMLAudioElement | null; preloaded: () => HTMLAudioElement | null };
  }
}
export {};
