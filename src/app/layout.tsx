import { lazy, Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { NoticeBanner } from '../components/ui/notice-banner';
import { Skeleton } from '../components/ui/query-state';
import { useLogout } from '../features/account/api/mutations';
import { useAuth, useUsername } from '../features/account/store';
import { PlayerShell } from './player-shell';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800 ${
    isActive ? 'text-brand-700 underline underline-offset-4 dark:text-brand-400' : ''
  }`;

const PUBLIC_LINKS = [
  ['/', 'Catalog'],
  ['/search', 'Search'],
  ['/artists', 'Artists'],
  ['/genres', 'Genres'],
  ['/tags', 'Tags'],
] as const;

// Only signed-in listeners edit playlists: the catalog's first load does not carry the editor.
const PlaylistEditorHost = lazy(async () => ({
  default: (await import('../features/playlists/components/playlist-editor-host')).PlaylistEditorHost,
}));

// The queue panel's "Add to playlist" comes with the playlists chunk, when the panel is opened.
const AddToPlaylistMenu = lazy(async () => ({
  default: (await import('../features/playlists/components/add-to-playlist-menu')).AddToPlaylistMenu,
}));

const PRIVATE_LINKS = [
  ['/my-songs', 'My songs'],
  ['/playlists', 'Playlists'],
  ['/credits', 'Credits'],
  ['/profile', 'Profile'],
] as const;

// Only signed-in users can be artists: the link's check loads with them, not with the catalog.
const ArtistLink = lazy(async () => ({ default: (await import('./artist-link')).ArtistLink }));

function AccountControls() {
  const username = useUsername();
  const auth = useAuth();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!username) {
    return (
      <>
        <NavLink to="/login" className={navClass}>
          Log in
        </NavLink>
        <NavLink to="/register" className={navClass}>
          Register
        </NavLink>
      </>
    );
  }
  return (
    <>
      {PRIVATE_LINKS.map(([to, label]) => (
        <NavLink key={to} to={to} className={navClass}>
          {label}
        </NavLink>
      ))}
      {auth ? (
        <Suspense fallback={null}>
          <ArtistLink auth={auth} className={navClass} />
        </Suspense>
      ) : null}
      <span className="hidden text-sm text-slate-600 md:inline dark:text-slate-400">{username}</span>
      <button
        type="button"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
        disabled={logout.isPending}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Log out
      </button>
    </>
  );
}

/**
 * On a phone the links fold behind a Menu button (a disclosure, not a modal: the page stays
 * usable); from `md` up they sit in one row. Following a link folds the menu again.
 */
function MainNav() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) setOpen(false);
  return (
    <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-3">
      <Link to="/" className="mr-4 text-lg font-bold text-brand-700 dark:text-brand-400">
        Tokenly Music
      </Link>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-links"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
        className="ml-auto rounded-md border border-slate-300 px-3 py-1 text-sm font-medium md:hidden dark:border-slate-700"
      >
        Menu
      </button>
      <div
        id="main-links"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col items-start gap-2 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center`}
      >
        {PUBLIC_LINKS.map(([to, label]) => (
          <NavLink key={to} to={to} end={to === '/'} className={navClass}>
            {label}
          </NavLink>
        ))}
        <span className="flex flex-col items-start gap-2 md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-end">
          <AccountControls />
        </span>
      </div>
    </nav>
  );
}

export function Layout() {
  const auth = useAuth();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-black"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <MainNav />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Suspense fallback={<Skeleton className="h-64" />}>
          <Outlet />
        </Suspense>
      </main>
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
