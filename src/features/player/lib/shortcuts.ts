/** The player's keyboard shortcuts, as data: the help dialog lists the same table the handler reads. */
export type ShortcutCommand =
  'toggle' | 'seekBack' | 'seekForward' | 'volumeUp' | 'volumeDown' | 'mute' | 'next' | 'previous' | 'help';

export const SHORTCUTS: readonly { keys: string[]; label: string; command: ShortcutCommand }[] = [
  { keys: [' '], label: 'Play or pause', command: 'toggle' },
  { keys: ['ArrowLeft'], label: 'Back 5 seconds', command: 'seekBack' },
  { keys: ['ArrowRight'], label: 'Forward 5 seconds', command: 'seekForward' },
  { keys: ['ArrowUp'], label: 'Volume up', command: 'volumeUp' },
  { keys: ['ArrowDown'], label: 'Volume down', command: 'volumeDown' },
  { keys: ['m', 'M'], label: 'Mute or unmute', command: 'mute' },
  { keys: ['n', 'N'], label: 'Next song', command: 'next' },
  { keys: ['p', 'P'], label: 'Previous song', command: 'previous' },
  { keys: ['?'], label: 'Show these shortcuts', command: 'help' },
];

export const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

export interface KeyTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
}

/** Text is being typed there: no shortcut may take the key. */
export function isTypingTarget(t: KeyTarget | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return t.role === 'textbox' || t.role === 'combobox' || t.role === 'searchbox';
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'image'].includes(
    (t.type ?? 'text').toLowerCase(),
  );
}

/** A control that already does something with this key (Space on a button, arrows on a slider). */
function ownsKey(t: KeyTarget | null, key: string): boolean {
  if (!t) return false;
  const tag = t.tagName.toUpperCase();
  if (key === ' ' || key === 'Enter')
    return (
      ['BUTTON', 'A', 'SUMMARY', 'INPUT'].includes(tag) ||
      ['button', 'link', 'checkbox', 'radio', 'switch', 'menuitem', 'tab', 'option'].includes(t.role ?? '')
    );
  if (key.startsWith('Arrow'))
    return tag === 'INPUT' || ['slider', 'radio', 'tab', 'menuitem', 'option', 'listbox'].includes(t.role ?? '');
  return false;
}

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget | null;
}

/** The command a key press means, or null when the key belongs to what has focus. */
export function shortcutFor(e: KeyInput): ShortcutCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(e.target) || ownsKey(e.target, e.key)) return null;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.command ?? null;
}
