import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state';
import { catalogQueries } from '../api/queries';

export function AlbumGrid() {
  const albums = useQuery(catalogQueries.albums());
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
      {albums.data.map((album) => (
        <li key={album.id}>
          <article aria-label={album.name} className="group">
            {album.artworkImage ? (
              <img
                src={album.artworkImage}
                alt={`Artwork of ${album.name}`}
                width={300}
                height={300}
                className="aspect-square w-full rounded-lg object-cover shadow"
              />
            ) : (
              <div className="aspect-square w-full rounded-lg bg-slate-300 dark:bg-slate-700" />
            )}
            <h3 className="mt-2 truncate font-semibold">{album.name}</h3>
            <p className="truncate text-sm text-slate-600 dark:text-slate-400">
              {album.artist} · {album.songCount} {album.songCount === 1 ? 'song' : 'songs'}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
