import { lazy, Suspense, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useLogout } from '@/features/account';
import { useAuth, useUsername } from '@/features/account';

// Only signed-in users can be artists: the link's check loads with them, not with the catalog.
const ArtistLink = lazy(async () => ({ default: (await import('./artist-link')).ArtistLink }));

const linkClass =
  'flex min-h-11 items-center rounded-md px-3 text-sm font-medium hover:bg-slate-100 aria-[current=page]:text-brand-700 aria-[current=page]:underline aria-[current=page]:underline-offset-4 dark:hover:bg-slate-800 dark:aria-[current=page]:text-brand-400';

function Links({ links }: { links: readonly (readonly [string, string])[] }) {
  return links.map(([to, label]) => (
    <NavLink key={to} to={to} className={linkClass}>
      {label}
    </NavLink>
  ));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-4 flex flex-col">
      <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {title}
      </p>
      {children}
    </div>
  );
}

/** The main navigation's other links: browsing, the listener's music and account, or log in. */
export function MoreLinks() {
  const auth = useAuth();
  const username = useUsername();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <Section title="Browse">
        <Links
          links={[
            ['/artists', 'Artists'],
            ['/genres', 'Genres'],
            ['/tags', 'Tags'],
          ]}
        />
      </Section>
      {username ? (
        <>
          <Section title="Your music">
            <Links
              links={[
                ['/playlists', 'Playlists'],
                ['/my-songs', 'My songs'],
              ]}
            />
          </Section>
          <Section title={username}>
            <Links
              links={[
                ['/credits', 'Credits'],
                ['/profile', 'Profile'],
                ['/settings', 'Settings'],
              ]}
            />
            {auth ? (
              <Suspense fallback={null}>
                <ArtistLink auth={auth} className={linkClass} />
              </Suspense>
            ) : null}
            <button
              type="button"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
              disabled={logout.isPending}
              className="mt-2 flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-left text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              Log out
            </button>
          </Section>
        </>
      ) : (
        <Section title="Account">
          <Links links={[['/register', 'Register']]} />
        </Section>
      )}
    </>
  );
}
