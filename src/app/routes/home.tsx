import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { AlbumCards, CARD_GRID } from '@/components/ui/album-card';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useAuth } from '@/features/account';
import { homeQueries } from '@/features/home';
import { Shelf } from '@/features/home';

const HomeSongShelf = lazy(async () => ({
  default: (await import('../home-song-shelf')).HomeSongShelf,
})) as unknown as typeof import('../home-song-shelf').HomeSongShelf;
// A signed-in listener's own shelves (jump back in, recently played) load after the page's first paint.
const ForYou = lazy(async () => ({ default: (await import('../home-for-you')).ForYou }));

const NEW_RELEASES = 12;

/** Right for a first visit as for the hundredth ("welcome back" is not). */
const greeting = (hour: number) =>
  hour >= 5 && hour < 12 ? 'Good morning' : hour >= 12 && hour < 18 ? 'Good afternoon' : 'Good evening';

function Loading({ label }: { label: string }) {
  return (
    <div role="progressbar" aria-busy="true" aria-label={label} className={CARD_GRID}>
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="aspect-square" />
      ))}
    </div>
  );
}

/** Home: where the listener left off, what is new, and what everyone plays this week. */
export default function HomeRoute() {
  usePageTitle('Home');
  const auth = useAuth();
  const fresh = useQuery(homeQueries.albums('newest', '', 0, NEW_RELEASES));
  const popular = useQuery(homeQueries.popular());

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">
        {auth ? `${greeting(new Date().getHours())}, ${auth.username}` : 'Welcome to Tokenly Music'}
      </h1>
      {!auth ? (
        <p className="mb-8 max-w-prose text-slate-700 dark:text-slate-300">
          Stream songs paid per listen with credits, or unlocked by the tokens you hold.{' '}
          <Link to="/register" className="font-semibold text-brand-700 underline dark:text-brand-400">
            Create an account
          </Link>{' '}
          to keep a library and pick up where you left off.
        </p>
      ) : null}

      {auth ? (
        <Suspense fallback={<Loading label="Loading your music" />}>
          <ForYou auth={auth} />
        </Suspense>
      ) : null}

      <Shelf id="new-title" title="New releases" more={{ to: '/albums', label: 'All albums' }}>
        {fresh.isPending ? (
          <Loading label="Loading new releases" />
        ) : fresh.isError ? (
          <ErrorState error={fresh.error} onRetry={() => void fresh.refetch()} />
        ) : fresh.data.items.length === 0 ? (
          <EmptyState>No albums yet.</EmptyState>
        ) : (
          <AlbumCards albums={fresh.data.items} label="New releases" shelf />
        )}
      </Shelf>

      <Shelf id="popular-title" title="Popular this week">
        {popular.isPending ? (
          <Skeleton className="h-32" />
        ) : popular.isError ? (
          <ErrorState error={popular.error} onRetry={() => void popular.refetch()} />
        ) : popular.data.length === 0 ? (
          <EmptyState>Nothing has been played this week yet.</EmptyState>
        ) : (
          <Suspense fallback={<Skeleton className="h-32" />}>
            <HomeSongShelf
              songs={popular.data}
              label="Popular this week"
              auth={auth}
              note={(s) => `${s.plays} ${s.plays === 1 ? 'play' : 'plays'}`}
            />
          </Suspense>
        )}
      </Shelf>
    </div>
  );
}
