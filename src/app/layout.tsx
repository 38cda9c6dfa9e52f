import { lazy, Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { NoticeBanner } from '@/components/ui/notice-banner';
import { Skeleton } from '@/components/ui/query-state';
import { useAuth } from '@/features/account';
import { SearchBox } from '@/features/search';
import { MainNav } from './main-nav';
import { PlayerShell } from './player-shell';

// What playback means elsewhere (the tab's title, the listening history): not needed for the first paint.
const ListenerEffects = lazy(async () => ({ default: (await import('./listener-effects')).ListenerEffects }));

// Only signed-in listeners edit playlists: the catalog's first load does not carry the editor.
const PlaylistEditorHost = lazy(async () => ({
  default: (await import('@/features/playlists/lazy')).PlaylistEditorHost,
}));

// The queue panel's "Add to playlist" comes with the playlists chunk, when the panel is opened.
const AddToPlaylistMenu = lazy(async () => ({
  default: (await import('@/features/playlists/lazy')).AddToPlaylistMenu,
}));

/**
 * The shell: a header with the search box on one line at every width (the logo shrinks to its
 * mark on a phone), the main navigation (a sidebar from `md` up, a bottom bar on a phone), the
 * page, and the player bar.
 */
export function Layout() {
  const auth = useAuth();
  const navigate = useNavigate();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-black"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex h-16 flex-nowrap items-center gap-3 px-3 md:px-4">
          <Link
            to="/"
            aria-label="Tokenly Music, home"
            className="flex h-11 shrink-0 items-center gap-2 rounded-md font-bold text-brand-700 dark:text-brand-400"
          >
            <img src="/favicon.svg" alt="" width={28} height={28} className="h-7 w-7" />
            <span className="hidden whitespace-nowrap text-lg lg:inline">Tokenly Music</span>
          </Link>
          <div className="flex min-w-0 flex-1 justify-center">
            <div className="flex w-full min-w-0 max-w-xl">
              <SearchBox onNavigate={(to) => void navigate(to)} />
            </div>
          </div>
        </div>
      </header>
      <div className="md:flex">
        <MainNav />
        <main id="main" className="mx-auto min-w-0 max-w-6xl flex-1 px-4 py-6">
          <Suspense fallback={<Skeleton className="h-64" />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {/* keeps the end of the page clear of the phone's bottom navigation */}
      <div aria-hidden="true" className="h-16 md:hidden" />
      <PlayerShell
        queueActions={
          auth
            ? (entry) => (
                <Suspense fallback={null}>
                  <AddToPlaylistMenu auth={auth} songIds={[entry.item.id]} subject={entry.item.name} />
                </Suspense>
              )
            : undefined
        }
      />
      <Suspense fallback={null}>
        <ListenerEffects />
      </Suspense>
      <NoticeBanner />
      {/* Playlist edits are saved in the background from any page: their news and questions. */}
      {auth ? (
        <Suspense fallback={null}>
          <PlaylistEditorHost key={auth.id} auth={auth} />
        </Suspense>
      ) : null}
    </div>
  );
}
