import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import { AlbumCards } from '@/components/ui/album-card';
import { QueryView, Skeleton } from '@/components/ui/query-state';
import { totalLength } from '@/lib/clock';
import { usePageTitle } from '@/lib/use-page-title';
import { usePrefetchAlbum } from '@/features/catalog';
import { libraryQueries } from '@/features/library';
import { SongList } from '@/features/songs';
import { RequireAuth } from '../require-auth';
import { useRowMenu } from '../row-menu';

const since = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** What the listener kept: liked songs (played like a playlist), saved albums, followed artists, newest first. */
export default function LibraryRoute() {
  usePageTitle('Library');
  return <RequireAuth title="Your library">{(auth) => <Library auth={auth} />}</RequireAuth>;
}

function Library({ auth }: { auth: Credentials }) {
  const songs = useQuery(libraryQueries.songs(auth));
  const albums = useQuery(libraryQueries.albums(auth));
  const artists = useQuery(libraryQueries.artists(auth));
  const prefetch = usePrefetchAlbum();
  const rows = useRowMenu(songs.data, auth, { context: { kind: 'liked', id: 'liked' }, showAlbum: true });
  const length = (songs.data ?? []).reduce((n, s) => n + s.durationSec, 0);

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">Your library</h1>
      <section aria-labelledby="liked-title">
        <div className="mb-3 flex flex-wrap items-center gap-4">
          <h2 id="liked-title" className="text-xl font-semibold">
            Liked songs
          </h2>
          {songs.data?.length ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {songs.data.length} {songs.data.length === 1 ? 'song' : 'songs'} · {totalLength(length)}
            </p>
          ) : null}
          <div className="flex gap-3">
            <button
              type="button"
              onClick={rows.play}
              disabled={rows.playableCount === 0}
              aria-label="Play Liked songs"
              className="inline-flex min-h-11 items-center gap-2 rounded-full bg-brand-700 px-6 font-semibold text-white hover:bg-brand-600 disabled:opacity-50"
            >
              <span aria-hidden="true">▶</span> Play
            </button>
            <button
              type="button"
              onClick={rows.shuffle}
              disabled={rows.playableCount === 0}
              aria-label="Shuffle Liked songs"
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-slate-400 px-6 font-semibold disabled:opacity-50 dark:border-slate-500"
            >
              <span aria-hidden="true">⤮</span> Shuffle
            </button>
          </div>
        </div>
        <QueryView
          query={songs}
          loading={<Skeleton className="h-40" />}
          isEmpty={(d) => d.length === 0}
          empty="Songs you like (the heart on every song) show up here, newest first."
        >
          {(d) => (
            <SongList
              songs={d}
              label="Liked songs"
              auth={auth}
              showAlbum
              prefetchAlbum={prefetch}
              onPlay={rows.onPlay}
              menu={rows.menu}
              toggle={rows.toggle}
            />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="saved-title">
        <h2 id="saved-title" className="mb-3 text-xl font-semibold">
          Saved albums
        </h2>
        <QueryView
          query={albums}
          loading={<Skeleton className="h-40" />}
          back={null}
          isEmpty={(d) => d.length === 0}
          empty="Albums you save show up here."
        >
          {(d) => (
            <AlbumCards
              albums={d}
              label="Saved albums"
              onIntent={prefetch}
              detail={(a) => `${a.artist} · saved ${since(a.savedAt)}`}
            />
          )}
        </QueryView>
      </section>
      <section aria-labelledby="following-title">
        <h2 id="following-title" className="mb-3 text-xl font-semibold">
          Artists you follow
        </h2>
        <QueryView
          query={artists}
          loading={<Skeleton className="h-24" />}
          back={null}
          isEmpty={(d) => d.length === 0}
          empty="Artists you follow show up here."
        >
          {(followed) => (
            <ul aria-label="Artists you follow" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
              {followed.map((a) => (
                <li key={a.id}>
                  <Link to={`/artists/${a.id}`} className="group block text-center">
                    {a.pictureUrl ? (
                      <img
                        src={a.pictureUrl}
                        alt=""
                        width={160}
                        height={160}
                        loading="lazy"
                        className="mx-auto aspect-square w-full rounded-full object-cover shadow"
                      />
                    ) : (
                      <span
                        aria-hidden="true"
                        className="mx-auto block aspect-square w-full rounded-full bg-slate-300 dark:bg-slate-700"
                      />
                    )}
                    <span className="mt-2 block break-words font-semibold group-hover:underline">{a.name}</span>
                  </Link>
                  <p className="text-center text-sm text-slate-600 dark:text-slate-400">since {since(a.followedAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
      {rows.dialogs}
    </div>
  );
}
