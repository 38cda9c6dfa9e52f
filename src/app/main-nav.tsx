import { lazy, Suspense, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useUsername } from '@/features/account';

// The links past the four main ones load just after the first paint (on a phone they are behind More).
const MoreLinks = lazy(async () => ({ default: (await import('./main-nav-more')).MoreLinks }));

const ICONS = {
  home: 'M3 11l9-8 9 8v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm5 12l5 5',
  albums: 'M4 4h16v16H4zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  library: 'M5 3v18M10 3v18M15 4l5 16',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-6 w-6 shrink-0 md:h-5 md:w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

// 44 px tall everywhere (a touch target); on a phone's bar the icon sits over its word.
// NavLink marks the current page with aria-current, which the styles read.
const primaryClass =
  'flex min-h-11 flex-1 flex-col items-center justify-center gap-0.5 rounded-md px-2 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:text-brand-700 md:flex-none md:flex-row md:justify-start md:gap-3 md:text-sm dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:text-brand-400';
/**
 * The main navigation. From `md` up it is a sidebar with every link; on a phone the four
 * destinations a listener uses most sit in a bar at the bottom of the screen, and the rest open
 * from "More" as a sheet above it (a disclosure: the page stays usable; a link folds it again).
 */
export function MainNav() {
  const username = useUsername();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) setOpen(false);

  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 md:sticky md:top-16 md:z-auto md:h-[calc(100vh-4rem)] md:w-52 md:shrink-0 md:overflow-y-auto md:border-r md:border-t-0 md:p-3 lg:w-60"
    >
      <div className="flex h-16 items-stretch px-1 md:h-auto md:flex-col md:gap-1 md:px-0">
        {(
          [
            ['/', 'home', 'Home'],
            ['/search', 'search', 'Search'],
            ['/albums', 'albums', 'Albums'],
            username ? (['/library', 'library', 'Library'] as const) : (['/login', 'library', 'Log in'] as const),
          ] as const
        ).map(([to, icon, label]) => (
          <NavLink key={to} to={to} end={to === '/'} className={primaryClass}>
            <Icon name={icon} />
            {label}
          </NavLink>
        ))}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="more-links"
          onClick={() => {
            setOpenedAt(pathname);
            setOpen(!open);
          }}
          className="flex min-h-11 flex-1 flex-col items-center justify-center gap-0.5 rounded-md px-2 text-xs font-medium text-slate-700 md:hidden dark:text-slate-300"
        >
          <Icon name="more" />
          More
        </button>
      </div>
      <div
        id="more-links"
        className={`${open ? 'flex' : 'hidden'} max-h-[calc(100vh-9rem)] flex-col overflow-y-auto border-t border-slate-200 bg-white px-3 pb-4 shadow-2xl max-md:absolute max-md:inset-x-0 max-md:bottom-16 dark:border-slate-800 dark:bg-slate-950 md:flex md:max-h-none md:border-0 md:bg-transparent md:px-0 md:shadow-none dark:md:bg-transparent`}
      >
        <Suspense fallback={null}>
          <MoreLinks />
        </Suspense>
      </div>
    </nav>
  );
}
