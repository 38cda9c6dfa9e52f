import type { SongAccess } from '../lib/access';

const styles: Record<SongAccess['kind'], string> = {
  token:
    'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800',
  free: 'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800',
  credits: 'bg-sky-100 text-sky-950 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800',
  locked: 'bg-slate-200 text-slate-800 ring-slate-400 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
};

/** Says in words whether and how the listener can play a song; colour only repeats the words. */
export function AccessBadge({ access }: { access: SongAccess }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${styles[access.kind]}`}
    >
      {access.kind === 'locked' ? <span aria-hidden="true">🔒</span> : null}
      {access.label}
    </span>
  );
}
