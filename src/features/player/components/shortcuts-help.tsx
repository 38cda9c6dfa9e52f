import { useEffect, useRef } from 'react';
import { KEY_NAMES, SHORTCUTS } from '../lib/shortcuts';

/** The `?` dialog: a native modal dialog (focus kept inside, Escape closes it). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto max-w-[calc(100vw-2rem)] rounded-xl p-6 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.command} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 px-1.5 py-0.5 font-mono dark:border-slate-600">
                {KEY_NAMES[s.keys[0]!] ?? s.keys[0]!.toUpperCase()}
              </kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        Shortcuts do not work while you type in a field.
      </p>
      <button
        type="button"
        onClick={onClose}
        className="mt-4 rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600"
      >
        Close
      </button>
    </dialog>
  );
}
