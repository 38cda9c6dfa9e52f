import { NavLink } from 'react-router';

const tab = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-md px-3 font-medium ${
    isActive ? 'bg-brand-700 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'
  }`;

/** The artist's pages: releases (from the encodings), the encoding dashboard, earnings, the profile. */
export function ArtistTabs() {
  return (
    <nav aria-label="Artist" className="mb-4 flex flex-wrap gap-2">
      <NavLink to="/artist/releases" className={tab}>
        Releases
      </NavLink>
      <NavLink to="/artist" end className={tab}>
        Encoding
      </NavLink>
      <NavLink to="/artist/earnings" className={tab}>
        Earnings
      </NavLink>
      <NavLink to="/artist/profile" className={tab}>
        Artist profile
      </NavLink>
    </nav>
  );
}
