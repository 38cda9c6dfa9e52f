import { Link } from 'react-router';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { searchHref } from '../lib/search-params';

interface DirectoryPage {
  page: number;
  pageCount: number;
  items: { name: string; songCount: number }[];
}

/** A browsable list of genres or tags, each a link to the search for it. */
export function DirectoryList({
  label,
  filter,
  query,
  onPage,
}: {
  label: string;
  filter: 'genre' | 'tag';
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: DirectoryPage | undefined;
    refetch: () => unknown;
  };
  onPage: (page: number) => void;
}) {
  if (query.isPending) {
    return (
      <div
        role="progressbar"
        aria-busy="true"
        aria-label={`Loading ${label.toLowerCase()}`}
        className="flex flex-wrap gap-2"
      >
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-28" />
        ))}
      </div>
    );
  }
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState>Nothing here yet.</EmptyState>;
  return (
    <>
      <ul aria-label={label} className="flex flex-wrap gap-2">
        {query.data.items.map((item) => (
          <li key={item.name}>
            <Link
              to={searchHref(filter, item.name)}
              className="inline-flex items-center gap-2 rounded-full border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {item.name}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {item.songCount} {item.songCount === 1 ? 'song' : 'songs'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Pager label={`${label} pages`} page={query.data.page} pageCount={query.data.pageCount} onPage={onPage} />
    </>
  );
}
