import { useEffect } from 'react';
import { playerActions } from '../commands';
import { currentEntry } from '../lib/queue';
import { actions as store } from '../store';
import { shortcutFor, type ShortcutCommand } from '../lib/shortcuts';

const VOLUME_STEP = 0.05;

/** Listens for the player's shortcuts on the whole page while the player is shown. */
export function usePlayerShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const run: Record<ShortcutCommand, () => void> = {
      toggle: () => void playerActions.toggle(),
      seekBack: () => void playerActions.seekBy(-playerActions.seekStep),
      seekForward: () => void playerActions.seekBy(playerActions.seekStep),
      volumeUp: () => playerActions.setVolume(store.get().volume + VOLUME_STEP),
      volumeDown: () => playerActions.setVolume(store.get().volume - VOLUME_STEP),
      mute: () => playerActions.toggleMute(),
      next: () => void playerActions.next(),
      previous: () => void playerActions.previous(),
      help: openHelp,
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      const command = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: el
          ? {
              tagName: el.tagName,
              type: (el as HTMLInputElement).type,
              isContentEditable: el.isContentEditable,
              role: el.getAttribute('role'),
            }
          : null,
      });
      // While a dialog is open, only its own keys count.
      if (!command || document.querySelector('dialog[open]')) return;
      // Nothing queued: the keys keep their usual meaning (Space scrolls the page).
      if (command !== 'help' && !currentEntry(store.get().queue)) return;
      e.preventDefault();
      run[command]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}
