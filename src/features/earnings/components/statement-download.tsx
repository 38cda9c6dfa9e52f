import { useState } from 'react';
import type { Credentials } from '@contract/account';
import { fetchStatement } from '../api/queries';
import { monthLabel, recentMonths } from '../lib/months';

/** The month's statement as a CSV file, saved through a temporary object URL. */
export function StatementDownload({ auth }: { auth: Credentials }) {
  const months = recentMonths(new Date(), 12);
  const [month, setMonth] = useState(months[0]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const st = await fetchStatement(auth, month);
      const url = URL.createObjectURL(new Blob([st.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = st.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="statement-month" className="block text-sm font-medium">
          Statement month
        </label>
        <select
          id="statement-month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="mt-1 min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        onClick={() => void download()}
        disabled={busy}
        className="min-h-11 rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {busy ? 'Preparing…' : 'Download statement (CSV)'}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          Could not download the statement: {error}
        </p>
      ) : null}
    </div>
  );
}
