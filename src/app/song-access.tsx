import { useQuery } from '@tanstack/react-query';
import type { SessionAuth } from '@/lib/api-client';
import { songsQueries } from '@/features/songs';
import { AccessBadge } from '@/features/songs';
import { songAccess, tokensOf, type AccessInput } from '@/features/songs';

/**
 * The songs feature's access badge for one song, for lists built by other features (playlists):
 * the page composes the two. Songs of one album share their token set, so their checks are one.
 */
export function SongAccess({ song, auth }: { song: AccessInput; auth: SessionAuth | null }) {
  const tokens = tokensOf([song]);
  const held = useQuery(songsQueries.heldTokens(auth, tokens));
  if (auth && tokens.length && held.isPending) {
    return <span className="text-xs text-slate-700 dark:text-slate-300">Checking access…</span>;
  }
  return <AccessBadge access={songAccess(song, held.data ?? new Set())} />;
}
