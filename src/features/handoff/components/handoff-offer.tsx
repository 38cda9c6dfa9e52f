import { useEffect, useState } from 'react';
import { continueHere, dismissOffer } from '../sync';
import { offerPosition, useOffer, type Offer } from '../store';

const fmt = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

/** The other device's position, moving on once a second while it plays there. */
function useOfferClock(offer: Offer | null): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!offer?.state.playing) return;
    const id = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, [offer]);
  return offer ? offerPosition(offer) : 0;
}

/** "Continue <song> at 1:23": the music of another device, to pick up here. */
export function ContinueButton({ offer, className }: { offer: Offer; className: string }) {
  const at = useOfferClock(offer);
  const song = offer.state.entries[offer.state.current]!;
  return (
    <button type="button" onClick={() => void continueHere()} className={className}>
      Continue {song.name} at {fmt(at)}
    </button>
  );
}

const primary =
  'inline-flex min-h-11 items-center rounded-full bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2';

/** The offer, at the top of the page when another device has music. */
export function HandoffOffer() {
  const offer = useOffer();
  if (!offer) return null;
  const s = offer.state;
  return (
    <section
      aria-label="Continue from another device"
      // Under the header, clear of the player bar and of the notices above it.
      className="pointer-events-none fixed inset-x-0 top-[4.5rem] z-40 flex justify-center px-3"
    >
      <div className="pointer-events-auto flex w-full max-w-xl flex-wrap items-center gap-x-3 gap-y-2 rounded-2xl bg-white px-4 py-3 shadow-xl ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <p className="min-w-48 flex-1 text-sm">
          <span className="font-semibold">
            {s.playing ? 'Playing' : 'Paused'} on {s.deviceName || 'another device'}
          </span>
          <span className="block truncate text-slate-600 dark:text-slate-400">
            {s.entries[s.current]!.name} · {s.entries[s.current]!.artist}
          </span>
        </p>
        <ContinueButton offer={offer} className={primary} />
        <button
          type="button"
          onClick={dismissOffer}
          className="inline-flex min-h-11 items-center rounded-full px-3 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Not now
        </button>
      </div>
    </section>
  );
}
