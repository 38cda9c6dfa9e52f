import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '@contract/catalog';
import { ROW_SEPARATORS, VirtualList } from '@/components/ui/virtual-list';
import type { Entry } from '../lib/entries';
import { formatLength } from '../lib/format';

export interface PlaylistRowsProps {
  entries: readonly Entry[];
  /** catalog details by lower-case id; an entry not in it shows as unavailable, never dropped */
  songs: ReadonlyMap<string, LibrarySong> | undefined;
  label: string;
  renderAccess?: ((song: LibrarySong) => ReactNode) | undefined;
  renderActions?: ((song: LibrarySong, index: number) => ReactNode) | undefined;
  /** editing: without these the list is read-only (a shared playlist) */
  onMove?: ((from: number, to: number) => void) | undefined;
  onRemove?: ((index: number) => void) | undefined;
}

const small = 'text-sm text-slate-700 dark:text-slate-300';
const link = 'underline-offset-2 hover:underline focus-visible:underline';
const rowButton =
  'min-h-11 min-w-11 rounded border border-slate-300 px-2 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 sm:min-h-8 sm:min-w-8 dark:border-slate-600 dark:hover:bg-slate-800';

export const songOf = (songs: ReadonlyMap<string, LibrarySong> | undefined, id: string) => songs?.get(id.toLowerCase());

/**
 * The songs of a playlist in order, windowed past a few hundred rows (thousands scroll like fifty).
 * Editable lists reorder by drag and drop, or from the keyboard with "Move up" / "Move down": focus
 * stays on the moved song and its new position is announced.
 */
export function PlaylistRows(props: PlaylistRowsProps) {
  const { entries, songs, label, renderAccess, renderActions, onMove, onRemove } = props;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<{ key: number; dir: 'up' | 'down' } | null>(null);
  const nameOf = (i: number) => songOf(songs, entries[i]!.songId)?.name ?? 'Unavailable song';

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    const row = document.querySelector<HTMLElement>(`[data-row="${f.key}"]`);
    if (!row) return;
    focusAfter.current = null;
    const wanted = row.querySelector<HTMLButtonElement>(`[data-move="${f.dir}"]:not(:disabled)`);
    (wanted ?? row.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  });

  const move = (from: number, to: number, how: 'keyboard' | 'drag') => {
    if (!onMove || to < 0 || to >= entries.length || from === to) return;
    if (how === 'keyboard') focusAfter.current = { key: entries[from]!.key, dir: to < from ? 'up' : 'down' };
    onMove(from, to);
    setAnnouncement(`“${nameOf(from)}” moved to position ${to + 1} of ${entries.length}.`);
  };
  const endDrag = () => {
    setDragFrom(null);
    setDragOver(null);
  };

  return (
    <>
      <VirtualList
        as="ol"
        label={label}
        items={entries}
        className={ROW_SEPARATORS}
        estimateSize={64}
        getKey={(e) => String(e.key)}
        renderItem={(entry, i, rowProps) => {
          const song = songOf(songs, entry.songId);
          const name = song?.name ?? 'Unavailable song';
          return (
            <li
              {...rowProps}
              data-row={entry.key}
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
                endDrag();
              }}
              onDragEnd={endDrag}
              className={`flex flex-wrap items-center gap-x-4 gap-y-1 bg-white py-3 sm:flex-nowrap dark:bg-slate-950 ${
                dragFrom === i ? 'opacity-50' : ''
              } ${dragOver === i && dragFrom !== i ? 'outline outline-2 outline-brand-500' : ''} ${onMove ? 'cursor-grab' : ''}`}
            >
              <span className="w-10 shrink-0 text-right text-sm tabular-nums text-slate-700 dark:text-slate-300">
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
                    disabled={i === entries.length - 1}
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
                  onClick={() => onRemove(i)}
                  aria-label={`Remove ${name} from the playlist`}
                  className={rowButton}
                >
                  Remove
                </button>
              ) : null}
            </li>
          );
        }}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
