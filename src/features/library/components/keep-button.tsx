import type { Credentials } from '@contract/account';
import type { LibraryKind } from '@contract/listener-app';
import { useKept } from '../api/mutations';

const WORDS: Record<LibraryKind, { on: string; off: string }> = {
  songs: { on: 'Liked', off: 'Like' },
  albums: { on: 'Saved', off: 'Save' },
  artists: { on: 'Following', off: 'Follow' },
};

/**
 * Like a song, save an album, follow an artist: a toggle button (aria-pressed) whose name says
 * what it keeps. `compact` shows only the heart (song rows).
 */
export function KeepButton(props: {
  auth: Credentials;
  kind: LibraryKind;
  id: string;
  name: string;
  compact?: boolean;
}) {
  const { auth, kind, id, name, compact } = props;
  const k = useKept(auth, kind, id);
  const words = WORDS[kind];
  const label = kind === 'songs' ? `Like ${name}` : kind === 'albums' ? `Save ${name}` : `Follow ${name}`;
  if (compact) {
    return (
      <button
        type="button"
        aria-label={label}
        aria-pressed={k.kept}
        disabled={!k.ready}
        onClick={k.toggle}
        className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 aria-pressed:text-brand-700 dark:text-slate-400 dark:hover:bg-slate-800 dark:aria-pressed:text-brand-400"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill={k.kept ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth={2}
        >
          <path d="M12 21s-7-4.5-9.5-9A5.5 5.5 0 0 1 12 6a5.5 5.5 0 0 1 9.5 6c-2.5 4.5-9.5 9-9.5 9z" />
        </svg>
      </button>
    );
  }
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={k.kept}
      disabled={!k.ready}
      onClick={k.toggle}
      className="min-h-11 rounded-full border border-slate-400 px-5 text-sm font-semibold hover:border-slate-700 aria-pressed:border-brand-700 aria-pressed:text-brand-700 dark:border-slate-500 dark:hover:border-slate-300 dark:aria-pressed:border-brand-400 dark:aria-pressed:text-brand-400"
    >
      {k.kept ? words.on : words.off}
    </button>
  );
}
