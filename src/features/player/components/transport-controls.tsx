import type { ReactNode } from 'react';
import { playerActions } from '../commands';
import { useQueue, useRepeat, useShuffle, useStatus } from '../store';
import { Icon, type IconName } from './icons';

const round =
  'inline-flex h-11 w-11 items-center justify-center rounded-full hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent aria-pressed:text-brand-700 dark:hover:bg-slate-800 dark:aria-pressed:text-brand-400';

export function IconButton(props: {
  label: string;
  icon: IconName;
  onClick: () => void;
  pressed?: boolean;
  big?: boolean;
  disabled?: boolean;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-label={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      className={`${props.big ? 'inline-flex h-12 w-12 items-center justify-center rounded-full bg-brand-700 text-white hover:bg-brand-600' : round} ${props.className ?? ''}`}
    >
      <Icon name={props.icon} className={props.big ? 'h-6 w-6' : 'h-5 w-5'} />
      {props.children}
    </button>
  );
}

/**
 * Shuffle, previous, play/pause, next and repeat: in the bar (where a phone shows only play and next,
 * `phoneHides` hiding the rest) and in the full-screen now-playing view.
 */
export function TransportControls({ phoneHides = '' }: { phoneHides?: string }) {
  const status = useStatus();
  const shuffle = useShuffle();
  const repeat = useRepeat();
  const q = useQueue();
  const atLast = q.current === q.entries.length - 1 && repeat !== 'all';
  const playing = status === 'playing' || status === 'loading';
  return (
    <>
      <IconButton
        className={phoneHides}
        label="Shuffle"
        icon="shuffle"
        pressed={shuffle}
        onClick={() => playerActions.toggleShuffle()}
      />
      <IconButton
        className={phoneHides}
        label="Previous"
        icon="previous"
        onClick={() => void playerActions.previous()}
      />
      <IconButton
        label={playing ? 'Pause' : 'Play'}
        icon={playing ? 'pause' : 'play'}
        big
        onClick={() => void playerActions.toggle()}
      />
      <IconButton label="Next" icon="next" disabled={atLast} onClick={() => void playerActions.next()} />
      <IconButton
        className={phoneHides}
        label={`Repeat ${repeat}`}
        icon="repeat"
        pressed={repeat !== 'off'}
        onClick={() => playerActions.cycleRepeat()}
      >
        {repeat === 'one' ? (
          <span aria-hidden="true" className="ml-0.5 align-top text-[10px] font-bold">
            1
          </span>
        ) : null}
      </IconButton>
    </>
  );
}
