import { create } from 'zustand';
import type { PlaybackState } from '@contract/playback';

/** Another device's music this one may continue, as read at `receivedAt` (performance.now()). */
export interface Offer {
  state: PlaybackState;
  receivedAt: number;
}

interface HandoffState {
  offer: Offer | null;
  /** the listener put the offer away: not shown again for this state (its revision) */
  dismissed: number | null;
  /** the device that took the music from this one, to say so */
  takenBy: string | null;
}

export const useHandoffStore = create<HandoffState>()(() => ({ offer: null, dismissed: null, takenBy: null }));

export const useOffer = (): Offer | null =>
  useHandoffStore((s) => (s.offer && s.offer.state.revision !== s.dismissed ? s.offer : null));
export const useTakenBy = (): string | null => useHandoffStore((s) => s.takenBy);

/** Where the other device's song is at `now`: a playing one moves on from when it was read. */
export function offerPosition(o: Offer, now = performance.now()): number {
  const s = o.state;
  const duration = s.entries[s.current]?.durationSec ?? Infinity;
  const at = s.playing ? s.positionSec + Math.max(0, now - o.receivedAt) / 1000 : s.positionSec;
  return Math.min(at, duration);
}
