/**
 * The audio engine: Howler (HTML5 audio, so long songs stream with range requests) outside React.
 * It authorizes every song before it plays, reuses a grant while it lasts, preloads the next song
 * shortly before the current one ends, and recovers from faults. React reads the store it updates.
 */
import type { StreamAuth } from '../../../contract/listener';
import { ApiError } from '../../lib/api-error';
import { noticeActions } from '../../lib/notices';
import { audioElement, load, probe, unload, type Loaded } from './audio-source';
import { classifyProbe, recovery, type FaultCounts, type FaultKind } from './lib/faults';
import type { StreamGrant } from './lib/grants';
import { currentEntry, upcoming, type QueueEntry } from './lib/queue';
import { actions as store } from './store';
import { dropGrant, grantFor, hasUsableGrant, isGrant } from './stream-grants';

export { configure, forgetGrants, type PlayerHost } from './stream-grants';
export { setMuted, setVolume } from './audio-source';

/** Start loading the next song this long before the current one ends (and authorize it then). */
export const PRELOAD_LEAD_SEC = 12;
/**
 * A paid song is charged when it is authorized, so it is asked for later: a listener who stops in
 * the last seconds of a song should rarely have paid for the next one. A few seconds are ample to
 * load its start.
 */
export const PAID_PRELOAD_LEAD_SEC = 4;
const TICK_MS = 200;
const SAVE_EVERY_MS = 2000;
/** A start this soon after the previous one is a skip through the queue… */
const RAPID_START_MS = 1000;
/** …so it waits this long before buying the song, in case the listener skips again. */
const SKIP_SETTLE_MS = 300;
let lastStartAt = 0;
/** No progress for this long while meant to play is a stall: reload at the same position. */
const STALL_MS = 6000;

let active: Loaded | null = null;
let spare: Loaded | null = null;
/** bumps on every new start; async work of an older start drops its result */
let generation = 0;
let faults: FaultCounts = { reauthorized: 0, retried: 0 };
let ticker: ReturnType<typeof setInterval> | undefined;
let lastSave = 0;
let lastProgress = { at: 0, position: -1 };
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function refusal(answer: StreamAuth) {
  store.set({
    status: 'refused',
    message: {
      kind: 'refused',
      text: answer.reason ?? 'This song cannot be played.',
      balanceFloat: answer.balanceFloat,
      requiredTokens: answer.requiredTokens,
      unlockUrl: answer.unlockUrl ?? null,
    },
  });
}

function saveNow(position: number): void {
  lastSave = Date.now();
  store.set({ position, resumeAt: position });
}

function tick(): void {
  const l = active;
  if (!l) return;
  const st = store.get();
  const pos = Number(l.howl.seek()) || 0;
  const el = audioElement(l);
  let bufferedEnd = 0;
  if (el) {
    for (let i = 0; i < el.buffered.length; i++) {
      if (el.buffered.start(i) <= pos + 0.5 && el.buffered.end(i) >= pos) bufferedEnd = el.buffered.end(i);
    }
  }
  const duration = l.howl.duration() || st.duration;
  const patch: Partial<typeof st> = { position: pos, bufferedEnd, duration };
  if (Date.now() - lastSave > SAVE_EVERY_MS) {
    lastSave = Date.now();
    patch.resumeAt = pos;
  }
  store.set(patch);
  if (st.status !== 'playing') return;
  if (pos > lastProgress.position + 0.05) {
    if (pos > lastProgress.position + 1 && lastProgress.position >= 0) faults = { ...faults, retried: 0 };
    lastProgress = { at: Date.now(), position: pos };
  } else if (Date.now() - lastProgress.at > STALL_MS) {
    lastProgress = { at: Date.now(), position: pos };
    void onFault(l, 2, 'network');
  }
  const lead = upcoming(st.queue)?.item.access.kind === 'credits' ? PAID_PRELOAD_LEAD_SEC : PRELOAD_LEAD_SEC;
  if (duration > 0 && duration - pos < lead) void preloadNext();
}

function startTicker(): void {
  if (ticker === undefined) ticker = setInterval(tick, TICK_MS);
}
function stopTicker(): void {
  if (ticker !== undefined) clearInterval(ticker);
  ticker = undefined;
}

async function preloadNext(): Promise<void> {
  const q = store.get().queue;
  const up = upcoming(q);
  const cur = currentEntry(q);
  // One try per upcoming entry: a refused or failed preload is not asked again on every tick.
  if (!up || !cur || up.key === cur.key || spare?.key === up.key || preloadTried === up.key) return;
  unload(spare);
  spare = null;
  const my = generation;
  preloadTried = up.key;
  preloading = up.key;
  try {
    const g = await grantFor(up.item.id);
    // refused: the start of that song will say why
    if (my !== generation || preloading !== up.key || !isGrant(g)) return;
    const l = load(up.key, up.item.id, g.streamUrl);
    l.howl.once('loaderror', (_id, code) => (l.failed = Number(code) || 0));
    spare = l;
  } catch {
    // the start of that song will try again and report
  } finally {
    if (preloading === up.key) preloading = null;
  }
}
let preloading: string | null = null;
let preloadTried: string | null = null;

function attach(l: Loaded): void {
  const h = l.howl;
  h.on('play', () => {
    if (active !== l) return;
    lastProgress = { at: Date.now(), position: Number(h.seek()) || 0 };
    store.set({ status: 'playing', message: null });
    startTicker();
  });
  h.on('pause', () => {
    if (active !== l) return;
    saveNow(Number(h.seek()) || 0);
    store.set({ status: 'paused' });
  });
  h.on('end', () => {
    if (active !== l) return;
    void advance('ended');
  });
  h.on('loaderror', (_id, code) => {
    if (active === l) void onFault(l, Number(code) || 0);
  });
  h.on('playerror', () => {
    if (active !== l) return;
    store.set({ status: 'paused', message: { kind: 'info', text: 'The browser blocked playback: press Play.' } });
  });
}

/**
 * Starts an entry at `at` seconds: authorize (or reuse the grant), load (or take the loaded or
 * preloaded audio of that entry), seek, play. `counts` carries the fault counts of a recovery.
 */
export async function start(entry: QueueEntry, at: number, counts?: FaultCounts): Promise<void> {
  const my = ++generation;
  clearTimeout(retryTimer);
  faults = counts ?? { reauthorized: 0, retried: 0 };
  preloadTried = null;
  const usableAudio = (l: Loaded | null) => (l && l.key === entry.key && l.failed === null && !counts ? l : null);
  const reuse = usableAudio(active) ?? usableAudio(spare);
  if (active && active !== reuse) unload(active);
  if (spare && spare !== reuse) unload(spare);
  if (reuse) reuse.howl.off();
  active = null;
  spare = null;
  stopTicker();
  store.set({
    status: 'loading',
    message: null,
    position: at,
    resumeAt: at,
    bufferedEnd: 0,
    duration: entry.item.durationSec,
  });
  // Skipping quickly through paid songs must not buy each one: a start right after another waits a
  // moment before asking for a new grant, and gives up if the listener has moved on meanwhile.
  const rapid = Date.now() - lastStartAt < RAPID_START_MS;
  lastStartAt = Date.now();
  if (rapid && !counts && !reuse && !hasUsableGrant(entry.item.id)) {
    await new Promise((r) => setTimeout(r, SKIP_SETTLE_MS));
    if (my !== generation) return;
  }
  let grant: StreamGrant | StreamAuth;
  try {
    grant = await grantFor(entry.item.id);
  } catch (err) {
    if (my !== generation) return;
    unload(reuse);
    const e = err instanceof ApiError ? err : new ApiError(0, 'The stream could not be authorized.');
    // Signed out: the bar says "Log in to listen" with a link that comes back here.
    store.set({ status: 'error', message: { kind: e.status === 401 ? 'login' : 'error', text: e.message } });
    // A song removed from the catalog cannot come back: move on; anything else waits for the listener.
    if (e.status === 404 || e.status === 410) {
      noticeActions.notify(`"${entry.item.name}" is no longer available and was skipped.`);
      void advance('failed');
    }
    return;
  }
  if (my !== generation) return;
  if (!isGrant(grant)) {
    unload(reuse);
    refusal(grant);
    return;
  }
  let l: Loaded;
  if (reuse && reuse.url === grant.streamUrl) l = reuse;
  else {
    unload(reuse);
    l = load(entry.key, entry.item.id, grant.streamUrl);
  }
  active = l;
  attach(l);
  if (reuse === l && l.howl.playing()) l.howl.pause();
  l.howl.seek(at);
  l.howl.play();
}

/** Plays from where the song is: the loaded audio when it is still good, else a fresh start there. */
export async function resume(): Promise<void> {
  const st = store.get();
  const entry = currentEntry(st.queue);
  if (!entry) return;
  if (active && active.key === entry.key && active.failed === null) {
    if (!hasUsableGrant(active.songId)) return start(entry, Number(active.howl.seek()) || st.position);
    if (!active.howl.playing()) active.howl.play();
    return;
  }
  return start(entry, st.resumeAt);
}

export function pause(): void {
  clearTimeout(retryTimer);
  if (active && store.get().status !== 'loading') {
    active.howl.pause();
    return;
  }
  // Still authorizing, loading or waiting to retry: cancel that; Play starts again from here.
  generation++;
  unload(active);
  active = null;
  saveNow(store.get().position);
  store.set({ status: 'paused', message: null });
}

export function stop(): void {
  generation++;
  clearTimeout(retryTimer);
  stopTicker();
  unload(active);
  unload(spare);
  active = null;
  spare = null;
}

export function seek(sec: number): void {
  const st = store.get();
  const to = Math.max(0, Math.min(sec, st.duration || sec));
  if (active) {
    active.howl.seek(to);
    lastProgress = { at: Date.now(), position: to };
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

/** A media error or a stall: find out why, then re-authorize, retry at the same place, or skip. */
async function onFault(l: Loaded, code: number, known?: FaultKind): Promise<void> {
  const my = generation;
  const at = Math.max(store.get().position, Number(l.howl.seek()) || 0);
  const kind = known ?? classifyProbe(await probe(l.url), code);
  if (my !== generation || active !== l) return;
  const r = recovery(kind, faults);
  const entry = currentEntry(store.get().queue);
  if (!entry) return;
  if (r.action === 'reauthorize') {
    faults = { ...faults, reauthorized: faults.reauthorized + 1 };
    dropGrant(l.songId);
    return restartAt(entry, at, my);
  }
  if (r.action === 'retry') {
    faults = { ...faults, retried: faults.retried + 1 };
    store.set({
      status: 'loading',
      message: { kind: 'info', text: `Connection lost: trying again in ${Math.round(r.delayMs / 1000)} s…` },
    });
    const again = () => {
      window.removeEventListener('online', again);
      clearTimeout(retryTimer);
      if (my === generation && active === l) void restartAt(entry, at, my);
    };
    window.addEventListener('online', again);
    retryTimer = setTimeout(again, r.delayMs);
    return;
  }
  if (r.action === 'give-up') {
    unload(l);
    active = null;
    saveNow(at);
    store.set({
      status: 'error',
      message: { kind: 'error', text: 'The connection is lost. Press Play to try again.' },
    });
    return;
  }
  unload(l);
  active = null;
  noticeActions.notify(`"${entry.item.name}" could not be played and was skipped.`);
  await advance('failed');
}

/** Loads the same entry again (new request, maybe a new grant) and plays from `at`. */
async function restartAt(entry: QueueEntry, at: number, my: number): Promise<void> {
  if (my !== generation) return;
  // a restart for a fault keeps counting, so a 403 loop cannot go on
  await start(entry, at, faults);
}

// Leaving the page (reload, tab closed): remember the exact position.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    if (active) saveNow(Number(active.howl.seek()) || store.get().position);
  });
}

/**
 * The element that plays the current song, for end-to-end tests and benchmarks that check real
 * audio (its currentTime advancing). Read-only facts; nothing secret.
 */
declare global {
  interface Window {
    tokenlyPlayer?: { audio: () => HTMLAudioElement | null; preloaded: () => HTMLAudioElement | null };
  }
}
if (typeof window !== 'undefined') {
  window.tokenlyPlayer = { audio: () => audioElement(active), preloaded: () => audioElement(spare) };
}
