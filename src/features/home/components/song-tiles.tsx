import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface TileSong {
  id: string;
  name: string;
  artist: string;
  albumId: string;
  albumName: string;
  artworkImage: string | null;
}

/**
 * Songs as compact tiles (recently played, popular this week): the title plays the song, from the
 * list it sits in; the album is one link away. `note` says why it is here (plays, when).
 */
export function SongTiles<S extends TileSong>({
  songs,
  label,
  onPlay,
  note,
  canPlay = () => true,
  badge,
}: {
  songs: readonly S[];
  label: string;
  onPlay?: (song: S) => void;
  note?: (song: S) => string;
  canPlay?: (song: S) => boolean;
  /** the song's access (price, token, locked), composed by the page */
  badge?: (song: S) => ReactNode;
}) {
  return (
    <ol aria-label={label} className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
      {songs.map((s) => (
        <li
          key={s.id}
          aria-label={s.name}
          className="flex items-center gap-3 rounded-lg bg-slate-100 p-2 dark:bg-slate-900"
        >
          {s.artworkImage ? (
            <img
              src={s.artworkImage}
              alt=""
              width={48}
              height={48}
              loading="lazy"
              className="h-12 w-12 shrink-0 rounded object-cover"
            />
          ) : (
            <span aria-hidden="true" className="h-12 w-12 shrink-0 rounded bg-slate-300 dark:bg-slate-700" />
          )}
          <div className="min-w-0 flex-1">
            {onPlay && canPlay(s) ? (
              <button
                type="button"
                onClick={() => onPlay(s)}
                aria-label={`Play ${s.name}`}
                className="flex min-h-11 items-center break-words text-left font-medium hover:underline"
              >
                {s.name}
              </button>
            ) : (
              <p className="break-words font-medium">{s.name}</p>
            )}
            <p className="break-words text-sm text-slate-600 dark:text-slate-400">
              {s.artist} ·{' '}
              <Link to={`/albums/${s.albumId}`} className="underline-offset-2 hover:underline">
                {s.albumName}
              </Link>
              {note ? ` · ${note(s)}` : ''}
            </p>
            {badge ? <div className="mt-1">{badge(s)}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
