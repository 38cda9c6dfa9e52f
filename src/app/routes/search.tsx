import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Pager } from '../../components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuth } from '../../features/account/store';
import { usePrefetchArtist } from '../../features/artists/api/queries';
import { usePrefetchAlbum } from '../../features/catalog/api/prefetch';
import { searchQueries } from '../../features/search/api/queries';
import { SearchForm } from '../../features/search/components/search-form';
import { hasFilters, parseSearch, toSearchParams, type SearchCriteria } from '../../features/search/lib/search-params';
import { SongList } from '../../features/songs/components/song-list';
import { useRowControls } from '../row-controls';

export default function SearchRoute() {
  const [params, setParams] = useSearchParams();
  const criteria = parseSearch(params);
  const active = hasFilters(criteria);
  const results = useQuery({ ...searchQueries.results(criteria), enabled: active });
  const auth = useAuth();
  const prefetchAlbum = usePrefetchAlbum();
  const prefetchArtist = usePrefetchArtist();
  const rows = useRowControls(results.data?.items, auth);
  usePageTitle('Search');

  // The URL is the search: sharing or reloading it shows the same results.
  const go = (c: SearchCriteria) => setParams(toSearchParams(c));

  return (
    <div className="space-y-8">
      <section aria-labelledby="search-title">
        <h1 id="search-title" className="mb-4 text-2xl font-bold">
          Search
        </h1>
        <SearchForm key={params.toString()} initial={criteria} onSearch={go} />
      </section>
      <section aria-labelledby="results-title" aria-busy={results.isFetching || undefined}>
        <h2 id="results-title" className="mb-2 text-xl font-semibold">
          Results
        </h2>
        {!active ? (
          <EmptyState>Fill in at least one filter to search the library.</EmptyState>
        ) : results.isPending ? (
          <Skeleton className="h-64" />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data.items.length === 0 ? (
          <EmptyState>No songs match this search.</EmptyState>
        ) : (
          <>
            <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
              {results.data.count} {results.data.count === 1 ? 'song' : 'songs'} found
            </p>
            <SongList
              songs={results.data.items}
              label="Search results"
              auth={auth}
              showAlbum
              prefetchAlbum={prefetchAlbum}
              prefetchArtist={prefetchArtist}
              onPlay={rows.onPlay}
              actions={rows.actions}
            />
            <Pager
              label="Result pages"
              page={results.data.page}
              pageCount={results.data.pageCount}
              onPage={(page) => go({ ...criteria, page })}
            />
          </>
        )}
      </section>
    </div>
  );
}
