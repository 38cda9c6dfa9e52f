import type { Credentials } from '@contract/account';
import { albumPageSchema, homeSchema, playedSongListSchema, type AlbumSort } from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';

// Loaded with the first of these requests: the schemas are not on the home page's critical path.

export const fetchHome = (auth: Credentials, signal: AbortSignal) =>
  apiRequest({ path: '/api/v1/me/home', schema: homeSchema, auth, signal });

export const fetchPopular = (signal: AbortSignal) =>
  apiRequest({ path: '/api/v1/music/popular', schema: playedSongListSchema, signal });

export const fetchAlbums = (q: { sort: AlbumSort; genre: string; page: number; limit: number }, signal: AbortSignal) =>
  apiRequest({
    path: '/api/v1/music/albums',
    query: { sort: q.sort, genre: q.genre || undefined, pg: q.page || undefined, limit: q.limit },
    schema: albumPageSchema,
    signal,
  });
