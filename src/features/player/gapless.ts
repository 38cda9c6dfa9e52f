/**
 * Song to song without a gap: while the current song plays from memory and the next one is
 * loaded (preload.ts), the next is set to start on the context's clock at the sample after the
 * current one ends, or a crossfade earlier (lib/gain.ts decides which). Pausing or seeking undoes
 * that (`unchain`) and the next tick sets it again. Also sets each song's loudness gain.
 */
import { fromMemory, setSongGain, type Loaded } from './audio-source';
import { dbToLinear, queueGainDb, transitionSec } from './lib/gain';
import { currentEntry, upcoming } from './lib/queue';
import { playback as pb } from './playback-state';
import { soundSettings } from './sound-settings';
import { actions as store } from './store';

/** The gain a loaded entry should play at, from the queue around it and the loudness target. */
function gainOf(l: Loaded): number {
  const q = store.get().queue;
  const index = q.entries.findIndex((e) => e.key === l.key);
  const items = q.entries.map((e) => e.item);
  return dbToLinear(queueGainDb(items, index, q.shuffle, soundSettings.get().loudnessTarget));
}

export function applyGain(l: Loaded | null): void {
  if (l) setSongGain(l, gainOf(l));
}

/** Equal-power fade curves, so a crossfade keeps the level steady. */
function curve(from: number, to: number, fadeIn: boolean): Float32Array {
  const n = 64;
  return Float32Array.from({ length: n }, (_, i) => {
    const x = i / (n - 1);
    const shape = fadeIn ? Math.sin((x * Math.PI) / 2) : Math.cos((x * Math.PI) / 2);
    return from + (to - from) * (fadeIn ? shape : 1 - shape);
  });
}

/** Called on every tick: schedules the loaded next song to follow the current one. */
export function chainNext(): void {
  const cur = fromMemory(pb.active);
  const next = fromMemory(pb.spare);
  if (!pb.gapless || !cur || !next || !pb.spare || pb.chained === pb.spare || !cur.playing() || cur.scheduled()) return;
  const q = store.get().queue;
  const up = upcoming(q);
  if (!up || up.key !== pb.spare.key) return;
  const wanted = transitionSec(currentEntry(q)?.item, up.item, q.shuffle, soundSettings.get().crossfadeSec);
  const fade = Math.min(wanted, cur.duration() / 2, next.duration() / 2);
  const end = cur.endsAt();
  const nextGain = gainOf(pb.spare);
  next.gain.gain.cancelScheduledValues(0);
  next.gain.gain.value = nextGain;
  if (!next.playAt(end - fade)) return;
  pb.chained = pb.spare;
  if (fade > 0.05) {
    const from = end - fade;
    const ctxNow = cur.gain.context.currentTime;
    if (from <= ctxNow) return; // too late for a fade: the songs just join
    const curGain = cur.gain.gain.value;
    next.gain.gain.setValueAtTime(0, 0);
    next.gain.gain.setValueCurveAtTime(curve(0, nextGain, true), from, fade);
    cur.gain.gain.setValueCurveAtTime(curve(curGain, 0, false), from, fade);
  }
}

/** The current song paused, moved or stopped: the next one no longer follows it (until the next tick). */
export function unchain(): void {
  const chained = fromMemory(pb.chained);
  pb.chained = null;
  if (!chained) return;
  chained.pause();
  chained.gain.gain.cancelScheduledValues(0);
  const cur = fromMemory(pb.active);
  if (cur) cur.gain.gain.cancelScheduledValues(0);
  applyGain(pb.active);
}

/**
 * Whether `l` already sounds as the song after the one that ended (chained, started on time):
 * then starting it must leave it playing as it is.
 */
export function takeChained(l: Loaded | null): boolean {
  const chained = pb.chained === l && l !== null;
  pb.chained = null;
  const b = fromMemory(l);
  if (!chained || !b) return false;
  if (b.playing() && !b.scheduled()) return true;
  b.pause();
  return false;
}

/** The settings or the queue changed: the gains follow (the next song's on its next chain). */
soundSettings.subscribe(() => {
  if (!pb.chained) applyGain(pb.active);
});
