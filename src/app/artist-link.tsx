import { useQuery } from '@tanstack/react-query';
import { NavLink, type NavLinkProps } from 'react-router';
import type { Credentials } from '@contract/account';
import { releaseQueries } from '@/features/releases';

/**
 * Users with an artist profile see the artist pages' link; others, where the server lets them,
 * "Become an artist". Loaded by the layout only for a signed-in user, so the catalog's first load
 * does not carry the artist features' schemas.
 */
export function ArtistLink({ auth, className }: { auth: Credentials; className: NavLinkProps['className'] }) {
  const state = useQuery(releaseQueries.profile(auth));
  if (!state.data) return null;
  if (state.data.profile) {
    return (
      <NavLink to="/artist" className={className}>
        Artist
      </NavLink>
    );
  }
  if (state.data.signup === 'off') return null;
  return (
    <NavLink to="/artist/profile" className={className}>
      Become an artist
    </NavLink>
  );
}
