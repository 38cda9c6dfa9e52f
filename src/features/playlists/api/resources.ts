import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  myPlaylistsSchema,
  playlistDetailSchema,
  playlistSummarySchema,
  VISIBILITIES,
  type PlaylistDetail,
  type PlaylistOp,
  type Visibility,
} from '@contract/playlists';
import { librarySongSchema, type LibrarySong } from '@contract/catalog';
import { apiRequest, type ApiCredentials } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';

export type PlaylistAuth = ApiCredentials & { id: string };

const detailShell = playlistDetailSchema.extend({ songs: z.array(z.unknown()) });
const songChunk = z.array(librarySongSchema);
const SONG_CHUNK = 400;

/**
 * A playlist with its songs. Thousands of songs are checked a few hundred at a time, letting the
 * page breathe in between, so that no single task holds the main thread long (issue 21's budget).
 */
async function fetchDetail(path: string, auth: PlaylistAuth | undefined, signal: AbortSignal): Promise<PlaylistDetail> {
  const shell = await apiRequest({ path, schema: detailShell, auth, signal });
  const songs: LibrarySong[] = [];
  for (let i = 0; i < shell.songs.length; i += SONG_CHUNK) {
    const chunk = songChunk.safeParse(shell.songs.slice(i, i + SONG_CHUNK));
    if (!chunk.success) throw new ApiError(502, `The server sent an unexpected answer for ${path}`);
    songs.push(...chunk.data);
    if (i + SONG_CHUNK < shell.songs.length) await new Promise((r) => setTimeout(r, 0));
  }
  return { ...shell, songs };
}

/** Another tab or device may edit too: open pages look again this often (and on focus). */
const FOLLOW_MS = 3000;

export const resourceQueries = {
  all: () => ['playlists'] as const,
  mine: (auth: PlaylistAuth) =>
    queryOptions({
      queryKey: ['playlists', 'mine', auth.id] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/me/playlists', schema: myPlaylistsSchema, auth, signal }),
      staleTime: 5_000,
      refetchInterval: FOLLOW_MS,
      meta: { private: true },
    }),
  detail: (auth: PlaylistAuth, id: string) =>
    queryOptions({
      queryKey: ['playlists', 'detail', auth.id, id] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/me/playlists/${encodeURIComponent(id)}`,
          schema: playlistDetailSchema,
          auth,
          signal,
        }),
      // Followed through `mine` (its versions, see usePlaylistEdits), so that thousands of songs
      // are not fetched again every few seconds for nothing.
      staleTime: 1_000,
      meta: { private: true },
    }),
  shared: (token: string) =>
    queryOptions({
      queryKey: ['playlists', 'shared', token] as const,
      queryFn: ({ signal }) =>
        fetchDetail(`/api/v1/music/playlists/shared/${encodeURIComponent(token)}`, undefined, signal),
      refetchInterval: FOLLOW_MS * 2,
    }),
};

const opsResultSchema = z.object({
  version: z.number(),
  name: z.string(),
  songCount: z.number(),
  skipped: z.array(z.number()),
  merged: z.boolean(),
});

export const postOps = (auth: PlaylistAuth, id: string, version: number, ops: PlaylistOp[]) =>
  apiRequest({
    method: 'POST',
    path: `/api/v1/me/playlists/${encodeURIComponent(id)}/ops`,
    body: { ops },
    headers: { 'If-Match': `"p${version}"` },
    schema: opsResultSchema,
    auth,
  });

export const createPlaylist = (
  auth: PlaylistAuth,
  body: { name: string; songIds?: readonly string[]; allowDuplicates?: boolean; fromShared?: string },
) => apiRequest({ method: 'POST', path: '/api/v1/me/playlists', body, schema: playlistDetailSchema, auth });

export const deletePlaylist = (auth: PlaylistAuth, id: string) =>
  apiRequest({
    method: 'DELETE',
    path: `/api/v1/me/playlists/${encodeURIComponent(id)}`,
    schema: z.object({ id: z.string() }),
    auth,
  });

export const setSharing = (auth: PlaylistAuth, id: string, visibility: Visibility) =>
  apiRequest({
    method: 'PUT',
    path: `/api/v1/me/playlists/${encodeURIComponent(id)}/sharing`,
    body: { visibility },
    schema: z.object({ visibility: z.enum(VISIBILITIES), shareToken: z.string().nullable() }),
    auth,
  });

export const putCover = (auth: PlaylistAuth, id: string, image: string | null) =>
  apiRequest({
    method: image === null ? 'DELETE' : 'PUT',
    path: `/api/v1/me/playlists/${encodeURIComponent(id)}/cover`,
    ...(image === null ? {} : { body: { image } }),
    schema: playlistSummarySchema,
    auth,
  });

export const setFollowing = (auth: PlaylistAuth, token: string, follow: boolean) =>
  apiRequest({
    method: follow ? 'PUT' : 'DELETE',
    path: `/api/v1/me/playlists/following/${encodeURIComponent(token)}`,
    schema: z.object({ following: z.boolean() }),
    auth,
  });

/** The live page of a shared playlist. */
export const sharedPath = (token: string) => `/p/${encodeURIComponent(token)}`;
