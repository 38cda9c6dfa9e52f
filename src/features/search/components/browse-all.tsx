import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { searchQueries } from '../api/queries';
import { searchHref } from '../lib/search-params';

/** Tile colours: a genre keeps its colour (chosen from its name), as it does in Spotify's "Browse all". */
const TILES = [
  'from-rose-600 to-rose-800',
  'from-amber-600 to-orange-800',
  'from-emerald-600 to-teal-800',
  'from-sky-600 to-blue-800',
  'from-violet-600 to-purple-800',
  'from-fuchsia-600 to-pink-800',
  'from-lime-600 to-green-800',
  'from-cyan-600 to-sky-800',
] as const;

function tileOf(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return TILES[h % TILES.length]!;
}

const BROWSE_TILES = 12;

/** What the search page offers before anything is searched: the catalog's genres, as tiles. */
export function BrowseAll() {
  const genres = useQuery(searchQueries.genres(0));
  return (
    <section aria-labelledby="browse-title">
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id="browse-title" className="text-xl font-semibold">
          Browse all
        </h2>
        <Link to="/genres" className="inline-flex min-h-11 items-center text-sm font-medium hover:underline">
          All genres
        </Link>
      </div>
      {genres.isPending ? (
        <Skeleton className="h-48" />
      ) : genres.isError ? (
        <ErrorState error={genres.error} onRetry={() => void genres.refetch()} />
      ) : (
        <ul aria-label="Genres" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
          {genres.data.items.slice(0, BROWSE_TILES).map((g) => (
            <li key={g.genre}>
              <Link
                to={searchHref('genre', g.genre)}
                className={`flex h-24 flex-col justify-between rounded-lg bg-gradient-to-br p-3 text-white shadow hover:brightness-110 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${tileOf(g.genre)}`}
              >
                <span className="break-words text-lg font-bold leading-tight">{g.genre}</span>
                <span className="text-xs text-white/90">
                  {g.songCount} {g.songCount === 1 ? 'song' : 'songs'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
