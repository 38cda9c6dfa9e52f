/**
 * Continue on another device. The player's events (passed in by the app) save what plays to the
 * server: at once when a song starts, pauses, ends or is skipped, and every few seconds while it
 * plays. A start here takes the music over; the answer to every save says whether this device is
 * still the active one, so one that lost the music pauses within a save's interval. Another
 * device's music is offered ("Continue … at 1:23") when the app opens or comes back into view.
 */
import type { PlaybackState, QueueItem } from '@contract/playback';
import type { ApiCredentials } from '@/lib/api-client';
import { noticeActions } from '@/lib/notices';
import { readPlayback, savePlayback } from './api';
import { deviceId, deviceName } from './device';
import { offerPosition, useHandoffStore, type Offer } from './store';

/** How often a playing device saves its position (and so how soon it learns it lost the music). */
export const SAVE_EVERY_MS = 2000;
/** How often an idle, visible page looks for music playing elsewhere. */
const OFFER_POLL_MS = 10_000;
/** A continued song further than this from the other device's position is moved there. */
const CORRECT_ABOVE_SEC = 0.05;

export interface HandoffSnapshot {
  items: QueueItem[];
  current: number;
  position: number;
  playing: boolean;
  settings: PlaybackState['settings'];
}

interface PlaybackEventLike {
  type: 'started' | 'progress' | 'paused' | 'ended' | 'skipped';
  songId: string;
  position: number;
}

/** What the app gives this feature: the session and the player's seams. */
export interface HandoffHost {
  getAuth(): ApiCredentials | null;
  onPlaybackEvent(listener: (e: PlaybackEventLike) => void): () => void;
  snapshot(): HandoffSnapshot;
  pause(): void;
  seek(sec: number): void;
  continuePlayback(
    items: QueueItem[],
    current: number,
    /** asked again when the audio is ready to sound */
    at: () => number,
    settings: Pick<PlaybackState['settings'], 'shuffle' | 'repeat'>,
  ): Promise<void>;
}

let host: HandoffHost | null = null;
let active = true;
let lastSaveAt = 0;
/** half the round trip of the last save: how far a playing song moves before the server stamps it */
let saveHalfTripSec = 0;
let lastType: PlaybackEventLike['type'] | null = null;
let saving: Promise<void> | null = null;
let again: boolean | null = null;
/**
 * The song just continued from another device and where it should be at a given moment. Starting
 * takes a moment and so does a seek: the first correction leads by `lead`, later ones learn it.
 */
let correction: {
  songId: string;
  target: () => number;
  tries: number;
  lead: number;
  /** where the last correction seeked to, and how many reports have waited for it to move on */
  seekedTo: number | null;
  waited: number;
} | null = null;
const MAX_CORRECTIONS = 4;
/** A correction's first seek leads by this (a streamed song takes a moment to move); later ones learn it. */
const FIRST_LEAD_SEC = 0.1;

/** One progress report of the continued song: move it to where the other device's music is now. */
function correct(position: number): void {
  const c = correction;
  if (!c) return;
  // After a seek the reported position sits where it went until the audio moves on again.
  if (c.seekedTo !== null && position <= c.seekedTo + 0.02 && c.waited++ < 5) return;
  c.seekedTo = null;
  c.waited = 0;
  const diff = position - c.target();
  if (Math.abs(diff) <= CORRECT_ABOVE_SEC || c.tries >= MAX_CORRECTIONS) return void (correction = null);
  if (c.tries > 0) c.lead = Math.max(0, Math.min(1, c.lead - diff));
  c.tries++;
  c.seekedTo = c.target() + c.lead;
  host?.seek(c.seekedTo);
}

async function save(takeOver: boolean): Promise<void> {
  const auth = host?.getAuth();
  if (!host || !auth) return;
  if (saving) {
    // One save at a time; the latest facts go next (a take-over is never dropped).
    again = (again ?? false) || takeOver;
    return;
  }
  const snap = host.snapshot();
  if (snap.current === -1) return;
  lastSaveAt = Date.now();
  const sent = performance.now();
  saving = savePlayback(auth, {
    deviceId: deviceId(),
    deviceName: deviceName(),
    entries: snap.items,
    current: snap.current,
    // where the song is when the server receives this (it keeps time from then)
    positionSec: Math.max(0, snap.position + (snap.playing ? saveHalfTripSec : 0)),
    playing: snap.playing,
    settings: snap.settings,
    takeOver,
  })
    .then((answer) => {
      saveHalfTripSec = Math.min(0.5, (performance.now() - sent) / 2000);
      active = answer.active;
      if (active) useHandoffStore.setState({ offer: null, takenBy: null });
      else if (host?.snapshot().playing) {
        const by = answer.state?.deviceName || 'another device';
        host.pause();
        useHandoffStore.setState({ takenBy: by });
        noticeActions.notify(`Now playing on ${by}.`);
        void lookForOffer();
      }
    })
    .catch(() => {
      // offline or signed out: the music goes on here; the next save tries again
    })
    .finally(() => {
      saving = null;
      const next = again;
      again = null;
      if (next !== null) void save(next);
    });
}

function onEvent(e: PlaybackEventLike): void {
  const prev = lastType;
  lastType = e.type;
  if (e.type === 'progress') {
    if (correction?.songId === e.songId) correct(e.position);
    if (Date.now() - lastSaveAt >= SAVE_EVERY_MS) void save(false);
    return;
  }
  // A start takes the music over, except the next song starting by itself on a device that lost it.
  if (e.type === 'started') return void save(!(prev === 'ended' && !active));
  void save(false);
}

/** Reads the server's state: another device's music becomes the offer. */
export async function lookForOffer(): Promise<void> {
  const auth = host?.getAuth();
  if (!host || !auth) return;
  try {
    const { answer, receivedAt, halfTripSec } = await readPlayback(auth, deviceId());
    const s = answer.state;
    const other = s && s.deviceId !== deviceId() && s.entries[s.current] ? s : null;
    const offer: Offer | null = other
      ? { state: { ...other, positionSec: other.positionSec + (other.playing ? halfTripSec : 0) }, receivedAt }
      : null;
    useHandoffStore.setState({ offer: host.snapshot().playing ? null : offer });
  } catch {
    // no offer when the server cannot be asked
  }
}

/**
 * Plays the other device's music here, from where it is now: read afresh, started, and moved to
 * the exact position once it plays (starting takes a moment). The other device learns at its next save.
 */
export async function continueHere(): Promise<void> {
  if (!host) return;
  await lookForOffer();
  const offer = useHandoffStore.getState().offer;
  if (!offer) return;
  const s = offer.state;
  const target = () => offerPosition(offer);
  correction = s.playing
    ? { songId: s.entries[s.current]!.id, target, tries: 0, lead: FIRST_LEAD_SEC, seekedTo: null, waited: 0 }
    : null;
  active = true;
  useHandoffStore.setState({ offer: null, takenBy: null });
  // the position is asked when the audio is ready, so loading it costs no accuracy
  await host.continuePlayback(s.entries, s.current, target, s.settings);
}

export const dismissOffer = (): void =>
  useHandoffStore.setState((st) => ({ dismissed: st.offer?.state.revision ?? st.dismissed }));

/** Starts following the player (once, from the app shell); returns the stop function. */
export function startHandoff(h: HandoffHost): () => void {
  host = h;
  const off = h.onPlaybackEvent(onEvent);
  const look = () => document.visibilityState === 'visible' && !h.snapshot().playing && void lookForOffer();
  look();
  document.addEventListener('visibilitychange', look);
  window.addEventListener('focus', look);
  const poll = window.setInterval(look, OFFER_POLL_MS);
  return () => {
    off();
    document.removeEventListener('visibilitychange', look);
    window.removeEventListener('focus', look);
    window.clearInterval(poll);
    host = null;
  };
}
