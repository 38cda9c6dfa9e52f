import { useQuery } from '@tanstack/react-query';
import type { Album } from '@contract/catalog';
import type { SessionAuth } from '@/lib/api-client';
import { safeHref } from '@/lib/markdown';
import { artistQueries } from '@/features/artists';
import { songsQueries } from '@/features/songs';

/**
 * On a token-gated album, how to unlock its locked songs: the token's name and, when the artist's
 * profile names a markets catalog, a link to where the artist sells it. The catalog, artists and
 * songs features meet here. Nothing is shown to a listener who holds one of the tokens.
 */
export function UnlockNote({ album, auth }: { album: Album; auth: SessionAuth | null }) {
  const tokens = album.gateTokens ?? [];
  const held = useQuery(songsQueries.heldTokens(auth, tokens));
  const profile = useQuery({
    ...artistQueries.profile(album.artistProfileID ?? ''),
    enabled: tokens.length > 0 && album.artistProfileID !== null,
  });
  if (tokens.length === 0 || (auth && held.isPending)) return null;
  if (tokens.some((t) => held.data?.has(t.toUpperCase()))) return null;
  const market = profile.data ? safeHref(profile.data.marketsCatalogUrl) : null;
  const names = tokens.join(' or ');
  return (
    <p
      role="note"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      Locked songs on this album play for holders of {names}.{' '}
      {market ? (
        <>
          To unlock them,{' '}
          <a href={market} target="_blank" rel="noopener noreferrer" className="font-medium underline">
            get {tokens[0]} from {album.artist}&apos;s market
          </a>
          .
        </>
      ) : (
        `To unlock them, get ${tokens[0]} from ${album.artist}.`
      )}
    </p>
  );
}
