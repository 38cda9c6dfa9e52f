import type { LoudnessTarget } from '../lib/gain';
import { MAX_CROSSFADE_SEC, soundSettings, useSoundSettings } from '../sound-settings';

const TARGETS: { value: LoudnessTarget; label: string; hint: string }[] = [
  { value: 'off', label: 'Off', hint: 'as mastered' },
  { value: -14, label: '−14 LUFS', hint: 'louder, like most streaming services' },
  { value: -18, label: '−18 LUFS', hint: 'quieter, more room for peaks' },
];

const choiceClass =
  'flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:border-brand-400 dark:has-[:checked]:bg-slate-800';
const hintClass = 'text-sm text-slate-600 dark:text-slate-400';

/**
 * The listener's playback settings (kept in this browser): even loudness between songs (track
 * gain, or album gain when an album plays in order; never clipping) and the crossfade between
 * songs (songs of an album played in order stay gapless).
 */
export function PlaybackSettings() {
  const { loudnessTarget, crossfadeSec } = useSoundSettings();
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className={hintClass}>Even loudness: every song at the same level</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {TARGETS.map((t) => (
            <label key={t.value} className={choiceClass}>
              <input
                type="radio"
                name="loudness-target"
                value={t.value}
                checked={loudnessTarget === t.value}
                onChange={() => soundSettings.set({ loudnessTarget: t.value })}
                className="h-5 w-5"
              />
              <span className="whitespace-nowrap">{t.label}</span>
              <span className={hintClass}>({t.hint})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="crossfade" className="block font-medium">
          Crossfade
        </label>
        <p id="crossfade-hint" className={hintClass}>
          How long one song fades into the next. Songs of an album played in order always follow each other without a
          gap.
        </p>
        <div className="mt-2 flex items-center gap-4">
          <input
            id="crossfade"
            type="range"
            min={0}
            max={MAX_CROSSFADE_SEC}
            step={1}
            value={crossfadeSec}
            aria-describedby="crossfade-hint"
            aria-valuetext={crossfadeSec ? `${crossfadeSec} seconds` : 'Off'}
            onChange={(e) => soundSettings.set({ crossfadeSec: Number(e.target.value) })}
            className="h-11 w-64 max-w-full accent-brand-700 dark:accent-brand-400"
          />
          <output htmlFor="crossfade" className="min-w-16 tabular-nums">
            {crossfadeSec ? `${crossfadeSec} s` : 'Off'}
          </output>
        </div>
      </div>
    </div>
  );
}
