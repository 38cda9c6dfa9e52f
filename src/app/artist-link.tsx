import { useQuery } from '@tanstack/react-query';
import { NavLink, type NavLinkProps } from 'react-router';
import type { Credentials } from '../../contract/account';
import { encodingQueries } from '../features/encoding/api/queries';

/**
 * Only users with an artist profile see the encoding dashboard's link. Loaded by the layout only
 * for a signed-in user, so the catalog's first load does not carry the encoding feature's schemas.
 */
export function ArtistLink({ auth, className }: { auth: Credentials; className: NavLinkProps['className'] }) {
  const me = useQuery(encodingQueries.me(auth));
  if (!me.data?.artist) return null;
  return (
    <NavLink to="/artist" className={className}>
      Artist
    </NavLink>
  );
}
