import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '../../../../contract/catalog';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state';
import { usePlaylistEditor } from '../api/mutations';
import { playlistQueries, songFor, type PlaylistAuth } from '../api/queries';
import { find, uniqueName } from '../lib/document';
import { formatLength, songCount } from '../lib/format';
import { editorActions } from '../store';
import { NewPlaylistDialog } from './new-playlist-dialog';
import { PlaylistSongs } from './playlist-songs';
import { RoomLeft } from './room-left';
import { ShareDialog } from './share-dialog';

export interface PlaylistViewProps {
  auth: PlaylistAuth;
  name: string;
  /** the access badge of a song, as other song lists show it (composed by the page) */
  renderAccess?: (song: LibrarySong) => ReactNode;
  /** the player: play these songs from startIndex. The Play buttons show only when it is given. */
  onPlay?: (songs: LibrarySong[], startIndex: number) => void;
  /** the player: add these songs to the queue. The button shows only when it is given. */
  onEnqueue?: (songs: LibrarySong[]) => void;
  onRenamed: (name: string) => void;
  onDeleted: () => void;
}

const button =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
const primary = 'rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600';

type Open = 'rename' | 'delete' | 'share' | null;

/** One playlist: its songs in order, reorder and remove, rename, duplicate, delete, share, play. */
export function PlaylistView(props: PlaylistViewProps) {
  const { auth, name, renderAccess, onPlay, onEnqueue } = props;
  const { query, doc, edit } = usePlaylistEditor(auth);
  const playlist = doc ? find(doc, name) : undefined;
  const songs = useQuery({ ...playlistQueries.songs(playlist?.ids ?? []), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<Open>(null);

  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.isError || !doc) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!playlist) {
    return (
      <EmptyState>
        You have no playlist called “{name}” (it may have been renamed or deleted in another tab).{' '}
        <Link to="/playlists" className="text-brand-700 underline dark:text-brand-400">
          See your playlists
        </Link>
        .
      </EmptyState>
    );
  }

  const tell = (problem: string | null, done: string) =>
    editorActions.tell(problem ? 'error' : 'info', problem ?? done);
  const available = playlist.ids.flatMap((id) => songFor(songs.data, id) ?? []);
  const total = available.reduce((sum, s) => sum + s.durationSec, 0);
  const unavailable = songs.data ? playlist.ids.length - available.length : 0;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{playlist.name}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {songCount(playlist.ids.length)}
          {songs.data ? ` · ${formatLength(total)}` : ''}
          {unavailable ? ` · ${unavailable} unavailable` : ''}
        </p>
        <div className="flex flex-wrap gap-2">
          {onPlay && available.length ? (
            <button type="button" className={primary} onClick={() => onPlay(available, 0)}>
              Play
            </button>
          ) : null}
          {onEnqueue && available.length ? (
            <button type="button" className={button} onClick={() => onEnqueue(available)}>
              Add to queue
            </button>
          ) : null}
          <button type="button" className={button} onClick={() => setOpen('rename')}>
            Rename
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              const copy = uniqueName(doc, playlist.name);
              tell(edit({ kind: 'create', name: copy, ids: playlist.ids }), `Duplicated as “${copy}”.`);
            }}
          >
            Duplicate
          </button>
          <button type="button" className={button} onClick={() => setOpen('share')}>
            Share
          </button>
          <button type="button" className={button} onClick={() => setOpen('delete')}>
            Delete
          </button>
        </div>
        <RoomLeft doc={doc} />
      </header>

      {playlist.ids.length === 0 ? (
        <EmptyState>This playlist is empty. Add songs with “Add to playlist” on any song list.</EmptyState>
      ) : (
        <PlaylistSongs
          ids={playlist.ids}
          songs={songs.data}
          label="Playlist songs"
          renderAccess={renderAccess}
          renderActions={
            onPlay
              ? (song) => (
                  <button
                    type="button"
                    className={button}
                    aria-label={`Play ${song.name}`}
                    onClick={() => onPlay(available, available.indexOf(song))}
                  >
                    Play
                  </button>
                )
              : undefined
          }
          onMove={(from, to, id) => {
            const problem = edit({ kind: 'move', name, from, to, id });
            if (problem) editorActions.tell('error', problem);
          }}
          onRemove={(index, id) =>
            tell(
              edit({ kind: 'remove', name, index, id }),
              `Removed “${songFor(songs.data, id)?.name ?? 'an unavailable song'}”.`,
            )
          }
        />
      )}

      <NewPlaylistDialog
        open={open === 'rename'}
        title="Rename playlist"
        submitLabel="Rename"
        initialName={playlist.name}
        onClose={() => setOpen(null)}
        onSubmit={(to) => {
          if (to === name) {
            setOpen(null);
            return null;
          }
          const problem = edit({ kind: 'rename', from: name, to });
          if (problem) return problem;
          setOpen(null);
          props.onRenamed(to);
          return null;
        }}
      />
      <ShareDialog playlist={playlist} open={open === 'share'} onClose={() => setOpen(null)} />
      <Dialog open={open === 'delete'} title={`Delete “${playlist.name}”?`} onClose={() => setOpen(null)}>
        <p className="mb-4 text-sm">The playlist and its list of songs will be gone. The songs stay in the catalog.</p>
        <div className="flex justify-end gap-2">
          <button type="button" className={button} onClick={() => setOpen(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white"
            onClick={() => {
              const problem = edit({ kind: 'delete', name });
              setOpen(null);
              tell(problem, `Deleted “${name}”.`);
              if (!problem) props.onDeleted();
            }}
          >
            Delete playlist
          </button>
        </div>
      </Dialog>
    </div>
  );
}
