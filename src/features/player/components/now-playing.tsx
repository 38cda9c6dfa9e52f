import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { playerActions } from '../commands';
import type { QueueEntry } from '../lib/queue';
import { useCurrentEntry, useDuration, useLastCharge, usePosition, useStatus } from '../store';
import { formatTime } from './format';
import type { PlayerPanel, PlayerPanelContext } from './panels';
import { QueuePanel } from './queue-panel';

const tabBtn =
  'inline-flex min-h-11 items-center rounded-full px-4 text-sm font-semibold hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900';

const usePlaying = () => useStatus() === 'playing';
const seek = (sec: number) => void playerActions.seek(sec);

/** The context the player gives a panel for the song that plays. */
export const panelContext = (entry: QueueEntry): PlayerPanelContext => ({
  item: entry.item,
  usePosition,
  usePlaying,
  seek,
});

/**
 * Now playing, full screen on every screen: large artwork, the song, the seek bar and transport
 * (`children`), and beside them (below on a phone) the queue or one of the panels that asked to be
 * here (lyrics). Closes with its Close button or Escape.
 */
export function NowPlaying({
  onClose,
  panels = [],
  queueActions,
  children,
}: {
  onClose: () => void;
  panels?: PlayerPanel[];
  queueActions?: (entry: QueueEntry, index: number) => ReactNode;
  children?: ReactNode;
}) {
  const entry = useCurrentEntry();
  const here = panels.filter((p) => p.inNowPlaying);
  const [side, setSide] = useState<string>(here[0]?.id ?? 'queue');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const position = usePosition();
  const duration = useDuration();
  const charge = useLastCharge();
  if (!entry) return null;
  const { item } = entry;
  const shown = here.find((p) => p.id === side);
  return (
    <section
      aria-labelledby="now-playing-title"
      id="player-now-playing"
      className="fixed inset-0 z-50 flex flex-col overflow-y-auto bg-white px-4 pb-4 md:overflow-hidden md:px-8 dark:bg-slate-950"
    >
      <div className="flex items-center justify-between py-2">
        <button
          ref={close}
          type="button"
          onClick={onClose}
          aria-label="Close now playing"
          className="inline-flex h-11 min-w-11 items-center justify-center rounded-full text-2xl hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">⌄</span>
        </button>
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Now playing</p>
        <span className="w-11" aria-hidden="true" />
      </div>
      <div className="mx-auto grid w-full max-w-6xl flex-1 gap-6 md:min-h-0 md:grid-cols-2 md:gap-10">
        <div className="flex min-w-0 flex-col gap-4 md:justify-center">
          {item.artworkUrl ? (
            <img
              src={item.artworkUrl}
              alt={`Artwork of ${item.albumName ?? item.name}`}
              width={480}
              height={480}
              className="mx-auto aspect-square w-full max-w-sm rounded-xl object-cover shadow-lg md:max-h-[50vh] md:max-w-[50vh]"
            />
          ) : (
            <div
              aria-hidden="true"
              className="mx-auto aspect-square w-full max-w-sm rounded-xl bg-slate-300 md:max-w-[50vh] dark:bg-slate-700"
            />
          )}
          <div className="min-w-0 space-y-1">
            <h2 id="now-playing-title" className="text-2xl font-bold">
              {item.name}
            </h2>
            <p>
              {item.artistProfileId ? (
                <Link to={`/artists/${item.artistProfileId}`} onClick={onClose} className="underline">
                  {item.artist}
                </Link>
              ) : (
                item.artist
              )}
              {item.albumName ? (
                <>
                  {' · '}
                  <Link to={`/albums/${item.albumId}`} onClick={onClose} className="underline">
                    {item.albumName}
                  </Link>
                </>
              ) : null}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {item.access.label} ·{' '}
              <span className="tabular-nums">
                {formatTime(position)} / {formatTime(duration)}
              </span>
            </p>
            {charge && charge.songId === item.id ? (
              <p className="text-sm">
                This listen cost {charge.chargedFloat} credits; replays and seeking are free for the next hours.
              </p>
            ) : null}
          </div>
          {children ? <div className="space-y-4">{children}</div> : null}
        </div>
        <div className="flex min-h-80 min-w-0 flex-col md:min-h-0">
          <div className="flex flex-wrap gap-2 pb-2">
            <button type="button" aria-pressed={side === 'queue'} onClick={() => setSide('queue')} className={tabBtn}>
              Queue
            </button>
            {here.map((p) => (
              <button
                key={p.id}
                type="button"
                aria-pressed={side === p.id}
                onClick={() => setSide(p.id)}
                className={tabBtn}
              >
                {p.label}
              </button>
            ))}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto rounded-xl bg-slate-50 max-md:max-h-[70vh] dark:bg-slate-900">
            {shown ? shown.render(panelContext(entry)) : <QueuePanel actions={queueActions} />}
          </div>
        </div>
      </div>
    </section>
  );
}
