import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Credentials } from '@contract/account';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { earningsQueries } from '../api/queries';
import { EarningsChart } from './earnings-chart';
import { StatementDownload } from './statement-download';

const credits = (sat: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 8 }).format(sat / 1e8);
const th = 'py-2 pr-4 font-medium';
const num = 'py-2 pr-4 text-right tabular-nums';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 p-4 shadow-sm dark:border-slate-800">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{children}</dd>
    </div>
  );
}

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i === 0 ? th : `${th} text-right`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

/** An artist's earnings: totals, the last 30 days as a chart and a table, each song, payouts, statements. */
export function EarningsView({ auth }: { auth: Credentials }) {
  const q = useQuery(earningsQueries.mine(auth, 30));
  if (q.isPending) return <Skeleton className="h-64" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const e = q.data;
  const played = e.songs.filter((s) => s.plays > 0);
  const recent = [...e.days].reverse().filter((d) => d.plays > 0);
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Balance">{credits(e.balanceSat)} credits</Stat>
        <Stat label="Earned in all">{credits(e.lifetimeSat)} credits</Stat>
        <Stat label="Paid out">{credits(e.paidOutSat)} credits</Stat>
      </dl>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You receive {100 - e.feePercent}% of every paid listen of your songs; the platform keeps {e.feePercent}%.
        Listens unlocked by your tokens count as plays and earn nothing.
      </p>
      <section aria-labelledby="days-title" className="space-y-3">
        <h2 id="days-title" className="text-xl font-semibold">
          Last 30 days
        </h2>
        <EarningsChart days={e.days} />
        {recent.length === 0 ? (
          <p>No plays in the last 30 days.</p>
        ) : (
          <Table label="Plays and credits per day" head={['Day', 'Plays', 'Listeners', 'Credits']}>
            {recent.map((d) => (
              <tr key={d.day}>
                <td className="py-2 pr-4">
                  {new Date(`${d.day}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC' })}
                </td>
                <td className={num}>{d.plays}</td>
                <td className={num}>{d.listeners}</td>
                <td className={num}>{credits(d.creditsSat)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="songs-title" className="space-y-3">
        <h2 id="songs-title" className="text-xl font-semibold">
          Songs
        </h2>
        {played.length === 0 ? (
          <p>None of your songs has been played yet.</p>
        ) : (
          <Table label="Plays and credits per song" head={['Song', 'Plays', 'Listeners', 'Credits']}>
            {played.map((s) => (
              <tr key={s.songId}>
                <td className="py-2 pr-4">
                  {s.name} <span className="text-slate-600 dark:text-slate-400">· {s.album}</span>
                </td>
                <td className={num}>{s.plays}</td>
                <td className={num}>{s.listeners}</td>
                <td className={num}>{credits(s.creditsSat)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="statements-title" className="space-y-3">
        <h2 id="statements-title" className="text-xl font-semibold">
          Statements and payouts
        </h2>
        <StatementDownload auth={auth} />
        {e.payouts.length === 0 ? (
          <p className="text-sm">No payouts yet.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {e.payouts.map((p) => (
              <li key={p.id}>
                {new Date(p.createdAt).toLocaleDateString()}: {credits(p.amountSat)} credits
                {p.reference ? ` — ${p.reference}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
