/** Previous / next paging for the API's page envelopes (pages count from 0, shown from 1). */
export function Pager({
  page,
  pageCount,
  onPage,
  label,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const btn =
    'min-h-11 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-4">
      <button type="button" className={btn} disabled={page <= 0} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Page {page + 1} of {pageCount}
      </p>
      <button type="button" className={btn} disabled={page >= pageCount - 1} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
