import { queryOptions } from '@tanstack/react-query';
import { librarySongListSchema, SONG_LOOKUP_MAX_IDS, type LibrarySong } from '../../../../contract/catalog';
import { storedPlaylistsSchema } from '../../../../contract/listener';
import { apiRequest, type SessionAuth } from '../../../lib/api-client';
import { fromWire, type PlaylistDoc } from '../lib/document';

/** The stored document and the version it is (its ETag), which a conditional save names. */
export interface StoredPlaylists {
  doc: PlaylistDoc;
  etag: string | null;
}

export type PlaylistAuth = SessionAuth;

export async function fetchPlaylists(auth: PlaylistAuth, signal?: AbortSignal): Promise<StoredPlaylists> {
  let etag: string | null = null;
  const wire = await apiRequest({
    path: '/api/v1/playlists',
    schema: storedPlaylistsSchema,
    auth,
    signal,
    onHeaders: (h) => (etag = h.get('etag')),
  });
  return { doc: fromWire(wire), etag };
}

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

export const playlistQueries = {
  all: () => ['playlists'] as const,
  /** the signed-in user's playlists document; the key has the user's id */
  document: (auth: PlaylistAuth) =>
    queryOptions({
      queryKey: [...playlistQueries.all(), 'document', auth.id] as const,
      queryFn: ({ signal }) => fetchPlaylists(auth, signal),
      staleTime: 10_000,
      meta: { private: true },
    }),
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
