import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { useRefreshBalance } from '../api/mutations';
import { creditsQueries } from '../api/queries';

export function formatAmount(n: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 8 }).format(n);
}

export function BalanceCard({ auth }: { auth: Credentials }) {
  const balance = useQuery(creditsQueries.balance(auth));
  const refresh = useRefreshBalance(auth);
  return (
    <section
      aria-labelledby="balance-title"
      className="rounded-xl border border-slate-200 p-6 shadow-sm dark:border-slate-800"
    >
      <h2 id="balance-title" className="text-sm font-medium text-slate-600 dark:text-slate-400">
        Balance
      </h2>
      {balance.isPending ? (
        <Skeleton className="mt-2 h-10 w-40" />
      ) : balance.isError ? (
        <ErrorState error={balance.error} onRetry={() => void balance.refetch()} />
      ) : (
        <p className="mt-1 text-4xl font-bold tabular-nums" aria-live="polite">
          {formatAmount(balance.data.balanceFloat)} <span className="text-lg font-medium">credits</span>
        </p>
      )}
      <button
        type="button"
        onClick={() => refresh.mutate()}
        disabled={refresh.isPending}
        className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {refresh.isPending ? 'Refreshing…' : 'Refresh balance'}
      </button>
      {refresh.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          Could not refresh the balance: {refresh.error.message}
        </p>
      ) : null}
    </section>
  );
}
