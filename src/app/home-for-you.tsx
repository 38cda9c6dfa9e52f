import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import { AlbumCard, SHELF_ROW } from '@/components/ui/album-card';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { homeQueries } from '@/features/home';
import { Shelf } from '@/features/home';
import { HomeSongShelf } from './home-song-shelf';

/** The signed-in listener's shelves of the home page: where they left off. */
export function ForYou({ auth }: { auth: Credentials }) {
  const mine = useQuery(homeQueries.mine(auth));
  return mine.isError ? (
    <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
  ) : mine.data && mine.data.jumpBackIn.length + mine.data.recent.length > 0 ? (
    <>
      <Shelf id="jump-title" title="Jump back in">
        <ul aria-label="Jump back in" className={SHELF_ROW}>
          {mine.data.jumpBackIn.map((j) =>
            j.kind === 'album' ? (
              <li key={`a-${j.album.id}`}>
                <AlbumCard album={j.album} />
              </li>
            ) : (
              <li key={`p-${j.name}`}>
                <Link
                  to={`/playlists/${encodeURIComponent(j.name)}`}
                  className="flex aspect-square w-full items-end rounded-lg bg-gradient-to-br from-brand-600 to-brand-700 p-3 font-semibold text-white shadow hover:underline"
                >
                  <span className="break-words">{j.name}</span>
                </Link>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Playlist</p>
              </li>
            ),
          )}
        </ul>
      </Shelf>
      <Shelf id="recent-title" title="Recently played">
        <HomeSongShelf songs={mine.data.recent} label="Recently played" auth={auth} />
      </Shelf>
    </>
  ) : mine.isPending ? (
    <Skeleton className="h-48" />
  ) : (
    <p className="mb-8 rounded-lg bg-slate-100 p-4 dark:bg-slate-900">
      Play something and it shows up here, so you can jump back in.
    </p>
  );
}
