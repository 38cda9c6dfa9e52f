import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  myPlaylistsSchema,
  playlistDetailSchema,
  playlistSummarySchema,
  VISIBILITIES,
  type PlaylistOp,
  type Visibility,
} from '../../../../contract/playlists';
import { apiRequest, type ApiCredentials } from '../../../lib/api-client';

export type PlaylistAuth = ApiCredentials & { id: string };

/** Another tab or device may edit too: open pages look again this often (and on focus). */
const FOLLOW_MS = 3000;

export const resourceQueries = {
  all: () => ['playlists'] as const,
  mine: (auth: PlaylistAuth) =>
    queryOptions({
      queryKey: ['playlists', 'mine', auth.id] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/me/playlists', schema: myPlaylistsSchema, auth, signal }),
      staleTime: 5_000,
      refetchInterval: FOLLOW_MS * 2,
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
      staleTime: 1_000,
      refetchInterval: FOLLOW_MS,
      meta: { private: true },
    }),
  shared: (token: string) =>
    queryOptions({
      queryKey: ['playlists', 'shared', token] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/music/playlists/shared/${encodeURIComponent(token)}`,
          schema: playlistDetailSchema,
          signal,
        }),
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
