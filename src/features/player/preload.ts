import { load, unload } from './audio-source';
import { unchain } from './gapless';
import { transitionSec } from './lib/gain';
import { currentEntry, upcoming } from './lib/queue';
import { playback as pb } from './playback-state';
import { soundSettings } from './sound-settings';
import { actions as store } from './store';
import { grantFor, isGrant } from './stream-grants';

/** Start loading the next song this long before the current one ends (and authorize it then). */
export const PRELOAD_LEAD_SEC = 12;
/**
 * A paid song is charged when it is authorized, so it is asked for later: a listener who stops in
 * the last seconds of a song should rarely have paid for the next one. A few seconds are ample to
 * load its start.
 */
export const PAID_PRELOAD_LEAD_SEC = 4;

/**
 * How long before the end of the current song the upcoming one is authorized and loaded: the lead
 * before it is needed, and a crossfade needs it that much earlier.
 */
export function preloadLead(): number {
  const q = store.get().queue;
  const up = upcoming(q);
  const fade = transitionSec(currentEntry(q)?.item, up?.item, q.shuffle, soundSettings.get().crossfadeSec);
  return (up?.item.access.kind === 'credits' ? PAID_PRELOAD_LEAD_SEC : PRELOAD_LEAD_SEC) + fade;
}

/** Authorizes and loads the upcoming entry into the spare slot, once per entry. */
export async function preloadNext(): Promise<void> {
  const q = store.get().queue;
  const up = upcoming(q);
  const cur = currentEntry(q);
  // One try per upcoming entry: a refused or failed preload is not asked again on every tick.
  if (!up || !cur || up.key === cur.key || pb.spare?.key === up.key || pb.preloadTried === up.key) return;
  if (pb.chained && pb.chained === pb.spare) unchain();
  unload(pb.spare);
  pb.spare = null;
  const my = pb.generation;
  pb.preloadTried = up.key;
  pb.preloading = up.key;
  try {
    const g = await grantFor(up.item.id);
    // refused: the start of that song will say why
    if (my !== pb.generation || pb.preloading !== up.key || !isGrant(g)) return;
    const l = load(up.key, up.item.id, g.streamUrl, up.item.durationSec);
    l.howl.once('loaderror', (_id, code) => (l.failed = Number(code) || 0));
    pb.spare = l;
  } catch {
    // the start of that song will try again and report
  } finally {
    if (pb.preloading === up.key) pb.preloading = null;
  }
}
