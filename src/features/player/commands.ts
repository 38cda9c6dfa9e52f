/**
 * The player's public commands. The engine (and Howler with it) loads on first use, so the first
 * page does not carry it; everything the listener does goes through here.
 */
import type { PlayerHost } from './engine';
import type { QueueItem } from './lib/queue-item';
import * as queue from './lib/queue';
import { actions as store } from './store';

type Engine = typeof import('./engine');

let host: PlayerHost = { getAuth: () => null, onAuthorized: () => {} };
let loading: Promise<Engine> | null = null;
let loaded: Engine | null = null;

function engine(): Promise<Engine> {
  loading ??= import('./engine').then((e) => {
    e.configure(host);
    e.onAdvance(advance);
    loaded = e;
    return e;
  });
  return loading;
}

const random = () => Math.random();
/** Previous within the first seconds goes to the song before; later, back to the start. */
const RESTART_AFTER_SEC = 3;
const SEEK_STEP_SEC = 5;

async function startCurrent(at = 0): Promise<void> {
  const entry = queue.currentEntry(store.get().queue);
  const e = await engine();
  if (!entry) {
    e.stop();
    store.stopped({ clearDuration: true });
    return;
  }
  await e.start(entry, at);
}

async function advance(why: 'ended' | 'failed'): Promise<void> {
  const moved = queue.next(store.get().queue, why, random);
  if (!moved) {
    // The end of the queue: stay on the last song, back at its start, paused.
    loaded?.stop();
    store.stopped();
    return;
  }
  store.setQueue(moved);
  await startCurrent(0);
}

const isBusy = () => ['playing', 'loading'].includes(store.get().status);

export const playerActions = {
  /** Replaces the queue with `items` and plays `items[startIndex]` (a row's play button). */
  playSongs(items: readonly QueueItem[], startIndex = 0): Promise<void> {
    if (!items.length) return Promise.resolve();
    store.setQueue(queue.playItems(store.get().queue, items, startIndex, random));
    return startCurrent(0);
  },
  /** Adds `items` at the end of the queue. */
  enqueue(items: readonly QueueItem[]): void {
    store.setQueue(queue.enqueue(store.get().queue, items));
  },
  /** Puts `items` right after the current song. */
  playNext(items: readonly QueueItem[]): void {
    store.setQueue(queue.playNext(store.get().queue, items));
  },
  async play(): Promise<void> {
    if (!queue.currentEntry(store.get().queue)) return;
    await (await engine()).resume();
  },
  async pause(): Promise<void> {
    (await engine()).pause();
  },
  toggle(): Promise<void> {
    return isBusy() ? playerActions.pause() : playerActions.play();
  },
  async next(): Promise<void> {
    const moved = queue.next(store.get().queue, 'user', random);
    if (!moved) return;
    store.setQueue(moved);
    await startCurrent(0);
  },
  async previous(): Promise<void> {
    const st = store.get();
    const back = queue.previous(st.queue);
    if (st.position > RESTART_AFTER_SEC || !back) return playerActions.seek(0);
    store.setQueue(back);
    await startCurrent(0);
  },
  async seek(sec: number): Promise<void> {
    const duration = store.get().duration;
    const to = Math.max(0, duration > 0 ? Math.min(sec, duration - 0.25) : sec);
    if (loaded) loaded.seek(to);
    else store.positioned(to);
  },
  seekBy(deltaSec: number): Promise<void> {
    return playerActions.seek(store.get().position + deltaSec);
  },
  seekStep: SEEK_STEP_SEC,
  setVolume(v: number): void {
    const volume = Math.min(1, Math.max(0, Math.round(v * 100) / 100));
    store.volumeChanged(volume, volume === 0 ? store.get().muted : false);
    loaded?.setVolume(volume);
    loaded?.setMuted(store.get().muted);
  },
  toggleMute(): void {
    const muted = !store.get().muted;
    store.volumeChanged(store.get().volume, muted);
    loaded?.setMuted(muted);
  },
  toggleShuffle(): void {
    const q = store.get().queue;
    store.setQueue(queue.setShuffle(q, !q.shuffle, random));
  },
  cycleRepeat(): void {
    store.setQueue(queue.cycleRepeat(store.get().queue));
  },
  /** Plays an entry of the queue panel. */
  jumpTo(key: string): Promise<void> {
    store.setQueue(queue.jumpTo(store.get().queue, key));
    return startCurrent(0);
  },
  /** Removes an entry; removing the song that plays starts the one after it. */
  async remove(key: string): Promise<void> {
    const before = store.get();
    const wasCurrent = queue.currentEntry(before.queue)?.key === key;
    store.setQueue(queue.remove(before.queue, key));
    if (!wasCurrent) return;
    if (isBusy() || !queue.currentEntry(store.get().queue)) return startCurrent(0);
    loaded?.stop();
    store.stopped();
  },
  move(key: string, to: number): void {
    store.setQueue(queue.move(store.get().queue, key, to));
  },
  clear(): void {
    loaded?.stop();
    const q = store.get().queue;
    store.reset();
    store.setQueue(queue.clear(q));
  },
  /** Sign-out: nothing of this listener's keeps playing or stays queued. */
  reset(): void {
    loaded?.stop();
    loaded?.forgetGrants();
    store.reset();
  },
};

/** The app tells the player who listens and hears about every authorization. */
export function configurePlayer(h: PlayerHost): void {
  host = h;
  loaded?.configure(h);
}

/** Loads the engine ahead of the first click (when the browser is idle). */
export function warmUpPlayer(): void {
  void engine();
}
