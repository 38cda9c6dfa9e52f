import { actions as store } from './store';

/** Tabs of the app on this device hear each other on this channel. */
const CHANNEL = 'tokenly.player';

/**
 * One tab plays at a time: when this tab starts playing, the others pause, as a desktop player
 * would (two songs at once is never what a listener means, and each tab would hold its own
 * stream). Returns the unsubscribe.
 */
export function playInOneTab(pause: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  const off = store.subscribe((s, prev) => {
    if (s.status === 'playing' && prev.status !== 'playing') channel.postMessage({ type: 'playing' });
  });
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const started = (e.data as { type?: unknown } | null)?.type === 'playing';
    if (started && ['playing', 'loading'].includes(store.get().status)) pause();
  };
  return () => {
    off();
    channel.close();
  };
}
