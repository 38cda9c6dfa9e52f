import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { artistQueries, usePrefetchArtist } from '../api/queries';

/** One page of featured artists; artists without a profile are listed but not linked. */
export function ArtistGrid({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const artists = useQuery(artistQueries.list(page));
  const prefetch = usePrefetchArtist();
  if (artists.isPending) {
    return (
      <div
        role="progressbar"
        aria-busy="true"
        aria-label="Loading artists"
        className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
      >
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-40" />
        ))}
      </div>
    );
  }
  if (artists.isError) return <ErrorState error={artists.error} onRetry={() => void artists.refetch()} />;
  if (artists.data.items.length === 0) return <EmptyState>No artists yet.</EmptyState>;
  return (
    <>
      <ul aria-label="Artists" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {artists.data.items.map((a) => {
          const body = (
            <>
              {a.pictureUrl ? (
                <img
                  src={a.pictureUrl}
                  alt=""
                  width={160}
                  height={160}
                  className="aspect-square w-full rounded-lg object-cover"
                />
              ) : (
                <div aria-hidden="true" className="aspect-square w-full rounded-lg bg-slate-300 dark:bg-slate-700" />
              )}
              <span className="mt-2 block break-words font-semibold">{a.artist}</span>
              {a.genre ? (
                <span className="block break-words text-sm text-slate-600 dark:text-slate-400">{a.genre}</span>
              ) : null}
            </>
          );
          return (
            <li key={a.artistProfileId ?? a.artist}>
              {a.artistProfileId ? (
                <Link
                  to={`/artists/${a.artistProfileId}`}
                  onMouseEnter={() => prefetch(a.artistProfileId!)}
                  onFocus={() => prefetch(a.artistProfileId!)}
                  className="block rounded-lg p-1 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-900"
                >
                  {body}
                </Link>
              ) : (
                <div className="p-1">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      <Pager label="Artist pages" page={artists.data.page} pageCount={artists.data.pageCount} onPage={onPage} />
    </>
  );
}
