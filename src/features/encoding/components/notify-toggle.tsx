import { useState } from 'react';
import { notificationsSupported, notificationsWanted, setNotificationsWanted } from '../lib/notify';

export function NotifyToggle() {
  const [on, setOn] = useState(notificationsWanted);
  const [refused, setRefused] = useState(false);
  if (!notificationsSupported()) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        aria-pressed={on}
        onClick={() =>
          void setNotificationsWanted(!on).then((now) => {
            setOn(now);
            setRefused(!on && !now);
          })
        }
        className={`rounded-md border px-2 py-1 font-medium hover:bg-slate-100 dark:hover:bg-slate-800 ${
          on
            ? 'border-brand-600 bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-400'
            : 'border-slate-300 dark:border-slate-700'
        }`}
      >
        Notify me when a job completes
      </button>
      {refused ? <span role="status">This browser does not allow notifications for this site.</span> : null}
    </p>
  );
}
