import { queryOptions } from '@tanstack/react-query';
import { librarySongListSchema, SONG_LOOKUP_MAX_IDS, type LibrarySong } from '@contract/catalog';
import { apiRequest } from '@/lib/api-client';
export type { PlaylistAuth } from './resources';

/** Song ids that the lookup can carry in a comma-separated list; others cannot name a song. */
const lookupable = (id: string) => !id.includes(',');

async function lookupSongs(ids: readonly string[], signal?: AbortSignal): Promise<LibrarySong[]> {
  const wanted = [...new Set(ids.filter(lookupable))];
  const out: LibrarySong[] = [];
  for (let i = 0; i < wanted.length; i += SONG_LOOKUP_MAX_IDS) {
    const chunk = wanted.slice(i, i + SONG_LOOKUP_MAX_IDS);
    out.push(
      ...(await apiRequest({
        path: '/api/v1/music/songs',
        query: { ids: chunk.join(',') },
        schema: librarySongListSchema,
        signal,
      })),
    );
  }
  return out;
}

/** Catalog details by id, for a snapshot link made before issue 21 (`/shared-playlist#…`). */
export const playlistQueries = {
  all: () => ['playlists'] as const,
  /** catalog details of these songs (public: a shared link shows them to anyone), by id */
  songs: (ids: readonly string[]) => {
    const key = [...new Set(ids)].sort().join(',');
    return queryOptions({
      queryKey: [...playlistQueries.all(), 'songs', key] as const,
      queryFn: async ({ signal }) => {
        const songs = await lookupSongs(ids, signal);
        return new Map(songs.map((s) => [s.id.toLowerCase(), s]));
      },
      enabled: ids.length > 0,
      staleTime: 60_000,
    });
  },
};

/** The catalog song an id names, or undefined when it no longer exists (shown as unavailable). */
export const songFor = (songs: ReadonlyMap<string, LibrarySong> | undefined, id: string) =>
  songs?.get(id.toLowerCase());
