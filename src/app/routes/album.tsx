import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { totalLength } from '@/lib/clock';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { usePrefetchArtist } from '@/features/artists';
import { catalogQueries } from '@/features/catalog';
import { AlbumDetailsSkeleton, formatDate } from '@/features/catalog';
import { KeepButton } from '@/features/library';
import { SongList } from '@/features/songs';
import { UnlockNote } from '../unlock-note';
import { useRowMenu } from '../row-menu';

const AddToPlaylistMenu = lazy(async () => ({
  default: (await import('@/features/playlists/lazy')).AddToPlaylistMenu,
}));

const bigButton =
  'inline-flex min-h-11 items-center gap-2 rounded-full px-6 text-base font-semibold disabled:cursor-not-allowed disabled:opacity-50';

export default function AlbumRoute() {
  const { albumId = '' } = useParams();
  const [params] = useSearchParams();
  const album = useQuery(catalogQueries.album(albumId));
  const songs = useQuery(catalogQueries.albumSongs(albumId));
  const auth = useAuth();
  const prefetchArtist = usePrefetchArtist();
  const rows = useRowMenu(songs.data, auth, { album: album.data, context: { kind: 'album', id: albumId } });
  usePageTitle(album.data?.name ?? (album.isError ? 'Album not found' : 'Album'));

  // One message for the page: the album's own error says it all (its tracks fail the same way).
  if (album.isError) {
    return (
      <ErrorState
        error={album.error}
        onRetry={() => void album.refetch()}
        back={{ to: '/albums', label: 'Browse all albums' }}
      />
    );
  }
  const a = album.data;
  const length = songs.data ? songs.data.reduce((n, s) => n + s.durationSec, 0) : 0;
  const year = formatDate(a?.releaseDate ?? null);

  return (
    <div className="space-y-8">
      {!a ? (
        <AlbumDetailsSkeleton />
      ) : (
        <>
          <header className="flex flex-col gap-6 sm:flex-row sm:items-end">
            {a.artworkImage ? (
              <img
                src={a.artworkImage}
                alt={`Artwork of ${a.name}`}
                width={240}
                height={240}
                className="mx-auto aspect-square w-full max-w-60 rounded-xl object-cover shadow-lg sm:mx-0"
              />
            ) : (
              <div
                aria-hidden="true"
                className="mx-auto aspect-square w-full max-w-60 rounded-xl bg-slate-300 sm:mx-0 dark:bg-slate-700"
              />
            )}
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Album</p>
              <h1 className="break-words text-3xl font-bold sm:text-5xl">{a.name}</h1>
              <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
                {a.artistProfileID ? (
                  <Link
                    to={`/artists/${a.artistProfileID}`}
                    onMouseEnter={() => prefetchArtist(a.artistProfileID!)}
                    onFocus={() => prefetchArtist(a.artistProfileID!)}
                    className="font-semibold text-brand-700 underline dark:text-brand-400"
                  >
                    {a.artist}
                  </Link>
                ) : (
                  <span className="font-semibold">{a.artist}</span>
                )}
                {year ? (
                  <>
                    {' · '}
                    <span className="whitespace-nowrap">{year}</span>
                  </>
                ) : null}
                {' · '}
                <span className="whitespace-nowrap">
                  {a.songCount} {a.songCount === 1 ? 'song' : 'songs'}
                </span>
                {songs.data ? (
                  <>
                    {' · '}
                    <span aria-label={`Total length ${totalLength(length)}`} className="whitespace-nowrap">
                      {totalLength(length)}
                    </span>
                  </>
                ) : null}
              </p>
              {a.description ? <p className="mt-3 max-w-prose">{a.description}</p> : null}
            </div>
          </header>
          <UnlockNote album={a} auth={auth} />
        </>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={rows.play}
          disabled={rows.playableCount === 0}
          aria-label={a ? `Play ${a.name}` : 'Play album'}
          className={`${bigButton} bg-brand-700 text-white hover:bg-brand-600`}
        >
          <span aria-hidden="true">▶</span> Play
        </button>
        <button
          type="button"
          onClick={rows.shuffle}
          disabled={rows.playableCount === 0}
          aria-label={a ? `Shuffle ${a.name}` : 'Shuffle album'}
          className={`${bigButton} border border-slate-400 hover:border-slate-700 dark:border-slate-500`}
        >
          <span aria-hidden="true">⤮</span> Shuffle
        </button>
        {auth && a ? <KeepButton auth={auth} kind="albums" id={a.id} name={a.name} /> : null}
        {auth && a && songs.data?.length ? (
          <Suspense fallback={null}>
            <AddToPlaylistMenu
              auth={auth}
              songIds={songs.data.map((s) => s.id)}
              subject={a.name}
              buttonText="Add album to playlist"
            />
          </Suspense>
        ) : null}
      </div>
      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title" className="mb-2 text-xl font-semibold">
          Tracks
        </h2>
        {songs.isPending ? (
          <div role="progressbar" aria-busy="true" aria-label="Loading tracks" className="space-y-2">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        ) : songs.isError ? (
          <ErrorState error={songs.error} onRetry={() => void songs.refetch()} back={null} />
        ) : songs.data.length === 0 ? (
          <EmptyState>This album has no tracks yet.</EmptyState>
        ) : (
          <>
            <SongList
              songs={songs.data}
              label="Tracks"
              auth={auth}
              prefetchArtist={prefetchArtist}
              onPlay={rows.onPlay}
              menu={rows.menu}
              toggle={rows.toggle}
              highlightId={params.get('song')}
            />
          </>
        )}
      </section>
      {rows.dialogs}
    </div>
  );
}
