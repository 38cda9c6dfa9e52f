import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionAuth } from '@/lib/api-client';
import { MenuButton, type MenuItem } from '@/components/ui/menu';
import { ROW_SEPARATORS, VirtualList } from '@/components/ui/virtual-list';
import { formatClock } from '@/lib/clock';
import { songsQueries } from '../api/queries';
import { songAccess, tokensOf, type AccessInput, type SongAccess } from '../lib/access';
import { AccessBadge } from './access-badge';

/** The fields a row shows; album tracks and library songs both have them. */
export interface SongRowData extends AccessInput {
  id: string;
  name: string;
  artist: string;
  artistProfileId: string | null;
  albumId: string;
  albumName?: string;
  trackNumber?: number;
  durationSec: number;
}

export interface SongListProps<S extends SongRowData> {
  songs: readonly S[];
  label: string;
  auth: SessionAuth | null;
  /** show the album of each song (search, artist pages), not on the album's own page */
  showAlbum?: boolean;
  /** Playback slot for the player feature: rows that may play get a play button when set. */
  onPlay?: (song: S, access: SongAccess) => void;
  /**
   * More controls for a row, composed by the page from other features (queue, playlists):
   * a feature does not reach into another's internals, the route wires them together.
   */
  actions?: (song: S, access: SongAccess, index: number) => ReactNode;
  /** warm the cache before a link is followed (hover, focus) */
  prefetchAlbum?: (albumId: string) => void;
  prefetchArtist?: (profileId: string) => void;
  /**
   * One primary action per row: the title plays the song (click or Enter), and everything else
   * sits in the row's "More" menu, which right-click, the menu key or Shift+F10 also open.
   */
  menu?: (song: S, access: SongAccess) => readonly MenuItem[];
  /** a control shown on every row before its menu (e.g. Like) */
  toggle?: (song: S) => ReactNode;
  /** the row to show first and focus (a song chosen from the search suggestions) */
  highlightId?: string | null | undefined;
}

/** Right-click, the menu key or Shift+F10 on a row opens its More menu, as a context menu. */
function openRowMenu(e: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>) {
  const more = e.currentTarget.querySelector<HTMLButtonElement>('[data-row-menu] button[aria-haspopup]');
  if (!more) return;
  e.preventDefault();
  more.focus();
  more.click();
}
const isMenuKey = (e: KeyboardEvent) => e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);

const linkClass = 'underline-offset-2 hover:underline focus-visible:underline';

export function SongList<S extends SongRowData>(props: SongListProps<S>) {
  const { songs, label, auth, showAlbum, onPlay, actions, prefetchAlbum, prefetchArtist, menu, toggle, highlightId } =
    props;
  const highlighted = useRef<HTMLButtonElement>(null);
  const focusedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightId || focusedFor.current === highlightId || !highlighted.current) return;
    focusedFor.current = highlightId;
    highlighted.current.focus();
    highlighted.current.scrollIntoView({ block: 'center' });
  });
  const tokens = tokensOf(songs);
  const held = useQuery(songsQueries.heldTokens(auth, tokens));
  // Until the holdings are known, a signed-in listener's gated rows would read "Locked" wrongly.
  const checking = auth !== null && tokens.length > 0 && held.isPending;
  const heldSet = held.data ?? new Set<string>();

  return (
    <VirtualList
      as="ol"
      items={songs}
      label={label}
      getKey={(song) => song.id}
      className={ROW_SEPARATORS}
      renderItem={(song, i, rowProps) => {
        const access = songAccess(song, heldSet);
        return (
          <li
            {...rowProps}
            aria-label={song.name}
            {...(menu
              ? {
                  onContextMenu: openRowMenu,
                  onKeyDown: (e: KeyboardEvent<HTMLElement>) => isMenuKey(e) && openRowMenu(e),
                }
              : {})}
            className={`${song.id === highlightId ? 'bg-brand-50 dark:bg-slate-800' : ''} flex flex-wrap items-center gap-x-4 gap-y-1 py-3 sm:flex-nowrap ${access.playable ? '' : 'text-slate-600 dark:text-slate-400'}`}
          >
            <span className="w-6 shrink-0 text-right text-sm tabular-nums text-slate-600 max-sm:order-1 dark:text-slate-400">
              {song.trackNumber ?? i + 1}
            </span>
            {/* min-w-40: on a phone the badge wraps under a readable title rather than squeezing it */}
            <div className="min-w-40 flex-1 max-sm:order-2">
              {menu && onPlay && access.playable && !checking ? (
                <button
                  type="button"
                  ref={song.id === highlightId ? highlighted : undefined}
                  onClick={() => onPlay(song, access)}
                  aria-label={`Play ${song.name}`}
                  className="flex min-h-11 items-center break-words text-left font-medium hover:underline focus-visible:underline"
                >
                  {song.name}
                </button>
              ) : (
                <p className="break-words font-medium">{song.name}</p>
              )}
              <p className="break-words text-sm text-slate-600 dark:text-slate-400">
                {song.artistProfileId ? (
                  <Link
                    to={`/artists/${song.artistProfileId}`}
                    className={linkClass}
                    onMouseEnter={() => prefetchArtist?.(song.artistProfileId!)}
                    onFocus={() => prefetchArtist?.(song.artistProfileId!)}
                  >
                    {song.artist}
                  </Link>
                ) : (
                  song.artist
                )}
                {showAlbum && song.albumName ? (
                  <>
                    {' · '}
                    <Link
                      to={`/albums/${song.albumId}`}
                      className={linkClass}
                      onMouseEnter={() => prefetchAlbum?.(song.albumId)}
                      onFocus={() => prefetchAlbum?.(song.albumId)}
                    >
                      {song.albumName}
                    </Link>
                  </>
                ) : null}
              </p>
            </div>
            {/* On a phone the row's controls stay on its first line, beside the title; the length and
                access go on a second line under the title (order-*), as Spotify's rows do. */}
            <span aria-hidden="true" className="basis-full max-sm:order-6 sm:hidden" />
            <span className="text-sm tabular-nums text-slate-600 max-sm:order-7 max-sm:ml-10 dark:text-slate-400">
              <span className="sr-only">Duration </span>
              {formatClock(song.durationSec)}
            </span>
            <span className="contents max-sm:[&>*]:order-8">
              {checking ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">Checking access…</span>
              ) : (
                <AccessBadge access={access} />
              )}
            </span>
            {!menu && onPlay && access.playable && !checking ? (
              <button
                type="button"
                onClick={() => onPlay(song, access)}
                aria-label={`Play ${song.name}`}
                className="min-h-11 min-w-11 rounded-full bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-600 max-sm:order-3"
              >
                Play
              </button>
            ) : null}
            {actions && !checking ? (
              <span className="contents max-sm:[&>*]:order-9">{actions(song, access, i)}</span>
            ) : null}
            {toggle ? <span className="contents max-sm:[&>*]:order-4">{toggle(song)}</span> : null}
            {menu && !checking ? (
              <span data-row-menu className="contents max-sm:[&>*]:order-5">
                <MenuButton
                  label={`More actions for ${song.name}`}
                  items={menu(song, access)}
                  className="inline-flex h-11 w-11 items-center justify-center rounded-full text-xl font-bold leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <span aria-hidden="true">⋯</span>
                </MenuButton>
              </span>
            ) : null}
          </li>
        );
      }}
    />
  );
}
