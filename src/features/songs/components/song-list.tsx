import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiCredentials } from '../../../lib/api-client';
import { ROW_SEPARATORS, VirtualList } from '../../../components/ui/virtual-list';
import { formatClock } from '../../../lib/clock';
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
  auth: (ApiCredentials & { id: string }) | null;
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
}

const linkClass = 'underline-offset-2 hover:underline focus-visible:underline';

export function SongList<S extends SongRowData>(props: SongListProps<S>) {
  const { songs, label, auth, showAlbum, onPlay, actions, prefetchAlbum, prefetchArtist } = props;
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
            className={`flex flex-wrap items-center gap-x-4 gap-y-1 py-3 sm:flex-nowrap ${access.playable ? '' : 'text-slate-600 dark:text-slate-400'}`}
          >
            <span className="w-6 shrink-0 text-right text-sm tabular-nums text-slate-600 dark:text-slate-400">
              {song.trackNumber ?? i + 1}
            </span>
            {/* min-w-40: on a phone the badge wraps under a readable title rather than squeezing it */}
            <div className="min-w-40 flex-1">
              <p className="truncate font-medium">{song.name}</p>
              <p className="truncate text-sm text-slate-600 dark:text-slate-400">
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
            <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
              <span className="sr-only">Duration </span>
              {formatClock(song.durationSec)}
            </span>
            {checking ? (
              <span className="text-xs text-slate-600 dark:text-slate-400">Checking access…</span>
            ) : (
              <AccessBadge access={access} />
            )}
            {onPlay && access.playable && !checking ? (
              <button
                type="button"
                onClick={() => onPlay(song, access)}
                aria-label={`Play ${song.name}`}
                className="rounded-full bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-600"
              >
                Play
              </button>
            ) : null}
            {actions && !checking ? actions(song, access, i) : null}
          </li>
        );
      }}
    />
  );
}
