import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import type { ConflictChoice, MergeConflict, PlaylistState } from '../lib/merge';
import { songCount } from '../lib/format';

const CHOICES: { value: ConflictChoice; label: string }[] = [
  { value: 'both', label: 'Keep both versions' },
  { value: 'mine', label: 'Keep this tab’s version' },
  { value: 'theirs', label: 'Keep the other version' },
];

function describeState(states: PlaylistState[]): string {
  const present = states.filter((s) => s.ids !== null);
  if (present.length === 0) return 'no playlist';
  return present.map((s) => `“${s.name}” (${songCount(s.ids!.length)})`).join(', ');
}

/**
 * Edits made here that could not be merged with another tab's or device's: one question per
 * playlist, with both versions in words. Nothing is saved until the person chooses.
 */
export function ConflictDialog(props: {
  conflicts: MergeConflict[];
  onResolve: (choices: ConflictChoice[]) => string | null;
}) {
  const [choices, setChoices] = useState<ConflictChoice[]>(() => props.conflicts.map(() => 'both'));
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open title="Your playlists were changed elsewhere" onClose={() => undefined}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setError(props.onResolve(choices));
        }}
      >
        <p className="text-sm">
          While you edited here, another tab or device saved other changes. These edits could not be combined: choose
          what to keep. Nothing is lost until you choose.
        </p>
        {props.conflicts.map((c, i) => (
          <fieldset
            key={c.names.join('\u0000')}
            className="rounded-md border border-slate-300 p-3 dark:border-slate-600"
          >
            <legend className="px-1 font-medium">{c.names.map((n) => `“${n}”`).join(' and ')}</legend>
            <p className="text-sm">Here you {c.mineSummary.join(', ')}.</p>
            <p className="text-sm">Elsewhere: {c.theirsSummary.join(', ') || 'it was changed'}.</p>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              This tab’s version: {describeState(c.mine)}. The other version: {describeState(c.theirs)}.
            </p>
            <div className="mt-2 space-y-1">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`conflict-${i}`}
                    value={choice.value}
                    checked={choices[i] === choice.value}
                    onChange={() => setChoices(choices.map((v, j) => (j === i ? choice.value : v)))}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
            Apply and save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
