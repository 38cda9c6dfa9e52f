import { queryOptions } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import {
  followedArtistListSchema,
  LIKED_PAGE_MAX,
  libraryIdsSchema,
  likedSongPageSchema,
  savedAlbumListSchema,
  type LikedSongPage,
} from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';

const STALE_MS = 60_000;

export const libraryQueries = {
  all: () => ['library'] as const,
  mine: (auth: Credentials) => [...libraryQueries.all(), auth.id] as const,
  ids: (auth: Credentials) =>
    queryOptions({
      queryKey: [...libraryQueries.mine(auth), 'ids'] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/me/library', schema: libraryIdsSchema, auth, signal }),
      staleTime: STALE_MS,
      meta: { private: true },
    }),
  /** Every liked song, newest first, gathered page by page (a listener may have thousands). */
  songs: (auth: Credentials) =>
    queryOptions({
      queryKey: [...libraryQueries.mine(auth), 'songs'] as const,
      queryFn: async ({ signal }) => {
        const items: LikedSongPage['items'] = [];
        for (let pg = 0; ; pg++) {
          const page = await apiRequest({
            path: '/api/v1/me/library/songs',
            query: { limit: LIKED_PAGE_MAX, pg },
            schema: likedSongPageSchema,
            auth,
            signal,
          });
          items.push(...page.items);
          if (pg + 1 >= page.pageCount) return items;
        }
      },
      staleTime: STALE_MS,
      meta: { private: true },
    }),
  albums: (auth: Credentials) =>
    queryOptions({
      queryKey: [...libraryQueries.mine(auth), 'albums'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/me/library/albums', schema: savedAlbumListSchema, auth, signal }),
      staleTime: STALE_MS,
      meta: { private: true },
    }),
  artists: (auth: Credentials) =>
    queryOptions({
      queryKey: [...libraryQueries.mine(auth), 'artists'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/me/library/artists', schema: followedArtistListSchema, auth, signal }),
      staleTime: STALE_MS,
      meta: { private: true },
    }),
};
