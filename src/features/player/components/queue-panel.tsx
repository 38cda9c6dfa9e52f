import { useState, type ReactNode } from 'react';
import { playerActions } from '../commands';
import type { QueueEntry } from '../lib/queue';
import { useQueue } from '../store';
import { formatTime } from './format';

const btn =
  'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

export interface QueuePanelProps {
  /** more controls per row, composed by the app from other features (e.g. "add to playlist") */
  actions?: (entry: QueueEntry, index: number) => ReactNode;
}

/** The queue in play order: play a row, move it (buttons, or drag and drop), remove it. */
export function QueuePanel({ actions }: QueuePanelProps) {
  const q = useQueue();
  const [dragged, setDragged] = useState<string | null>(null);
  return (
    <section
      aria-labelledby="queue-title"
      id="player-queue"
      className="mx-auto max-h-[50vh] max-w-6xl overflow-y-auto px-4 py-3"
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="queue-title" className="text-base font-semibold">
          Queue <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({q.entries.length})</span>
        </h2>
        <button type="button" className={btn} onClick={() => playerActions.clear()} disabled={!q.entries.length}>
          Clear queue
        </button>
      </div>
      <ol aria-label="Queue" className="divide-y divide-slate-200 dark:divide-slate-800">
        {q.entries.map((entry, i) => {
          const current = i === q.current;
          const { name, artist, durationSec } = entry.item;
          return (
            <li
              key={entry.key}
              aria-label={name}
              aria-current={current ? 'true' : undefined}
              draggable
              onDragStart={(e) => {
                setDragged(entry.key);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => dragged && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged) playerActions.move(dragged, i);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              className={`flex flex-wrap items-center gap-2 py-2 ${current ? 'font-semibold text-brand-700 dark:text-brand-400' : ''}`}
            >
              <span className="w-6 text-right text-xs tabular-nums text-slate-600 dark:text-slate-400">{i + 1}</span>
              <button
                type="button"
                onClick={() => void playerActions.jumpTo(entry.key)}
                aria-label={`Play ${name} from the queue`}
                className="min-w-40 flex-1 truncate text-left hover:underline"
              >
                {name} <span className="font-normal text-slate-600 dark:text-slate-400">· {artist}</span>
                {current ? <span className="sr-only"> (now playing)</span> : null}
              </button>
              <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">{formatTime(durationSec)}</span>
              <button
                type="button"
                className={btn}
                aria-label={`Move ${name} up`}
                disabled={i === 0}
                onClick={() => playerActions.move(entry.key, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className={btn}
                aria-label={`Move ${name} down`}
                disabled={i === q.entries.length - 1}
                onClick={() => playerActions.move(entry.key, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className={btn}
                aria-label={`Remove ${name} from the queue`}
                onClick={() => void playerActions.remove(entry.key)}
              >
                Remove
              </button>
              {actions ? actions(entry, i) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
