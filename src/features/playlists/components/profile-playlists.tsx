import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { z } from 'zod';
import { playlistSummarySchema } from '@contract/playlists';
import { apiRequest } from '@/lib/api-client';
import { sharedPath } from '../api/resources';
import { formatLength, songCount } from '../lib/format';
import { PlaylistCover } from './playlist-cover';

/** The playlists a listener shows on their public profile (each opens its live page). */
export function ProfilePlaylists({ username }: { username: string }) {
  const query = useQuery({
    queryKey: ['playlists', 'profile', username],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/v1/profiles/${encodeURIComponent(username)}/playlists`,
        schema: z.array(playlistSummarySchema),
        signal,
      }),
  });
  if (!query.data?.length) return null;
  return (
    <section aria-labelledby="profile-playlists" className="mt-8">
      <h2 id="profile-playlists" className="mb-2 text-lg font-semibold">
        Playlists
      </h2>
      <ul aria-label={`Playlists of ${username}`} className="divide-y divide-slate-200 dark:divide-slate-800">
        {query.data.map((p) => (
          <li key={p.id} className="flex items-center gap-4 py-3">
            <PlaylistCover p={p} size="sm" />
            <div className="min-w-0">
              <Link
                to={sharedPath(p.shareToken!)}
                className="break-words font-medium text-brand-700 underline dark:text-brand-400"
              >
                {p.name}
              </Link>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {songCount(p.songCount)} · {formatLength(p.durationSec)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
