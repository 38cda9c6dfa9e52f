/**
 * The audio engine: Howler (HTML5 audio, so long songs stream with range requests) outside React.
 * It authorizes every song before it plays, reuses a grant while it lasts, preloads the next song
 * shortly before the current one ends (preload.ts), and recovers from faults (recovery.ts). Its
 * facts live in one object (playback-state.ts); React reads the store it updates, other features
 * follow its playback events (playback-events.ts).
 */
import type { StreamAuth } from '@contract/listener';
import { ApiError } from '@/lib/api-error';
import { noticeActions } from '@/lib/notices';
import { audioElement, fromMemory, load, unload, type Loaded } from './audio-source';
import { applyGain, chainNext, takeChained, unchain } from './gapless';
import { installTestHooks } from './test-hooks';
import type { FaultCounts } from './lib/faults';
import type { StreamGrant } from './lib/grants';
import { currentEntry, type QueueEntry } from './lib/queue';
import { emitPlayback, type PlaybackEventType } from './playback-events';
import { NO_FAULTS, playback as pb } from './playback-state';
import { preloadLead, preloadNext } from './preload';
import { onFault, type RecoveryHost } from './recovery';
import { actions as store } from './store';
import { grantFor, hasUsableGrant, isGrant } from './stream-grants';

installTestHooks();

export { configure, forgetGrants, type PlayerHost } from './stream-grants';
export { setMuted, setVolume } from './audio-source';
export { PAID_PRELOAD_LEAD_SEC, PRELOAD_LEAD_SEC } from './preload';

const TICK_MS = 200;
const SAVE_EVERY_MS = 2000;
/** A start this soon after the previous one is a skip through the queue… */
const RAPID_START_MS = 1000;
/** …so it waits this long before buying the song, in case the listener skips again. */
const SKIP_SETTLE_MS = 300;
/** No progress for this long while meant to play is a stall: reload at the same position. */
const STALL_MS = 6000;
/** how often a 503 with Retry-After is waited out (5 s each while a song is prepared) before giving up */
const WAIT_TRIES = 30;

const recoveryHost: RecoveryHost = {
  restart: (entry, at, counts) => start(entry, at, counts),
  advance: (why) => advance(why),
};

function emit(type: PlaybackEventType, l: Loaded, position = Number(l.howl.seek()) || 0): void {
  emitPlayback({ type, songId: l.songId, position, duration: l.howl.duration() || store.get().duration });
}

function refusal(answer: StreamAuth) {
  store.refused({
    kind: 'refused',
    text: answer.reason ?? 'This song cannot be played.',
    balanceFloat: answer.balanceFloat,
    requiredTokens: answer.requiredTokens,
    unlockUrl: answer.unlockUrl ?? null,
  });
}

function saveNow(position: number): void {
  pb.lastSave = Date.now();
  store.positioned(position);
}

function tick(): void {
  const l = pb.active;
  if (!l) return;
  const st = store.get();
  const pos = Number(l.howl.seek()) || 0;
  const el = audioElement(l);
  const duration = l.howl.duration() || st.duration;
  let bufferedEnd = fromMemory(l)?.loaded ? duration : 0;
  if (el) {
    for (let i = 0; i < el.buffered.length; i++) {
      if (el.buffered.start(i) <= pos + 0.5 && el.buffered.end(i) >= pos) bufferedEnd = el.buffered.end(i);
    }
  }
  const save = Date.now() - pb.lastSave > SAVE_EVERY_MS;
  if (save) pb.lastSave = Date.now();
  store.progressed(pos, bufferedEnd, duration, save);
  if (st.status !== 'playing') return;
  emit('progress', l, pos);
  if (pos > pb.lastProgress.position + 0.05) {
    if (pos > pb.lastProgress.position + 1 && pb.lastProgress.position >= 0) pb.faults = { ...pb.faults, retried: 0 };
    pb.lastProgress = { at: Date.now(), position: pos };
  } else if (Date.now() - pb.lastProgress.at > STALL_MS) {
    pb.lastProgress = { at: Date.now(), position: pos };
    void onFault(recoveryHost, l, 2, 'network');
  }
  if (duration > 0 && duration - pos < preloadLead()) void preloadNext();
  chainNext();
}

function startTicker(): void {
  if (pb.ticker === undefined) pb.ticker = setInterval(tick, TICK_MS);
}
function stopTicker(): void {
  if (pb.ticker !== undefined) clearInterval(pb.ticker);
  pb.ticker = undefined;
}

function attach(l: Loaded): void {
  const h = l.howl;
  h.on('play', () => {
    if (pb.active !== l) return;
    pb.lastProgress = { at: Date.now(), position: Number(h.seek()) || 0 };
    store.playing();
    pb.current = { key: l.key, songId: l.songId };
    emit('started', l);
    startTicker();
  });
  h.on('pause', () => {
    if (pb.active !== l) return;
    const at = Number(h.seek()) || 0;
    saveNow(at);
    store.paused();
    emit('paused', l, at);
  });
  h.on('end', () => {
    if (pb.active !== l) return;
    pb.current = null;
    emit('ended', l, l.howl.duration() || store.get().duration);
    void advance('ended');
  });
  h.on('loaderror', (_id, code) => {
    if (pb.active === l) void onFault(recoveryHost, l, Number(code) || 0);
  });
  h.on('playerror', () => {
    if (pb.active !== l) return;
    store.paused({ kind: 'info', text: 'The browser blocked playback: press Play.' });
  });
}

/** The song that was playing is left before its end for another entry: say it was skipped. */
function noteSkip(next: QueueEntry): void {
  const was = pb.current;
  if (!was || was.key === next.key) return;
  pb.current = null;
  const position = pb.active ? Number(pb.active.howl.seek()) || 0 : store.get().position;
  emitPlayback({ type: 'skipped', songId: was.songId, position, duration: store.get().duration });
}

/**
 * Starts an entry at `at` seconds: authorize (or reuse the grant), load (or take the loaded or
 * preloaded audio of that entry), seek, play. `counts` carries the fault counts of a recovery.
 */
export async function start(entry: QueueEntry, at: number, counts?: FaultCounts): Promise<void> {
  const my = ++pb.generation;
  clearTimeout(pb.retryTimer);
  noteSkip(entry);
  pb.faults = counts ?? NO_FAULTS;
  pb.preloadTried = null;
  const usableAudio = (l: Loaded | null) => (l && l.key === entry.key && l.failed === null && !counts ? l : null);
  const reuse = usableAudio(pb.active) ?? usableAudio(pb.spare);
  // the next song already sounding where the previous one ended (gapless.ts): leave it playing
  const chained = takeChained(reuse);
  if (pb.active && pb.active !== reuse) unload(pb.active);
  if (pb.spare && pb.spare !== reuse) unload(pb.spare);
  if (reuse) reuse.howl.off();
  pb.active = null;
  pb.spare = null;
  stopTicker();
  store.loading(at, entry.item.durationSec);
  // Skipping quickly through paid songs must not buy each one: a start right after another waits a
  // moment before asking for a new grant, and gives up if the listener has moved on meanwhile.
  const rapid = Date.now() - pb.lastStartAt < RAPID_START_MS;
  pb.lastStartAt = Date.now();
  if (rapid && !counts && !reuse && !hasUsableGrant(entry.item.id)) {
    await new Promise((r) => setTimeout(r, SKIP_SETTLE_MS));
    if (my !== pb.generation) return;
  }
  let grant: StreamGrant | StreamAuth;
  try {
    grant = await grantFor(entry.item.id);
  } catch (err) {
    if (my !== pb.generation) return;
    unload(reuse);
    const e = err instanceof ApiError ? err : new ApiError(0, 'The stream could not be authorized.');
    // Signed out: the bar says "Log in to listen" with a link that comes back here.
    if (e.status === 401) store.loginNeeded(e.message);
    else if (e.status === 503 && e.retryAfterSec && (counts?.retried ?? 0) < WAIT_TRIES) {
      // A song still being prepared (a fresh demo renders its audio, the one asked for first) or
      // the server in maintenance: say so, and try again when the server says to.
      store.retrying(`${e.message} Trying again in ${e.retryAfterSec} s…`);
      const again = { ...(counts ?? NO_FAULTS), retried: (counts?.retried ?? 0) + 1 };
      pb.retryTimer = setTimeout(() => void (my === pb.generation && start(entry, at, again)), e.retryAfterSec * 1e3);
      return;
    } else store.failed(e.message);
    // A song removed from the catalog cannot come back: move on; anything else waits for the listener.
    if (e.status === 404 || e.status === 410) {
      noticeActions.notify(`"${entry.item.name}" is no longer available and was skipped.`);
      void advance('failed');
    }
    return;
  }
  if (my !== pb.generation) return;
  if (!isGrant(grant)) {
    unload(reuse);
    refusal(grant);
    return;
  }
  let l: Loaded;
  if (reuse && reuse.url === grant.streamUrl) l = reuse;
  else {
    unload(reuse);
    l = load(entry.key, entry.item.id, grant.streamUrl, entry.item.durationSec);
  }
  pb.active = l;
  attach(l);
  if (chained && reuse === l) {
    l.howl.play();
    return;
  }
  applyGain(l);
  if (reuse === l && l.howl.playing()) l.howl.pause();
  const live = pb.liveStart?.key === entry.key ? pb.liveStart.at : null;
  pb.liveStart = null;
  // loading took a moment: the position asked for has moved on by then (a handoff)
  if (live) l.howl.once('load', () => void l.howl.seek(live()));
  l.howl.seek(live ? live() : at);
  l.howl.play();
}

/** Plays from where the song is: the loaded audio when it is still good, else a fresh start there. */
export async function resume(): Promise<void> {
  const st = store.get();
  const entry = currentEntry(st.queue);
  if (!entry) return;
  const l = pb.active;
  if (l && l.key === entry.key && l.failed === null) {
    if (!hasUsableGrant(l.songId)) return start(entry, Number(l.howl.seek()) || st.position);
    if (!l.howl.playing()) l.howl.play();
    return;
  }
  return start(entry, st.resumeAt);
}

export function pause(): void {
  clearTimeout(pb.retryTimer);
  unchain();
  if (pb.active && store.get().status !== 'loading') {
    pb.active.howl.pause();
    return;
  }
  // Still authorizing, loading or waiting to retry: cancel that; Play starts again from here.
  pb.generation++;
  unload(pb.active);
  pb.active = null;
  saveNow(store.get().position);
  store.paused();
}

export function stop(): void {
  pb.generation++;
  pb.chained = null;
  clearTimeout(pb.retryTimer);
  stopTicker();
  unload(pb.active);
  unload(pb.spare);
  pb.active = null;
  pb.spare = null;
  pb.current = null;
}

export function seek(sec: number): void {
  const st = store.get();
  const to = Math.max(0, Math.min(sec, st.duration || sec));
  unchain();
  if (pb.active) {
    pb.active.howl.seek(to);
    pb.lastProgress = { at: Date.now(), position: to };
  }
  saveNow(to);
}

/** Set by the commands module: moves the queue on and starts the next entry, or stops. */
let advanceImpl: (why: 'ended' | 'failed') => Promise<void> = async () => {};
export function onAdvance(fn: (why: 'ended' | 'failed') => Promise<void>): void {
  advanceImpl = fn;
}
function advance(why: 'ended' | 'failed'): Promise<void> {
  return advanceImpl(why);
}

// Leaving the page (reload, tab closed): remember the exact position.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    if (pb.active) saveNow(Number(pb.active.howl.seek()) || store.get().position);
  });
}
