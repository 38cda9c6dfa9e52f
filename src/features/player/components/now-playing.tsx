import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentEntry, useDuration, useLastCharge, usePosition } from '../store';
import { formatTime } from './format';

/**
 * The song that plays, large: artwork, title, artist and album, and what the listen cost. On a
 * phone it fills the screen (with the seek bar and transport, `children`) and closes with its
 * Close button, Escape or a swipe down.
 */
export function NowPlaying({
  onClose,
  onQueue,
  children,
}: {
  onClose: () => void;
  onQueue: () => void;
  children?: ReactNode;
}) {
  const entry = useCurrentEntry();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const position = usePosition();
  const duration = useDuration();
  const charge = useLastCharge();
  if (!entry) return null;
  const { item } = entry;
  return (
    <section
      aria-labelledby="now-playing-title"
      id="player-now-playing"
      className="mx-auto flex max-h-[60vh] max-w-6xl flex-col gap-4 overflow-y-auto px-4 py-4 max-md:fixed max-md:inset-0 max-md:z-50 max-md:max-h-none max-md:bg-white max-md:px-6 md:flex-row dark:max-md:bg-slate-950"
    >
      <div className="flex items-center justify-between md:hidden">
        <button
          type="button"
          onClick={onClose}
          aria-label="Close now playing"
          className="inline-flex h-11 min-w-11 items-center justify-center rounded-full text-2xl hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">⌄</span>
        </button>
        <button
          type="button"
          onClick={onQueue}
          className="inline-flex min-h-11 items-center rounded-full px-4 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Queue
        </button>
      </div>
      {item.artworkUrl ? (
        <img
          src={item.artworkUrl}
          alt={`Artwork of ${item.albumName ?? item.name}`}
          width={192}
          height={192}
          className="aspect-square w-48 rounded-xl object-cover shadow-md max-md:mx-auto max-md:w-full max-md:max-w-sm"
        />
      ) : (
        <div
          aria-hidden="true"
          className="aspect-square w-48 rounded-xl bg-slate-300 max-md:mx-auto max-md:w-full max-md:max-w-sm dark:bg-slate-700"
        />
      )}
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-400">Now playing</p>
        <h2 id="now-playing-title" className="text-2xl font-bold">
          {item.name}
        </h2>
        <p>
          {item.artistProfileId ? (
            <Link to={`/artists/${item.artistProfileId}`} className="underline">
              {item.artist}
            </Link>
          ) : (
            item.artist
          )}
          {item.albumName ? (
            <>
              {' · '}
              <Link to={`/albums/${item.albumId}`} className="underline">
                {item.albumName}
              </Link>
            </>
          ) : null}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">{item.access.label}</p>
        <p className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
          {formatTime(position)} / {formatTime(duration)}
        </p>
        {charge && charge.songId === item.id ? (
          <p className="text-sm">
            This listen cost {charge.chargedFloat} credits; replays and seeking are free for the next hours.
          </p>
        ) : null}
        {children ? <div className="space-y-4 pt-4 md:hidden">{children}</div> : null}
      </div>
    </section>
  );
}
