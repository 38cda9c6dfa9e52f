import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { playerActions } from '../commands';
import { useBufferedEnd, useDuration, usePosition } from '../store';
import { formatTime } from './format';

const PAGE_STEP_SEC = 30;

/**
 * The seek bar: a slider (arrows ±5 s, Page Up/Down ±30 s, Home/End) that shows what is loaded
 * and, under the pointer, the time a click would go to.
 */
export function SeekBar() {
  const position = usePosition();
  const duration = useDuration();
  const bufferedEnd = useBufferedEnd();
  const track = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ x: number; t: number } | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = dragging ?? position;
  const pct = (t: number) => (duration > 0 ? `${Math.min(100, (t / duration) * 100)}%` : '0%');

  const timeAt = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    const frac = Math.min(1, Math.max(0, (clientX - r.left) / (r.width || 1)));
    return { x: frac * r.width, t: frac * duration };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (duration <= 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(timeAt(e.clientX).t);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const at = timeAt(e.clientX);
    setHover(at);
    if (dragging !== null) setDragging(at.t);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging === null) return;
    void playerActions.seek(timeAt(e.clientX).t);
    setDragging(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = playerActions.seekStep;
    const moves: Record<string, number> = {
      ArrowLeft: position - step,
      ArrowDown: position - step,
      ArrowRight: position + step,
      ArrowUp: position + step,
      PageDown: position - PAGE_STEP_SEC,
      PageUp: position + PAGE_STEP_SEC,
      Home: 0,
      End: duration,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation(); // the page's own arrow shortcuts must not move it a second time
    void playerActions.seek(to);
  };

  return (
    <div className="flex w-full items-center gap-2 text-xs tabular-nums text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className="w-10 text-right">
        {formatTime(shown)}
      </span>
      <div
        ref={track}
        role="slider"
        tabIndex={0}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(shown)}
        aria-valuetext={`${formatTime(shown)} of ${formatTime(duration)}`}
        aria-disabled={duration <= 0 || undefined}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        className="group relative h-6 flex-1 cursor-pointer touch-none rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
          <div
            data-testid="buffered"
            className="absolute inset-y-0 left-0 bg-slate-400 dark:bg-slate-500"
            style={{ width: pct(bufferedEnd) }}
          />
          <div className="absolute inset-y-0 left-0 bg-brand-700 dark:bg-brand-400" style={{ width: pct(shown) }} />
        </div>
        <div
          aria-hidden="true"
          className="absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-brand-700 shadow dark:bg-brand-400"
          style={{ left: pct(shown) }}
        />
        {hover && duration > 0 ? (
          <span
            aria-hidden="true"
            data-testid="seek-hover-time"
            className="pointer-events-none absolute -top-7 -translate-x-1/2 rounded bg-slate-900 px-1.5 py-0.5 text-white dark:bg-slate-100 dark:text-slate-900"
            style={{ left: hover.x }}
          >
            {formatTime(hover.t)}
          </span>
        ) : null}
      </div>
      <span aria-hidden="true" className="w-10">
        {formatTime(duration)}
      </span>
    </div>
  );
}
