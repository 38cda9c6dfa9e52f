import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Credentials } from '@contract/account';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { releaseApi } from '../api/mutations';
import { releaseQueries } from '../api/queries';
import { AlbumDrop, type EncodeFile } from './album-drop';
import { card, secondaryButton } from './styles';

const STATUS = { draft: 'Draft', scheduled: 'Scheduled', released: 'Released', removed: 'Taken down' } as const;

/** The artist's releases: start one from files (or empty), and open any of them to edit. */
export function ReleasesHome({ auth, encodeFile }: { auth: Credentials; encodeFile: EncodeFile }) {
  const profile = useQuery(releaseQueries.profile(auth));
  const albums = useQuery(releaseQueries.albums(auth));
  const navigate = useNavigate();
  if (profile.isPending || albums.isPending) return <Skeleton className="h-64" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data.profile) {
    return (
      <EmptyState>
        Releases are for artists. <Link to="/artist/profile">Create your artist profile</Link> first.
      </EmptyState>
    );
  }
  if (albums.isError) return <ErrorState error={albums.error} onRetry={() => void albums.refetch()} />;
  return (
    <div className="space-y-6">
      <AlbumDrop auth={auth} encodeFile={encodeFile} />
      <button
        type="button"
        className={secondaryButton}
        onClick={() =>
          void releaseApi
            .createAlbum(auth, { name: 'Untitled album' })
            .then((a) => navigate(`/artist/releases/${a.id}`))
        }
      >
        New empty album
      </button>
      <section aria-labelledby="list-title">
        <h2 id="list-title" className="mb-2 text-lg font-semibold">
          Your releases
        </h2>
        {albums.data.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Nothing yet: drop some songs above.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {albums.data.map((a) => (
              <li key={a.id} className={`${card} flex items-center gap-3`}>
                {a.artworkSizes['160'] ? (
                  <img src={a.artworkSizes['160']} alt="" className="h-16 w-16 rounded object-cover" />
                ) : (
                  <div className="h-16 w-16 rounded bg-slate-200 dark:bg-slate-800" />
                )}
                <div className="min-w-0">
                  <Link to={`/artist/releases/${a.id}`} className="block truncate font-medium underline">
                    {a.name}
                  </Link>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {STATUS[a.status]} · {a.tracks.filter((t) => !t.removed).length} tracks
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
