import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '../../../../contract/catalog';
import { songFor } from '../api/queries';
import { formatLength } from '../lib/format';

export interface PlaylistSongsProps {
  ids: readonly string[];
  /** catalog details by id; an id not in it is shown as unavailable, never dropped */
  songs: ReadonlyMap<string, LibrarySong> | undefined;
  label: string;
  /** the access badge of a song, composed by the page (as on other song lists) */
  renderAccess?: ((song: LibrarySong) => ReactNode) | undefined;
  /** more controls for a row, e.g. play from here */
  renderActions?: ((song: LibrarySong, index: number) => ReactNode) | undefined;
  /** editing: without these the list is read-only (a shared playlist) */
  onMove?: ((from: number, to: number, id: string) => void) | undefined;
  onRemove?: ((index: number, id: string) => void) | undefined;
}

const small = 'text-sm text-slate-700 dark:text-slate-300';
const link = 'underline-offset-2 hover:underline focus-visible:underline';
const rowButton =
  'rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Keys that survive a move: the song id and which occurrence of it this is. */
function rowKeys(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return `${id}:${n}`;
  });
}

/**
 * The songs of a playlist in order. Editable lists reorder by drag and drop, or from the keyboard
 * with "Move up" / "Move down" (focus stays on the moved song and its new position is announced).
 */
export function PlaylistSongs(props: PlaylistSongsProps) {
  const { ids, songs, label, renderAccess, renderActions, onMove, onRemove } = props;
  const keys = rowKeys(ids);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<{ key: string; dir: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const nameOf = (i: number) => songFor(songs, ids[i]!)?.name ?? 'Unavailable song';

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const row = list.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(f.key)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${f.dir}"]:not(:disabled)`);
    (wanted ?? row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  });

  const move = (from: number, to: number, how: 'keyboard' | 'drag') => {
    if (!onMove || to < 0 || to >= ids.length || from === to) return;
    if (how === 'keyboard') focusAfter.current = { key: keys[from]!, dir: to < from ? 'up' : 'down' };
    onMove(from, to, ids[from]!);
    setAnnouncement(`“${nameOf(from)}” moved to position ${to + 1} of ${ids.length}.`);
  };

  return (
    <>
      <ol ref={list} aria-label={label} className="divide-y divide-slate-200 dark:divide-slate-800">
        {ids.map((id, i) => {
          const song = songFor(songs, id);
          const name = song?.name ?? 'Unavailable song';
          return (
            <li
              key={keys[i]}
              data-row={keys[i]}
              aria-label={name}
              draggable={onMove ? true : undefined}
              onDragStart={(e) => {
                setDragFrom(i);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(i));
              }}
              onDragOver={(e) => {
                if (dragFrom === null) return;
                e.preventDefault();
                if (dragOver !== i) setDragOver(i);
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) move(dragFrom, i, 'drag');
                setDragFrom(null);
                setDragOver(null);
              }}
              onDragEnd={() => {
                setDragFrom(null);
                setDragOver(null);
              }}
              className={`flex flex-wrap items-center gap-x-4 gap-y-1 py-3 sm:flex-nowrap ${
                dragFrom === i ? 'opacity-50' : ''
              } ${dragOver === i && dragFrom !== i ? 'outline outline-2 outline-brand-500' : ''} ${
                onMove ? 'cursor-grab' : ''
              }`}
            >
              <span className="w-6 shrink-0 text-right text-sm tabular-nums text-slate-700 dark:text-slate-300">
                {i + 1}
              </span>
              <div className="min-w-40 flex-1">
                <p className="break-words font-medium">{name}</p>
                {song ? (
                  <p className={`break-words ${small}`}>
                    {song.artistProfileId ? (
                      <Link to={`/artists/${song.artistProfileId}`} className={link}>
                        {song.artist}
                      </Link>
                    ) : (
                      song.artist
                    )}
                    {' · '}
                    <Link to={`/albums/${song.albumId}`} className={link}>
                      {song.albumName}
                    </Link>
                  </p>
                ) : (
                  <p className={small}>{songs ? 'No longer in the catalog' : 'Loading…'}</p>
                )}
              </div>
              {song ? (
                <span className={`tabular-nums ${small}`}>
                  <span className="sr-only">Duration </span>
                  {formatLength(song.durationSec)}
                </span>
              ) : null}
              {song && renderAccess ? renderAccess(song) : null}
              {song && renderActions ? renderActions(song, i) : null}
              {onMove ? (
                <span className="flex gap-1">
                  <button
                    type="button"
                    data-move="up"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1, 'keyboard')}
                    aria-label={`Move ${name} up`}
                    className={rowButton}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-move="down"
                    disabled={i === ids.length - 1}
                    onClick={() => move(i, i + 1, 'keyboard')}
                    aria-label={`Move ${name} down`}
                    className={rowButton}
                  >
                    ↓
                  </button>
                </span>
              ) : null}
              {onRemove ? (
                <button
                  type="button"
                  onClick={() => onRemove(i, id)}
                  aria-label={`Remove ${name} from the playlist`}
                  className={rowButton}
                >
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
