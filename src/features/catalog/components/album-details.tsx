import { Link } from 'react-router';
import type { Album } from '@contract/catalog';
import { Skeleton } from '@/components/ui/query-state';

export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toLocaleDateString(undefined, { dateStyle: 'long' });
}

/** The album's artwork and facts; the page puts the track list under it. */
export function AlbumDetails({ album, onArtistIntent }: { album: Album; onArtistIntent?: (id: string) => void }) {
  const released = formatDate(album.releaseDate);
  return (
    <div className="flex flex-col gap-6 sm:flex-row">
      {album.artworkImage ? (
        <img
          src={album.artworkImage}
          alt={`Artwork of ${album.name}`}
          width={240}
          height={240}
          className="aspect-square w-full max-w-60 rounded-xl object-cover shadow-md"
        />
      ) : (
        <div aria-hidden="true" className="aspect-square w-full max-w-60 rounded-xl bg-slate-300 dark:bg-slate-700" />
      )}
      <div className="min-w-0 flex-1">
        <h1 className="text-3xl font-bold">{album.name}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Artist</dt>
          <dd>
            {album.artistProfileID ? (
              <Link
                to={`/artists/${album.artistProfileID}`}
                onMouseEnter={() => onArtistIntent?.(album.artistProfileID!)}
                onFocus={() => onArtistIntent?.(album.artistProfileID!)}
                className="text-brand-700 underline dark:text-brand-400"
              >
                {album.artist}
              </Link>
            ) : (
              album.artist
            )}
          </dd>
          {released ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">Released</dt>
              <dd>{released}</dd>
            </>
          ) : null}
          <dt className="text-slate-600 dark:text-slate-400">Songs</dt>
          <dd>{album.songCount}</dd>
        </dl>
        {album.description ? <p className="mt-4 max-w-prose">{album.description}</p> : null}
      </div>
    </div>
  );
}

export function AlbumDetailsSkeleton() {
  return (
    <div role="progressbar" aria-busy="true" aria-label="Loading album" className="flex flex-col gap-6 sm:flex-row">
      <Skeleton className="aspect-square w-full max-w-60" />
      <div className="flex-1 space-y-3">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    </div>
  );
}
