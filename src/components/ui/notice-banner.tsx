import { noticeActions, useNotices } from '@/lib/notices';

/** App-wide notices (rate limits, maintenance), announced politely to screen readers; they sit above the player bar. */
export function NoticeBanner() {
  const notices = useNotices();
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-[calc(var(--player-inset,0px)+1rem)] z-50 flex flex-col items-center gap-2 px-4"
    >
      {notices.map((n) => (
        <div
          key={n.id}
          className="pointer-events-auto flex max-w-md items-start gap-3 rounded-lg bg-amber-100 px-4 py-3 text-sm text-amber-950 shadow-lg ring-1 ring-amber-300 dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-700"
        >
          <p className="flex-1">{n.message}</p>
          <button
            type="button"
            onClick={() => noticeActions.dismiss(n.id)}
            aria-label="Dismiss notice"
            className="rounded px-1 font-bold hover:bg-amber-200 focus-visible:outline focus-visible:outline-2 dark:hover:bg-amber-800"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
