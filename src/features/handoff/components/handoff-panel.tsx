import { deviceName } from '../device';
import { useOffer, useTakenBy } from '../store';
import { ContinueButton } from './handoff-offer';

const secondary =
  'inline-flex min-h-11 items-center rounded-full border border-slate-300 px-4 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** The player's "Devices" panel: where the music is, and picking it up from another device. */
export function HandoffPanel() {
  const offer = useOffer();
  const takenBy = useTakenBy();
  return (
    <div className="space-y-2 text-sm">
      <h2 className="text-base font-semibold">Continue on another device</h2>
      <p>
        This device: <span className="font-medium">{deviceName()}</span>.{' '}
        {takenBy
          ? `The music moved to ${takenBy}.`
          : 'What you play here is saved to your account as it plays: open Tokenly Music on another device to continue there.'}
      </p>
      {offer ? <ContinueButton offer={offer} className={secondary} /> : null}
    </div>
  );
}
