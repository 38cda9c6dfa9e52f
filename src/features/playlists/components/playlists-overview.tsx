import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PlaylistSummary } from '@contract/playlists';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { newPlaylist } from '../api/add';
import { resourceQueries, sharedPath, type PlaylistAuth } from '../api/resources';
import { byName, formatLength, playlistPath, songCount } from '../lib/format';
import { nameProblem } from '../lib/names';
import { NewPlaylistDialog } from './new-playlist-dialog';
import { PlaylistCover } from './playlist-cover';

const primary = 'min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-600 sm:min-h-9';

function Row({ p, to, extra }: { p: PlaylistSummary; to: string; extra?: string }) {
  return (
    <li className="flex items-center gap-4 py-3">
      <PlaylistCover p={p} size="sm" />
      <div className="min-w-0">
        <Link to={to} className="break-words font-medium text-brand-700 underline dark:text-brand-400">
          {p.name}
        </Link>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {extra}
          {songCount(p.songCount)} · {formatLength(p.durationSec)}
        </p>
      </div>
    </li>
  );
}

/** The person's playlists with their song counts and length, the ones they follow, and "New playlist". */
export function PlaylistsOverview({ auth }: { auth: PlaylistAuth }) {
  const client = useQueryClient();
  const query = useQuery(resourceQueries.mine(auth));
  const [creating, setCreating] = useState(false);

  if (query.isPending) return <Skeleton className="h-48" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { playlists, following } = query.data;

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <button type="button" onClick={() => setCreating(true)} className={primary}>
          New playlist
        </button>
      </div>
      {playlists.length === 0 ? (
        <EmptyState>No playlists yet. Create one, or add a song to a new playlist from any song list.</EmptyState>
      ) : (
        <ul aria-label="Your playlists" className="divide-y divide-slate-200 dark:divide-slate-800">
          {[...playlists].sort(byName).map((p) => (
            <Row key={p.id} p={p} to={playlistPath(p.id)} />
          ))}
        </ul>
      )}
      {following.length ? (
        <section aria-labelledby="following-title">
          <h2 id="following-title" className="mb-2 text-lg font-semibold">
            Playlists you follow
          </h2>
          <ul aria-label="Playlists you follow" className="divide-y divide-slate-200 dark:divide-slate-800">
            {following.map((p) => (
              <Row key={p.id} p={p} to={sharedPath(p.shareToken!)} extra={`by ${p.owner} · `} />
            ))}
          </ul>
        </section>
      ) : null}
      <NewPlaylistDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSubmit={(name) => {
          const problem = nameProblem(playlists, name);
          if (problem) return problem;
          setCreating(false);
          void newPlaylist(client, auth, { name }, `Created “${name}”.`);
          return null;
        }}
      />
    </div>
  );
}
