import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { AlbumCards } from '@/components/ui/album-card';
import { Pager } from '@/components/ui/pager';
import { ErrorState, QueryView, Skeleton } from '@/components/ui/query-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { artistQueries } from '@/features/artists';
import { ArtistProfileView } from '@/features/artists';
import { usePrefetchAlbum } from '@/features/catalog';
import { KeepButton } from '@/features/library';
import { SongList } from '@/features/songs';
import { useRowMenu } from '../row-menu';

const TOP_SHOWN = 5;

export default function ArtistRoute() {
  const { profileId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const profile = useQuery(artistQueries.profile(profileId));
  const top = useQuery(artistQueries.top(profileId));
  const albums = useQuery(artistQueries.albums(profileId));
  const songs = useQuery(artistQueries.songs(profileId, page));
  const auth = useAuth();
  const prefetchAlbum = usePrefetchAlbum();
  const topSongs = top.data?.slice(0, TOP_SHOWN);
  const topRows = useRowMenu(topSongs, auth, { context: { kind: 'artist', id: profileId }, showAlbum: true });
  const allRows = useRowMenu(songs.data?.items, auth, { context: { kind: 'artist', id: profileId }, showAlbum: true });
  usePageTitle(profile.data?.name ?? (profile.isError ? 'Artist not found' : 'Artist'));

  if (profile.isError) {
    return (
      <ErrorState
        error={profile.error}
        onRetry={() => void profile.refetch()}
        back={{ to: '/artists', label: 'Browse all artists' }}
      />
    );
  }
  return (
    <div className="space-y-10">
      {profile.isPending ? (
        <div role="progressbar" aria-busy="true" aria-label="Loading artist" className="space-y-3">
          <Skeleton className="h-10 w-1/2" />
          <Skeleton className="h-24" />
        </div>
      ) : (
        <ArtistProfileView profile={profile.data} />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={topRows.play}
          disabled={topRows.playableCount === 0}
          className="inline-flex min-h-11 items-center gap-2 rounded-full bg-brand-700 px-6 font-semibold text-white hover:bg-brand-600 disabled:opacity-50"
        >
          <span aria-hidden="true">▶</span> Play top songs
        </button>
        {auth && profile.data ? (
          <KeepButton auth={auth} kind="artists" id={profileId} name={profile.data.name} />
        ) : null}
      </div>
      <section aria-labelledby="top-title">
        <h2 id="top-title" className="mb-2 text-xl font-semibold">
          Top songs
        </h2>
        <QueryView
          query={top}
          loading={<Skeleton className="h-40" />}
          back={null}
          isEmpty={(d) => d.length === 0}
          empty="No songs by this artist yet."
        >
          {(d) => (
            <SongList
              songs={d.slice(0, TOP_SHOWN)}
              label="Top songs"
              auth={auth}
              showAlbum
              prefetchAlbum={prefetchAlbum}
              onPlay={topRows.onPlay}
              menu={topRows.menu}
              toggle={topRows.toggle}
            />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="discography-title">
        <h2 id="discography-title" className="mb-3 text-xl font-semibold">
          Discography
        </h2>
        <QueryView
          query={albums}
          loading={<Skeleton className="h-48" />}
          back={null}
          isEmpty={(d) => d.length === 0}
          empty="No albums yet."
        >
          {(d) => (
            <AlbumCards
              albums={d}
              label="Discography"
              onIntent={prefetchAlbum}
              detail={(a) => `${a.releaseDate ? a.releaseDate.slice(0, 4) : 'Album'}`}
            />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="artist-songs-title">
        <h2 id="artist-songs-title" className="mb-2 text-xl font-semibold">
          All songs
        </h2>
        <QueryView
          query={songs}
          loading={<Skeleton className="h-48" />}
          back={null}
          isEmpty={(d) => d.items.length === 0}
          empty="No songs by this artist yet."
        >
          {(d) => (
            <>
              <SongList
                songs={d.items}
                label="Songs"
                auth={auth}
                showAlbum
                prefetchAlbum={prefetchAlbum}
                onPlay={allRows.onPlay}
                menu={allRows.menu}
                toggle={allRows.toggle}
              />
              <Pager
                label="Song pages"
                page={d.page}
                pageCount={d.pageCount}
                onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})}
              />
            </>
          )}
        </QueryView>
      </section>
      {topRows.dialogs}
      {allRows.dialogs}
    </div>
  );
}
