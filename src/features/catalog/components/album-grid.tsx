import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state';
import { usePrefetchAlbum } from '../api/prefetch';
import { catalogQueries } from '../api/queries';

export function AlbumGrid() {
  const albums = useQuery(catalogQueries.albums());
  const prefetch = usePrefetchAlbum();
  if (albums.isPending) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading albums"
        className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5"
      >
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="aspect-square" />
        ))}
      </div>
    );
  }
  if (albums.isError) return <ErrorState error={albums.error} onRetry={() => void albums.refetch()} />;
  if (albums.data.length === 0) return <EmptyState>No albums yet.</EmptyState>;
  return (
    <ul aria-label="Albums" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
      {albums.data.map((album, i) => (
        <li key={album.id}>
          <article aria-label={album.name} className="group">
            <Link
              to={`/albums/${album.id}`}
              aria-label={album.name}
              onMouseEnter={() => prefetch(album.id)}
              onFocus={() => prefetch(album.id)}
              className="block rounded-lg focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {album.artworkImage ? (
                <img
                  src={album.artworkImage}
                  alt={`Artwork of ${album.name}`}
                  width={300}
                  height={300}
                  // The first row is the page's largest paint; artwork further down waits its turn.
                  fetchPriority={i < 5 ? 'high' : 'auto'}
                  loading={i < 10 ? 'eager' : 'lazy'}
                  className="aspect-square w-full rounded-lg object-cover shadow"
                />
              ) : (
                <div className="aspect-square w-full rounded-lg bg-slate-300 dark:bg-slate-700" />
              )}
              <h2 className="mt-2 break-words font-semibold group-hover:underline">{album.name}</h2>
            </Link>
            <p className="break-words text-sm text-slate-600 dark:text-slate-400">
              {album.artist} · {album.songCount} {album.songCount === 1 ? 'song' : 'songs'}
            </p>
            {album.gateTokens?.length ? (
              <p className="mt-1">
                <span className="inline-block max-w-full truncate rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                  Token-gated · {album.gateTokens.join(' or ')}
                </span>
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
