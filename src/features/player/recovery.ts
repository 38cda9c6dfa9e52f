import { probe, unload, type Loaded } from './audio-source';
import { classifyProbe, recovery, type FaultCounts, type FaultKind } from './lib/faults';
import { currentEntry, type QueueEntry } from './lib/queue';
import { noticeActions } from '@/lib/notices';
import { playback as pb } from './playback-state';
import { actions as store } from './store';
import { dropGrant } from './stream-grants';

/** What recovery asks of the engine: start an entry again (counting faults), or move on. */
export interface RecoveryHost {
  restart(entry: QueueEntry, at: number, counts: FaultCounts): Promise<void>;
  advance(why: 'failed'): Promise<void>;
}

/** A media error or a stall: find out why, then re-authorize, retry at the same place, or skip. */
export async function onFault(host: RecoveryHost, l: Loaded, code: number, known?: FaultKind): Promise<void> {
  const my = pb.generation;
  const at = Math.max(store.get().position, Number(l.howl.seek()) || 0);
  const kind = known ?? classifyProbe(await probe(l.url), code);
  if (my !== pb.generation || pb.active !== l) return;
  const r = recovery(kind, pb.faults);
  const entry = currentEntry(store.get().queue);
  if (!entry) return;
  // a restart for a fault keeps counting, so a 403 loop cannot go on
  const restart = () => (my === pb.generation ? host.restart(entry, at, pb.faults) : Promise.resolve());
  if (r.action === 'reauthorize') {
    pb.faults = { ...pb.faults, reauthorized: pb.faults.reauthorized + 1 };
    dropGrant(l.songId);
    return restart();
  }
  if (r.action === 'retry') {
    pb.faults = { ...pb.faults, retried: pb.faults.retried + 1 };
    store.retrying(`Connection lost: trying again in ${Math.round(r.delayMs / 1000)} s…`);
    const again = () => {
      window.removeEventListener('online', again);
      clearTimeout(pb.retryTimer);
      if (my === pb.generation && pb.active === l) void restart();
    };
    window.addEventListener('online', again);
    pb.retryTimer = setTimeout(again, r.delayMs);
    return;
  }
  if (r.action === 'give-up') {
    unload(l);
    pb.active = null;
    pb.lastSave = Date.now();
    store.positioned(at);
    store.failed('The connection is lost. Press Play to try again.');
    return;
  }
  unload(l);
  pb.active = null;
  noticeActions.notify(`"${entry.item.name}" could not be played and was skipped.`);
  await host.advance('failed');
}
