import { playerActions } from '../commands';
import { useMuted, useVolume } from '../store';
import { Icon } from './icons';

export function VolumeControl() {
  const volume = useVolume();
  const muted = useMuted();
  const percent = Math.round((muted ? 0 : volume) * 100);
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        aria-label="Mute"
        aria-pressed={muted}
        onClick={() => playerActions.toggleMute()}
        className="rounded-full p-2 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <Icon name={muted || volume === 0 ? 'muted' : 'volume'} />
      </button>
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={100}
        step={5}
        value={percent}
        aria-valuetext={`${percent}%`}
        onChange={(e) => playerActions.setVolume(Number(e.target.value) / 100)}
        onKeyDown={(e) => e.stopPropagation()}
        className="h-6 w-24 accent-brand-700"
      />
    </div>
  );
}
