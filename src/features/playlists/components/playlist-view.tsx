import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '@contract/catalog';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { newPlaylist } from '../api/add';
import { usePlaylistEdits } from '../api/edits';
import { resourceQueries, type PlaylistAuth } from '../api/resources';
import { moveOp, shuffled } from '../lib/entries';
import { formatLength, songCount } from '../lib/format';
import { nameProblem, uniqueName } from '../lib/names';
import { editorActions } from '../store';
import { CoverButton, DescriptionDialog, DeleteDialog } from './playlist-dialogs';
import { NewPlaylistDialog } from './new-playlist-dialog';
import { PlaylistCover } from './playlist-cover';
import { PlaylistRows, songOf } from './playlist-rows';
import { ShareDialog } from './share-dialog';

export interface PlaylistViewProps {
  auth: PlaylistAuth;
  /** the playlist's id, or its name (links made before playlists had ids) */
  idOrName: string;
  renderAccess?: (song: LibrarySong) => ReactNode;
  /** the player: play these songs from startIndex. The Play buttons show only when it is given. */
  onPlay?: (songs: LibrarySong[], startIndex: number) => void;
  onEnqueue?: (songs: LibrarySong[]) => void;
  /** a name was given: this is the playlist's own address */
  onFound: (id: string) => void;
  onCopied: (id: string) => void;
  onDeleted: () => void;
}

export const button =
  'min-h-11 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100 sm:min-h-9 dark:border-slate-600 dark:hover:bg-slate-800';
export const primary =
  'min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-600 sm:min-h-9';
/** Play and Shuffle, when the player is wired and something can play. */
/** A row's Play button, which plays the list from that song (none when the page cannot play). */
export function playRowAction(available: LibrarySong[], onPlay: PlaylistViewProps['onPlay']) {
  if (!onPlay) return undefined;
  return (song: LibrarySong) => (
    <button
      type="button"
      className={button}
      aria-label={`Play ${song.name}`}
      onClick={() => onPlay(available, available.indexOf(song))}
    >
      Play
    </button>
  );
}

export function PlayButtons({ songs, onPlay }: { songs: LibrarySong[]; onPlay?: PlaylistViewProps['onPlay'] }) {
  if (!onPlay || songs.length === 0) return null;
  return (
    <>
      <button type="button" className={primary} onClick={() => onPlay(songs, 0)}>
        Play
      </button>
      <button type="button" className={button} onClick={() => onPlay(shuffled(songs), 0)}>
        Shuffle
      </button>
    </>
  );
}

type Open = 'rename' | 'describe' | 'delete' | 'share' | null;

/** Finds the playlist the address names (its id, or a name from an older link), then shows it. */
export function PlaylistView(props: PlaylistViewProps) {
  const mine = useQuery(resourceQueries.mine(props.auth));
  const byId = mine.data?.playlists.find((p) => p.id === props.idOrName);
  const byName = mine.data?.playlists.find((p) => p.name === props.idOrName);
  if (mine.isPending) return <Skeleton className="h-64" />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const id = byId?.id ?? byName?.id;
  if (!id) {
    return (
      <EmptyState>
        This playlist is not among yours (it may have been deleted).{' '}
        <Link to="/playlists" className="text-brand-700 underline dark:text-brand-400">
          See your playlists
        </Link>
        .
      </EmptyState>
    );
  }
  if (!byId) props.onFound(id);
  return <PlaylistPage {...props} id={id} />;
}

function PlaylistPage(props: PlaylistViewProps & { id: string }) {
  const { auth, id, renderAccess, onPlay, onEnqueue } = props;
  const client = useQueryClient();
  const { query, shown, edit } = usePlaylistEdits(auth, id);
  const mine = useQuery(resourceQueries.mine(auth));
  const [open, setOpen] = useState<Open>(null);
  const songs = useMemo(() => new Map((query.data?.songs ?? []).map((s) => [s.id.toLowerCase(), s])), [query.data]);

  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.isError || !shown) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const available = shown.entries.flatMap((e) => songOf(songs, e.songId) ?? []);
  const total = available.reduce((sum, s) => sum + s.durationSec, 0);
  const unavailable = shown.entries.length - available.length;
  const others = (mine.data?.playlists ?? []).filter((x) => x.id !== id);

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <PlaylistCover p={p} />
        <div className="min-w-0 space-y-2">
          <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Playlist
            {p.visibility === 'private' ? '' : p.visibility === 'link' ? ' · shared by link' : ' · on your profile'}
          </p>
          <h1 className="break-words text-2xl font-bold">{shown.name}</h1>
          {shown.description ? <p className="whitespace-pre-line text-sm">{shown.description}</p> : null}
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {songCount(shown.entries.length)} · {formatLength(total)}
            {unavailable ? ` · ${unavailable} unavailable` : ''}
          </p>
          <div className="flex flex-wrap gap-2">
            <PlayButtons songs={available} onPlay={onPlay} />
            {onEnqueue && available.length ? (
              <button type="button" className={button} onClick={() => onEnqueue(available)}>
                Add to queue
              </button>
            ) : null}
            <button type="button" className={button} onClick={() => setOpen('rename')}>
              Rename
            </button>
            <button type="button" className={button} onClick={() => setOpen('describe')}>
              Edit description
            </button>
            <CoverButton auth={auth} playlist={p} className={button} />
            <button
              type="button"
              className={button}
              onClick={() => {
                // this playlist's own name is taken even while the list of playlists is a fetch behind a rename
                const copy = uniqueName([...(mine.data?.playlists ?? []), shown], shown.name);
                const songIds = shown.entries.map((e) => e.songId);
                void newPlaylist(client, auth, { name: copy, songIds }, `Duplicated as “${copy}”.`).then(
                  (newId) => newId && props.onCopied(newId),
                );
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
        </div>
      </header>

      {shown.entries.length === 0 ? (
        <EmptyState>This playlist is empty. Add songs with “Add to playlist” on any song list.</EmptyState>
      ) : (
        <PlaylistRows
          entries={shown.entries}
          songs={songs}
          label="Playlist songs"
          renderAccess={renderAccess}
          renderActions={playRowAction(available, onPlay)}
          onMove={(from, to) => edit(moveOp(shown.entries, from, to))}
          onRemove={(index) => {
            const entry = shown.entries[index]!;
            edit({ op: 'remove', key: entry.key });
            editorActions.tell('info', `Removed “${songOf(songs, entry.songId)?.name ?? 'an unavailable song'}”.`);
          }}
        />
      )}

      <NewPlaylistDialog
        open={open === 'rename'}
        title="Rename playlist"
        submitLabel="Rename"
        initialName={shown.name}
        onClose={() => setOpen(null)}
        onSubmit={(to) => {
          const problem = to === shown.name ? null : nameProblem(others, to);
          if (problem) return problem;
          if (to !== shown.name) edit({ op: 'rename', name: to });
          setOpen(null);
          return null;
        }}
      />
      <DescriptionDialog
        open={open === 'describe'}
        initial={shown.description}
        onClose={() => setOpen(null)}
        onSave={(description) => edit({ op: 'describe', description })}
      />
      <ShareDialog auth={auth} playlist={p} open={open === 'share'} onClose={() => setOpen(null)} />
      <DeleteDialog
        auth={auth}
        playlist={{ id, name: shown.name }}
        open={open === 'delete'}
        onClose={() => setOpen(null)}
        onDeleted={props.onDeleted}
      />
    </div>
  );
}
