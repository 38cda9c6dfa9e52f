import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ALBUM_SORTS, type AlbumSort } from '@contract/listener-app';
import { AlbumCards, CARD_GRID } from '@/components/ui/album-card';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { usePageTitle } from '@/lib/use-page-title';
import { usePrefetchAlbum } from '@/features/catalog';
import { homeQueries } from '@/features/home';
import { searchQueries } from '@/features/search';

const SORT_NAMES: Record<AlbumSort, string> = { newest: 'Newest', name: 'Name', artist: 'Artist' };
const select =
  'min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Every album of the catalog, a page at a time (the server sorts and filters thousands). */
export default function CatalogRoute() {
  usePageTitle('Albums');
  const [params, setParams] = useSearchParams();
  const sort = (ALBUM_SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as AlbumSort)
    : 'newest';
  const genre = params.get('genre') ?? '';
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const albums = useQuery({ ...homeQueries.albums(sort, genre, page), placeholderData: keepPreviousData });
  const genres = useQuery(searchQueries.genres(0));
  const prefetch = usePrefetchAlbum();
  const set = (next: { sort?: string; genre?: string; pg?: number }) => {
    const p = new URLSearchParams();
    const s = next.sort ?? sort;
    const g = next.genre ?? genre;
    if (s !== 'newest') p.set('sort', s);
    if (g) p.set('genre', g);
    if (next.pg) p.set('pg', String(next.pg));
    setParams(p);
  };

  return (
    <section aria-labelledby="catalog-title">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <h1 id="catalog-title" className="text-2xl font-bold">
          Albums
        </h1>
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col text-sm font-medium">
            Sort by
            <select className={select} value={sort} onChange={(e) => set({ sort: e.target.value })}>
              {ALBUM_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_NAMES[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm font-medium">
            Genre
            <select className={select} value={genre} onChange={(e) => set({ genre: e.target.value })}>
              <option value="">All genres</option>
              {(genres.data?.items ?? []).map((g) => (
                <option key={g.genre} value={g.genre}>
                  {g.genre}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {albums.isPending ? (
        <div role="progressbar" aria-busy="true" aria-label="Loading albums" className={CARD_GRID}>
          {Array.from({ length: 12 }, (_, i) => (
            <Skeleton key={i} className="aspect-square" />
          ))}
        </div>
      ) : albums.isError ? (
        <ErrorState error={albums.error} onRetry={() => void albums.refetch()} />
      ) : albums.data.items.length === 0 ? (
        <EmptyState>No albums{genre ? ` in ${genre}` : ''} yet.</EmptyState>
      ) : (
        <div aria-busy={albums.isPlaceholderData || undefined}>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {albums.data.count} {albums.data.count === 1 ? 'album' : 'albums'}
          </p>
          <AlbumCards
            albums={albums.data.items}
            label="Albums"
            onIntent={prefetch}
            detail={(a) => `${a.artist}${a.releaseDate ? ` · ${a.releaseDate.slice(0, 4)}` : ''}`}
          />
          <Pager
            label="Album pages"
            page={albums.data.page}
            pageCount={albums.data.pageCount}
            onPage={(pg) => set({ pg })}
          />
        </div>
      )}
    </section>
  );
}
