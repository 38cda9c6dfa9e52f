import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '@contract/catalog';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { newPlaylist } from '../api/add';
import { resourceQueries } from '../api/resources';
import { playlistQueries, songFor, type PlaylistAuth } from '../api/queries';
import { uniqueName, type Playlist } from '../lib/names';
import { formatLength, songCount } from '../lib/format';
import { parseShare } from '../lib/share-link';
import { PlaylistRows } from './playlist-rows';
import { SharedProblem } from './shared-problem';

export interface SharedPlaylistViewProps {
  /** the link's fragment (#name=…&s=…), which carries the playlist */
  fragment: string;
  auth: PlaylistAuth | null;
  renderAccess?: (song: LibrarySong) => ReactNode;
  /** where "Log in to save it" goes (the login page, coming back here) */
  loginHref: string;
  onImported: (id: string) => void;
}

/** A snapshot link made before issue 21: a playlist someone shared: read-only, for any visitor; a signed-in one can save a copy. */
export function SharedPlaylistView(props: SharedPlaylistViewProps) {
  const parsed = parseShare(props.fragment);
  const ids = parsed.ok ? parsed.playlist.ids : [];
  const songs = useQuery(playlistQueries.songs(ids));

  if (!parsed.ok) {
    return <SharedProblem>{parsed.problem}</SharedProblem>;
  }
  const { playlist } = parsed;
  const available = playlist.ids.flatMap((id) => songFor(songs.data, id) ?? []);
  return (
    <section aria-labelledby="shared-title" className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-300">Shared playlist</p>
        <h1 id="shared-title" className="text-2xl font-bold">
          {playlist.name}
        </h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {songCount(playlist.ids.length)}
          {songs.data ? ` · ${formatLength(available.reduce((t, s) => t + s.durationSec, 0))}` : ''}
        </p>
        {props.auth ? (
          <ImportButton auth={props.auth} playlist={playlist} onImported={props.onImported} />
        ) : (
          <p className="text-sm">
            <Link to={props.loginHref} className="text-brand-700 underline dark:text-brand-400">
              Log in to save it to your playlists
            </Link>
          </p>
        )}
      </header>
      {songs.isError ? (
        <ErrorState error={songs.error} onRetry={() => void songs.refetch()} />
      ) : songs.isPending && ids.length ? (
        <Skeleton className="h-48" />
      ) : (
        <PlaylistRows
          entries={playlist.ids.map((songId, key) => ({ key, songId }))}
          songs={songs.data}
          label="Shared songs"
          renderAccess={props.renderAccess}
        />
      )}
    </section>
  );
}

function ImportButton({
  auth,
  playlist,
  onImported,
}: {
  auth: PlaylistAuth;
  playlist: Playlist;
  onImported: (id: string) => void;
}) {
  const client = useQueryClient();
  const mine = useQuery(resourceQueries.mine(auth));
  return (
    <button
      type="button"
      disabled={!mine.data}
      onClick={() => {
        const name = uniqueName(mine.data?.playlists ?? [], playlist.name);
        void newPlaylist(client, auth, { name, songIds: playlist.ids }, `Saved as “${name}” in your playlists.`).then(
          (id) => id && onImported(id),
        );
      }}
      className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-60"
    >
      Save to my playlists
    </button>
  );
}
