import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/lib/api-error';

/** What went wrong, in plain words. */
export function errorWords(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong on this page.';
  if (error.isNetwork) return 'We can’t reach Tokenly Music right now. Check your connection, then try again.';
  if (error.isTransient) return 'Tokenly Music is busy or unavailable right now. Try again in a moment.';
  return error.message;
}

/**
 * The error state every page shares: what went wrong, in words, a way to try again and a way
 * back (home, unless the page names a better place). A page shows it once, for its main query.
 */
export function ErrorState({
  error,
  onRetry,
  back = { to: '/', label: 'Go home' },
}: {
  error: unknown;
  onRetry: () => void;
  back?: { to: string; label: string } | null;
}) {
  const message = errorWords(error);
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>{message}</p>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={onRetry}
          className="min-h-11 rounded-md bg-red-700 px-4 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline focus-visible:outline-2"
        >
          Try again
        </button>
        {back ? (
          <Link to={back.to} className="inline-flex min-h-11 items-center font-medium underline">
            {back.label}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {children}
    </p>
  );
}

export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 dark:bg-slate-800 ${className}`} />;
}

/** What QueryView needs of a react-query result. */
interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A query's four states in one place: loading (`loading`, a skeleton), failed (the error said in
 * words, with a retry and, unless `back` is null, a way back), empty (`empty`, when `isEmpty`),
 * and its content.
 */
export function QueryView<T>({
  query,
  loading,
  isEmpty,
  empty,
  back,
  children,
}: {
  query: QueryLike<T>;
  loading: ReactNode;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  back?: { to: string; label: string } | null;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} {...(back === undefined ? {} : { back })} />
    );
  }
  if (query.isPending || query.data === undefined) return <>{loading}</>;
  if (isEmpty(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
