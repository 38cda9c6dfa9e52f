import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/query-state';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuth } from '../../features/account/store';
import { usePrefetchArtist } from '../../features/artists/api/queries';
import { catalogQueries } from '../../features/catalog/api/queries';
import { AlbumDetails, AlbumDetailsSkeleton } from '../../features/catalog/components/album-details';
import { AddToPlaylistMenu } from '../../features/playlists/components/add-to-playlist-menu';
import { SongList } from '../../features/songs/components/song-list';
import { useRowControls } from '../row-controls';
import { UnlockNote } from '../unlock-note';

export default function AlbumRoute() {
  const { albumId = '' } = useParams();
  const album = useQuery(catalogQueries.album(albumId));
  const songs = useQuery(catalogQueries.albumSongs(albumId));
  const auth = useAuth();
  const prefetchArtist = usePrefetchArtist();
  const rows = useRowControls(songs.data, auth, album.data);
  usePageTitle(album.data?.name ?? 'Album');

  return (
    <div className="space-y-8">
      {album.isPending ? (
        <AlbumDetailsSkeleton />
      ) : album.isError ? (
        <ErrorState error={album.error} onRetry={() => void album.refetch()} />
      ) : (
        <>
          <AlbumDetails album={album.data} onArtistIntent={prefetchArtist} />
          <UnlockNote album={album.data} auth={auth} />
        </>
      )}
      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title" className="mb-2 text-xl font-semibold">
          Tracks
        </h2>
        {songs.isPending ? (
          <div aria-busy="true" aria-label="Loading tracks" className="space-y-2">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        ) : songs.isError ? (
          <ErrorState error={songs.error} onRetry={() => void songs.refetch()} />
        ) : songs.data.length === 0 ? (
          <EmptyState>This album has no tracks yet.</EmptyState>
        ) : (
          <>
            {auth && album.data ? (
              <div className="mb-2">
                <AddToPlaylistMenu
                  auth={auth}
                  songIds={songs.data.map((s) => s.id)}
                  subject={album.data.name}
                  buttonText="Add album to playlist"
                />
              </div>
            ) : null}
            <SongList
              songs={songs.data}
              label="Tracks"
              auth={auth}
              prefetchArtist={prefetchArtist}
              onPlay={rows.onPlay}
              actions={rows.actions}
            />
          </>
        )}
      </section>
    </div>
  );
}
