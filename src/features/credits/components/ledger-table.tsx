import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { SAT_PER_CREDIT } from '@contract/common';
import type { LedgerEntry } from '@contract/listener';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { creditsQueries } from '../api/queries';
import { formatAmount } from './balance-card';

const KIND: Record<LedgerEntry['kind'], string> = {
  grant: 'Credits added',
  stream: 'Stream',
  refund: 'Refund',
  adjust: 'Adjustment',
  welcome: 'Welcome credits',
  voucher: 'Voucher',
  purchase: 'Credits bought',
};

/** What happened, and where the credits went or came from: "Stream of Lamp Light — to Ivory Lane". */
function describe(e: LedgerEntry): string {
  const what = e.kind === 'stream' && e.songName ? `Stream of ${e.songName}` : e.memo || KIND[e.kind];
  return e.counterpart && e.counterpart !== what ? `${what} — ${e.counterpart}` : what;
}

export function LedgerTable({ auth, page, onPage }: { auth: Credentials; page: number; onPage: (p: number) => void }) {
  const history = useQuery(creditsQueries.history(auth, page));
  if (history.isPending) return <Skeleton className="h-48" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <EmptyState>No credit activity yet.</EmptyState>;
  return (
    <>
      {/* scrolls sideways on a phone: focusable, so the keyboard can scroll it too */}
      <div role="region" aria-label="Credit history" tabIndex={0} className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Credit history, newest first</caption>
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Date
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                What
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                Amount
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Balance after
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {history.data.items.map((e) => (
              <tr key={e.id}>
                {/* on a phone the time goes under the date, so the balance column fits on screen */}
                <td className="whitespace-nowrap py-2 pr-4">
                  <span className="block sm:inline">{new Date(e.createdAt).toLocaleDateString()}</span>{' '}
                  <span className="block sm:inline">{new Date(e.createdAt).toLocaleTimeString()}</span>
                </td>
                <td className="py-2 pr-4">{describe(e)}</td>
                <td
                  className={`whitespace-nowrap py-2 pr-4 text-right tabular-nums ${e.amountSat < 0 ? 'text-red-700 dark:text-red-400' : 'text-emerald-800 dark:text-emerald-300'}`}
                >
                  {e.amountSat > 0 ? '+' : ''}
                  {formatAmount(e.amountFloat)}
                </td>
                <td className="whitespace-nowrap py-2 text-right tabular-nums">
                  {formatAmount(e.balanceAfterSat / SAT_PER_CREDIT)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Credit history pages" page={history.data.page} pageCount={history.data.pageCount} onPage={onPage} />
    </>
  );
}
