/**
 * Lyrics: plain or LRC time-tagged (`[mm:ss.xx]`, read by `src/lib/lrc.ts`). The app hands
 * `LyricsView` to the player as a panel; the player gives it the position and seeking.
 */
export { LyricsView, type LyricsViewProps } from './components/lyrics-view';
