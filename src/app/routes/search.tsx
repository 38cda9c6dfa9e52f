import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { AlbumCards } from '@/components/ui/album-card';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { usePrefetchArtist } from '@/features/artists';
import { usePrefetchAlbum } from '@/features/catalog';
import { searchQueries } from '@/features/search';
import { suggestQueries } from '@/features/search';
import { BrowseAll, SearchForm } from '@/features/search';
import { describeFilters, hasFilters, parseSearch, toSearchParams, type SearchCriteria } from '@/features/search';
import { SongList } from '@/features/songs';
import { useRowMenu } from '../row-menu';

export default function SearchRoute() {
  const [params, setParams] = useSearchParams();
  // ?q= is what was typed in the header: songs whose name or artist has those words, plus the
  // albums and artists it suggests; the document's filters (under "Filters") take over when used.
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const parsed = parseSearch(params);
  const typed = q !== '' && !hasFilters(parsed);
  const criteria = typed
    ? { ...parsed, filters: { ...parsed.filters, name: q, artist: q }, operator: 'OR' as const }
    : parsed;
  const active = hasFilters(criteria);
  const top = useQuery({ ...suggestQueries.text(q), enabled: typed });
  const results = useQuery({ ...searchQueries.results(criteria), enabled: active });
  const auth = useAuth();
  const prefetchAlbum = usePrefetchAlbum();
  const prefetchArtist = usePrefetchArtist();
  const rows = useRowMenu(results.data?.items, auth, {
    context: { kind: 'search', id: params.toString().slice(0, 200) },
    showAlbum: true,
  });
  usePageTitle(typed ? `Search: ${q}` : 'Search');
  // On a phone the results come first: the form that made them stays closed under its summary.
  const wide = !window.matchMedia || window.matchMedia('(min-width: 640px)').matches;

  // The URL is the search: sharing or reloading it shows the same results.
  const go = (c: SearchCriteria) => {
    const next = toSearchParams(c);
    if (typed && c.page !== criteria.page && c.filters === criteria.filters) {
      // paging a typed search keeps it a typed search
      next.delete('name');
      next.delete('artist');
      next.set('q', q);
    }
    setParams(next);
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="search-title">
        <h1 id="search-title" className="mb-4 text-2xl font-bold">
          {typed ? `Results for “${q}”` : 'Search'}
        </h1>
        {/* Open when its filters are the search; before anything is searched the page browses. */}
        <details
          open={active && !typed && wide}
          className="group rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <summary className="flex min-h-11 cursor-pointer list-none flex-wrap items-center gap-x-2 font-semibold [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
              ▸
            </span>
            <span>Filters</span>
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              {active && !typed ? describeFilters(criteria) : 'name, artist, genre, tag or token'}
            </span>
          </summary>
          <SearchForm key={params.toString()} initial={criteria} onSearch={go} />
        </details>
      </section>
      {typed && top.data && top.data.artists.length + top.data.albums.length > 0 ? (
        <section aria-labelledby="top-results-title" className="space-y-4">
          <h2 id="top-results-title" className="text-xl font-semibold">
            Artists and albums
          </h2>
          {top.data.artists.length ? (
            <ul aria-label="Artists" className="flex flex-wrap gap-3">
              {top.data.artists.map((a) => (
                <li key={a.id}>
                  <Link
                    to={`/artists/${a.id}`}
                    className="inline-flex min-h-11 items-center rounded-full bg-slate-100 px-4 font-medium hover:underline dark:bg-slate-800"
                  >
                    {a.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {top.data.albums.length ? (
            <AlbumCards albums={top.data.albums} label="Albums" onIntent={prefetchAlbum} />
          ) : null}
        </section>
      ) : null}
      {!active ? (
        <BrowseAll />
      ) : (
        <section aria-labelledby="results-title" aria-busy={results.isFetching || undefined}>
          <h2 id="results-title" className="mb-2 text-xl font-semibold">
            Results
          </h2>
          {results.isPending ? (
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
                menu={rows.menu}
                toggle={rows.toggle}
              />
              {rows.dialogs}
              <Pager
                label="Result pages"
                page={results.data.page}
                pageCount={results.data.pageCount}
                onPage={(page) => go({ ...criteria, page })}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
