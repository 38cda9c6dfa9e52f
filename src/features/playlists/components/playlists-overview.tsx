import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state';
import { usePlaylistEditor } from '../api/mutations';
import { playlistQueries, songFor, type PlaylistAuth } from '../api/queries';
import { byName, formatLength, playlistPath, songCount } from '../lib/format';
import { NewPlaylistDialog } from './new-playlist-dialog';
import { RoomLeft } from './room-left';

const primary = 'rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600';

/** The person's playlists with their song counts and total length, and "New playlist". */
export function PlaylistsOverview({ auth }: { auth: PlaylistAuth }) {
  const { query, doc, edit } = usePlaylistEditor(auth);
  const [creating, setCreating] = useState(false);
  const allIds = (doc ?? []).flatMap((p) => p.ids);
  const songs = useQuery({ ...playlistQueries.songs(allIds), placeholderData: keepPreviousData });

  if (query.isPending) return <Skeleton className="h-48" />;
  if (query.isError || !doc) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <RoomLeft doc={doc} />
        <button type="button" onClick={() => setCreating(true)} className={primary}>
          New playlist
        </button>
      </div>
      {doc.length === 0 ? (
        <EmptyState>No playlists yet. Create one, or add a song to a new playlist from any song list.</EmptyState>
      ) : (
        <ul aria-label="Your playlists" className="divide-y divide-slate-200 dark:divide-slate-800">
          {[...doc].sort(byName).map((p) => {
            const found = p.ids.map((id) => songFor(songs.data, id));
            const missing = songs.data ? found.filter((s) => !s).length : 0;
            const length = found.reduce((sum, s) => sum + (s?.durationSec ?? 0), 0);
            return (
              <li key={p.name} className="flex flex-wrap items-baseline gap-x-4 py-3">
                <Link to={playlistPath(p.name)} className="font-medium text-brand-700 underline dark:text-brand-400">
                  {p.name}
                </Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {songCount(p.ids.length)}
                  {songs.data ? ` · ${formatLength(length)}` : ''}
                  {missing ? ` · ${missing} unavailable` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <NewPlaylistDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSubmit={(name) => {
          const problem = edit({ kind: 'create', name, ids: [] });
          if (!problem) setCreating(false);
          return problem;
        }}
      />
    </div>
  );
}
