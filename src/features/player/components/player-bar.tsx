import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { BOTTOM_INSET_VAR } from '@/components/ui/menu-placement';
import type { QueueEntry } from '../lib/queue';
import { useCurrentEntry } from '../store';
import { Icon } from './icons';
import { NowPlaying, panelContext } from './now-playing';
import type { PlayerPanel } from './panels';
import { PlayerMessage } from './player-message';
import { QueuePanel } from './queue-panel';
import { SeekBar } from './seek-bar';
import { TransportControls } from './transport-controls';
import { ShortcutsHelp } from './shortcuts-help';
import { usePlayerShortcuts } from './use-shortcuts';
import { VolumeControl } from './volume-control';

const round =
  'inline-flex h-11 w-11 items-center justify-center rounded-full hover:bg-slate-100 dark:hover:bg-slate-800';

/**
 * Publishes the height the fixed bar covers as a CSS variable on <html>: the page's end spacer,
 * the scroll padding that keeps a focused control out from under the bar, the notice banner and
 * the menus' placement all follow it (the bar grows when it wraps on a phone or a panel opens).
 */
function useBottomInset(bar: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const root = document.documentElement.style;
    const el = bar.current;
    if (!shown || !el) {
      root.setProperty(BOTTOM_INSET_VAR, '0px');
      return;
    }
    // From the bar's top edge down: on a phone the bottom navigation under the bar counts too.
    const update = () =>
      root.setProperty(
        BOTTOM_INSET_VAR,
        `${Math.max(0, Math.round(window.innerHeight - el.getBoundingClientRect().top))}px`,
      );
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
      root.setProperty(BOTTOM_INSET_VAR, '0px');
    };
  }, [bar, shown]);
}

/** 'queue', 'now-playing', or the id of one of the panels given to the bar */
type Panel = string | null;

export interface PlayerBarProps {
  /** per-row controls for the queue panel, from other features (composed by the app) */
  queueActions?: (entry: QueueEntry, index: number) => ReactNode;
  /** panels from other features (lyrics, another device…): a button each, opened above the controls */
  panels?: PlayerPanel[];
}

/** The bar at the bottom of every page, once something is queued. */
export function PlayerBar({ queueActions, panels = [] }: PlayerBarProps) {
  const entry = useCurrentEntry();
  const [panel, setPanel] = useState<Panel>(null);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  usePlayerShortcuts(openHelp);
  const toggle = (p: Panel) => setPanel(panel === p ? null : p);
  const opener = useRef<HTMLButtonElement>(null);
  // Leaving the full-screen view puts focus back on the button that opened it.
  const closePanel = useCallback(() => {
    setPanel(null);
    requestAnimationFrame(() => opener.current?.focus());
  }, []);
  const bar = useRef<HTMLElement>(null);
  const swipeFrom = useRef<number | null>(null);
  useBottomInset(bar, !!entry);

  return (
    <>
      {/* keeps the end of the page reachable above the fixed bar, as tall as the bar is */}
      <div aria-hidden="true" style={{ height: `var(${BOTTOM_INSET_VAR}, 0px)` }} />
      <section
        ref={bar}
        aria-label="Player"
        // On a phone it sits on the bottom navigation, opaque (a blur would trap the full-screen view inside it).
        // Full screen, no blur either: a backdrop filter would make the bar the view's containing block.
        className={`fixed inset-x-0 bottom-[var(--bottom-nav,0px)] z-40 border-t border-slate-200 bg-white shadow-lg ${panel === 'now-playing' ? '' : 'md:bg-white/95 md:backdrop-blur'} dark:border-slate-800 dark:bg-slate-950 md:dark:bg-slate-950/95 ${entry ? 'flex flex-col-reverse' : 'hidden'}`}
      >
        {/* On a phone: song, queue and help on the first row, the transport and volume on the second. */}
        {/* On a phone: the song (tap or swipe up for the full-screen view), play and next; the rest is in that view. */}
        <div className="mx-auto flex w-full max-w-6xl flex-nowrap items-center gap-x-2 gap-y-1 px-3 py-1 md:flex-wrap md:px-4 md:pb-3 md:pt-1 md:gap-x-4">
          <button
            ref={opener}
            type="button"
            aria-expanded={panel === 'now-playing'}
            aria-controls="player-now-playing"
            onClick={() => toggle('now-playing')}
            onTouchStart={(e) => (swipeFrom.current = e.touches[0]?.clientY ?? null)}
            onTouchEnd={(e) => {
              const from = swipeFrom.current;
              const to = e.changedTouches[0]?.clientY;
              swipeFrom.current = null;
              if (from !== null && to !== undefined && from - to > 40) {
                e.preventDefault();
                setPanel('now-playing');
              }
            }}
            aria-label={entry ? `Now playing: ${entry.item.name} by ${entry.item.artist}` : 'Now playing'}
            className="flex min-w-0 flex-1 items-center gap-3 rounded-md text-left md:min-w-48 md:max-w-64 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {entry?.item.artworkUrl ? (
              <img
                src={entry.item.artworkUrl}
                alt=""
                width={48}
                height={48}
                className="h-12 w-12 rounded object-cover"
              />
            ) : (
              <span aria-hidden="true" className="h-12 w-12 rounded bg-slate-300 dark:bg-slate-700" />
            )}
            <span className="min-w-0">
              <span className="block truncate font-medium">{entry?.item.name}</span>
              <span className="block truncate text-sm text-slate-600 dark:text-slate-400">{entry?.item.artist}</span>
            </span>
          </button>
          <div className="flex shrink-0 items-center gap-1">
            <TransportControls phoneHides="max-md:hidden" />
          </div>
          <div className="min-w-60 flex-1 max-md:hidden">
            <SeekBar />
          </div>
          {/* no volume slider on a touch screen: the device's buttons set the volume */}
          <div className="max-md:hidden pointer-coarse:hidden">
            <VolumeControl />
          </div>
          <button
            type="button"
            aria-label="Queue"
            aria-expanded={panel === 'queue'}
            aria-controls="player-queue"
            onClick={() => toggle('queue')}
            className={`${round} max-md:hidden`}
          >
            <Icon name="queue" />
          </button>
          {panels.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-label={p.label}
              aria-expanded={panel === p.id}
              aria-controls={`player-panel-${p.id}`}
              onClick={() => toggle(p.id)}
              className={`${round} text-lg font-bold max-md:hidden`}
            >
              <span aria-hidden="true">{p.glyph}</span>
            </button>
          ))}
          <button
            type="button"
            aria-label="Keyboard shortcuts"
            onClick={openHelp}
            className={`${round} font-bold max-md:hidden pointer-coarse:hidden`}
          >
            ?
          </button>
        </div>
        {/* After the controls in the DOM, so that Tab goes from the Queue button into the panel;
            flex-col-reverse shows them above the controls. */}
        <PlayerMessage />
        {panel === 'queue' ? <QueuePanel actions={queueActions} /> : null}
        {panels.map((p) =>
          panel === p.id && entry ? (
            <section
              key={p.id}
              id={`player-panel-${p.id}`}
              aria-label={p.label}
              className="mx-auto max-h-[50vh] w-full max-w-6xl overflow-y-auto px-4 py-3"
            >
              {p.render(panelContext(entry))}
            </section>
          ) : null,
        )}
        {panel === 'now-playing' ? (
          <NowPlaying onClose={closePanel} panels={panels} queueActions={queueActions}>
            <SeekBar />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <TransportControls />
              <div className="max-md:hidden pointer-coarse:hidden">
                <VolumeControl />
              </div>
            </div>
          </NowPlaying>
        ) : null}
        <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      </section>
    </>
  );
}
