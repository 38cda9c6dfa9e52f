import { Dialog } from '@/components/ui/dialog';
import { KEY_NAMES, SHORTCUTS } from '../lib/shortcuts';

/** The `?` dialog: the app's modal dialog (focus kept inside, Escape closes it). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
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
    </Dialog>
  );
}
