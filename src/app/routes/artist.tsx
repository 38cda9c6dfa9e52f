import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { Pager } from '../../components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuth } from '../../features/account/store';
import { artistQueries } from '../../features/artists/api/queries';
import { ArtistProfileView } from '../../features/artists/components/artist-profile-view';
import { usePrefetchAlbum } from '../../features/catalog/api/prefetch';
import { SongList } from '../../features/songs/components/song-list';
import { useRowControls } from '../row-controls';

export default function ArtistRoute() {
  const { profileId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const profile = useQuery(artistQueries.profile(profileId));
  const songs = useQuery(artistQueries.songs(profileId, page));
  const auth = useAuth();
  const prefetchAlbum = usePrefetchAlbum();
  const rows = useRowControls(songs.data?.items, auth);
  usePageTitle(profile.data?.name ?? 'Artist');

  return (
    <div className="space-y-8">
      {profile.isPending ? (
        <div aria-busy="true" aria-label="Loading artist" className="space-y-3">
          <Skeleton className="h-10 w-1/2" />
          <Skeleton className="h-24" />
        </div>
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ArtistProfileView profile={profile.data} />
      )}
      <section aria-labelledby="artist-songs-title">
        <h2 id="artist-songs-title" className="mb-2 text-xl font-semibold">
          Songs
        </h2>
        {songs.isPending ? (
          <Skeleton className="h-48" />
        ) : songs.isError ? (
          <ErrorState error={songs.error} onRetry={() => void songs.refetch()} />
        ) : songs.data.items.length === 0 ? (
          <EmptyState>No songs by this artist yet.</EmptyState>
        ) : (
          <>
            <SongList
              songs={songs.data.items}
              label="Songs"
              auth={auth}
              showAlbum
              prefetchAlbum={prefetchAlbum}
              onPlay={rows.onPlay}
              actions={rows.actions}
            />
            <Pager
              label="Song pages"
              page={songs.data.page}
              pageCount={songs.data.pageCount}
              onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})}
            />
          </>
        )}
      </section>
    </div>
  );
}
