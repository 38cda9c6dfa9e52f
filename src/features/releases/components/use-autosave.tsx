import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves edits as the artist types: changes gather for a moment, then go in one request. What is
 * waiting is sent when the editor closes, so that nothing typed is lost on leaving the page.
 */
export function useAutosave<T extends object>(save: (patch: Partial<T>) => Promise<unknown>, delayMs = 500) {
  const waiting = useRef<Partial<T>>({});
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const patch = waiting.current;
    waiting.current = {};
    if (Object.keys(patch).length === 0) return;
    setState('saving');
    try {
      await saveRef.current(patch);
      setState('saved');
      setError(null);
    } catch (err) {
      setState('error');
      setError((err as Error).message);
    }
  }, []);

  const queue = useCallback(
    (patch: Partial<T>) => {
      Object.assign(waiting.current, patch);
      setState('pending');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => () => void flush(), [flush]);
  return { queue, flush, state, error };
}

export function SaveStatus({ state, error }: { state: SaveState; error: string | null }) {
  const text =
    state === 'pending' || state === 'saving'
      ? 'Saving…'
      : state === 'saved'
        ? 'Saved'
        : state === 'error'
          ? `Not saved: ${error ?? 'try again'}`
          : '';
  return (
    <p
      role="status"
      className={`min-h-5 text-sm ${state === 'error' ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
    >
      {text}
    </p>
  );
}
