import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { lyricsQuery } from '../api/queries';
import { currentLine, parseLyrics, type TimedLine } from '@/lib/lrc';

export interface LyricsViewProps {
  songId: string;
  albumId: string;
  songName: string;
  /** the player's position hook (seconds) */
  usePosition: () => number;
  onSeek: (sec: number) => void;
}

const fmt = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

/** The song's lyrics: time-tagged ones follow the music and seek when a line is chosen; plain ones scroll. */
export function LyricsView({ songId, albumId, songName, usePosition, onSeek }: LyricsViewProps) {
  const songs = useQuery(lyricsQuery(albumId));
  const lyrics = useMemo(() => parseLyrics(songs.data?.find((s) => s.id === songId)?.lyrics), [songs.data, songId]);
  return (
    <div className="px-4 py-3">
      {songs.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading lyrics…</p>
      ) : songs.isError || lyrics.kind === 'none' ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No lyrics for “{songName}”.</p>
      ) : lyrics.kind === 'plain' ? (
        <p className="whitespace-pre-line text-lg leading-relaxed">{lyrics.text}</p>
      ) : (
        <SyncedLyrics lines={lyrics.lines} usePosition={usePosition} onSeek={onSeek} />
      )}
    </div>
  );
}

function SyncedLyrics({
  lines,
  usePosition,
  onSeek,
}: {
  lines: TimedLine[];
  usePosition: () => number;
  onSeek: (sec: number) => void;
}) {
  const position = usePosition();
  const at = currentLine(lines, position);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    const box = el?.closest<HTMLElement>('.overflow-y-auto');
    if (!el || !box) return;
    // Follows the music inside its own scroll box (never scrolls the page), centred when it can be.
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const top = el.offsetTop - box.offsetTop - box.clientHeight / 2 + el.clientHeight / 2;
    box.scrollTo({ top: Math.max(0, top), behavior: reduce ? 'auto' : 'smooth' });
  }, [at]);
  return (
    <ol ref={list} aria-label="Lyrics" className="space-y-1">
      {lines.map((line, i) => (
        <li key={`${line.time}-${i}`}>
          <button
            type="button"
            aria-current={i === at ? 'true' : undefined}
            aria-label={`${line.text || '…'} (${fmt(line.time)})`}
            onClick={() => onSeek(line.time)}
            className={`block min-h-11 w-full rounded-md px-2 py-1 text-left text-lg leading-snug transition-colors hover:bg-slate-200 dark:hover:bg-slate-800 ${
              i === at
                ? 'font-bold text-brand-700 dark:text-brand-400'
                : i < at
                  ? 'text-slate-500 dark:text-slate-400'
                  : 'text-slate-800 dark:text-slate-200'
            }`}
          >
            {line.text || <span aria-hidden="true">…</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
