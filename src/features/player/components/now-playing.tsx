import { Link } from 'react-router';
import { useCurrentEntry, useDuration, useLastCharge, usePosition } from '../store';
import { formatTime } from './format';

/** The song that plays, large: artwork, title, artist and album, and what the listen cost. */
export function NowPlaying() {
  const entry = useCurrentEntry();
  const position = usePosition();
  const duration = useDuration();
  const charge = useLastCharge();
  if (!entry) return null;
  const { item } = entry;
  return (
    <section
      aria-labelledby="now-playing-title"
      id="player-now-playing"
      className="mx-auto flex max-h-[60vh] max-w-6xl flex-col gap-4 overflow-y-auto px-4 py-4 sm:flex-row"
    >
      {item.artworkUrl ? (
        <img
          src={item.artworkUrl}
          alt={`Artwork of ${item.albumName ?? item.name}`}
          width={192}
          height={192}
          className="aspect-square w-48 rounded-xl object-cover shadow-md"
        />
      ) : (
        <div aria-hidden="true" className="aspect-square w-48 rounded-xl bg-slate-300 dark:bg-slate-700" />
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
      </div>
    </section>
  );
}
