import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '../../../../contract/catalog';
import { ErrorState, Skeleton } from '../../../components/ui/query-state';
import { usePlaylistEditor } from '../api/mutations';
import { playlistQueries, songFor, type PlaylistAuth } from '../api/queries';
import { uniqueName, type Playlist } from '../lib/document';
import { formatLength, songCount } from '../lib/format';
import { parseShare } from '../lib/share-link';
import { editorActions } from '../store';
import { PlaylistSongs } from './playlist-songs';

export interface SharedPlaylistViewProps {
  /** the link's fragment (#name=…&s=…), which carries the playlist */
  fragment: string;
  auth: PlaylistAuth | null;
  renderAccess?: (song: LibrarySong) => ReactNode;
  /** where "Log in to save it" goes (the login page, coming back here) */
  loginHref: string;
  onImported: (name: string) => void;
}

/** A playlist someone shared: read-only, for any visitor; a signed-in one can save a copy. */
export function SharedPlaylistView(props: SharedPlaylistViewProps) {
  const parsed = parseShare(props.fragment);
  const ids = parsed.ok ? parsed.playlist.ids : [];
  const songs = useQuery(playlistQueries.songs(ids));

  if (!parsed.ok) {
    return (
      <section aria-labelledby="shared-title" className="space-y-3">
        <h1 id="shared-title" className="text-2xl font-bold">
          Shared playlist
        </h1>
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {parsed.problem}
        </p>
      </section>
    );
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
        <PlaylistSongs ids={playlist.ids} songs={songs.data} label="Shared songs" renderAccess={props.renderAccess} />
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
  onImported: (name: string) => void;
}) {
  const { doc, edit } = usePlaylistEditor(auth);
  return (
    <button
      type="button"
      disabled={!doc}
      onClick={() => {
        if (!doc) return;
        const name = uniqueName(doc, playlist.name);
        const problem = edit({ kind: 'create', name, ids: playlist.ids });
        if (problem) {
          editorActions.tell('error', `The playlist was not saved. ${problem}`);
          return;
        }
        editorActions.tell('info', `Saved as “${name}” in your playlists.`);
        onImported(name);
      }}
      className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-60"
    >
      Save to my playlists
    </button>
  );
}
