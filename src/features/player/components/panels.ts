import type { ReactNode } from 'react';
import type { QueueItem } from '../lib/queue-item';

/** What a panel gets from the player: the song that plays, its position (a hook), and seeking. */
export interface PlayerPanelContext {
  item: QueueItem;
  /** the current position in seconds; a hook, so only the panel re-renders as it moves */
  usePosition: () => number;
  /** true while the song plays (not paused, loading or stopped) */
  usePlaying: () => boolean;
  seek: (sec: number) => void;
}

/**
 * A panel another feature puts in the player (lyrics, continue on another device…), composed by
 * the app: the bar gets a button for it and opens it above the controls; the full-screen now
 * playing view shows it beside the queue when `inNowPlaying`. A new panel needs no edit of the bar.
 */
export interface PlayerPanel {
  id: string;
  /** the button's and the panel's name */
  label: string;
  /** a short glyph for the bar's round button (hidden from assistive technology) */
  glyph: string;
  inNowPlaying?: boolean;
  /** also shown when nothing is queued (a panel that can start playback) */
  render: (ctx: PlayerPanelContext) => ReactNode;
}
