import { useQuery } from '@tanstack/react-query';
import type { AccountSession } from '@contract/account-settings';
import { FormAlert } from '@/components/ui/form';
import { formErrorsFrom } from '@/lib/form-errors';
import { sessionQueries, useEndOtherSessions, useEndSession } from '../api/settings';
import { useAuth } from '../store';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const buttonClass =
  'min-h-11 rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800';

function SessionRow({ s, index }: { s: AccountSession; index: number }) {
  const end = useEndSession();
  const name = s.current ? 'This device' : `Session ${index + 1}`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div>
        <p className="font-medium">
          {name}
          {s.current ? (
            <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700 dark:bg-slate-800 dark:text-brand-400">
              current
            </span>
          ) : null}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in {when(s.createdAt)} · last used {when(s.lastUsedAt)}
        </p>
        {end.error ? <p className="text-sm text-red-700 dark:text-red-400">{end.error.message}</p> : null}
      </div>
      {s.current ? null : (
        <button
          type="button"
          className={buttonClass}
          disabled={end.isPending}
          aria-label={`End ${name.toLowerCase()} (signed in ${when(s.createdAt)})`}
          onClick={() => end.mutate(s.id)}
        >
          {end.isPending ? 'Ending…' : 'End'}
        </button>
      )}
    </li>
  );
}

/** The user's live sessions, this device first, each but this one with an "End" button. */
export function SessionsList() {
  const auth = useAuth();
  const list = useQuery({ ...sessionQueries.list(auth!), enabled: auth !== null });
  const endOthers = useEndOtherSessions();
  if (list.isPending) return <p role="status">Loading sessions…</p>;
  if (list.isError)
    return <FormAlert messages={formErrorsFrom(list.error, []).general} onRetry={() => void list.refetch()} />;
  const sessions = [...list.data].sort((a, b) => Number(b.current) - Number(a.current));
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      <ul aria-label="Sessions" className="divide-y divide-slate-200 dark:divide-slate-800">
        {sessions.map((s, i) => (
          <SessionRow key={s.id} s={s} index={i} />
        ))}
      </ul>
      {endOthers.isSuccess ? (
        <p role="status" className="text-sm">
          {endOthers.data.endedSessions === 1 ? '1 session' : `${endOthers.data.endedSessions} sessions`} ended.
        </p>
      ) : null}
      {endOthers.error ? <FormAlert messages={formErrorsFrom(endOthers.error, []).general} /> : null}
      <button
        type="button"
        className={buttonClass}
        disabled={others === 0 || endOthers.isPending}
        onClick={() => endOthers.mutate()}
      >
        {endOthers.isPending ? 'Logging out…' : 'Log out everywhere else'}
      </button>
      {others === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No other sessions are signed in.</p>
      ) : null}
    </div>
  );
}
