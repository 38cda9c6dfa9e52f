import { queryOptions } from '@tanstack/react-query';
import { albumListSchema, albumSchema, songListSchema } from '@contract/catalog';
import { apiRequest } from '@/lib/api-client';

const CATALOG_STALE_MS = 5 * 60_000;

export const catalogQueries = {
  all: () => ['catalog'] as const,
  albums: () =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'albums'] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/music/catalog/albums', schema: albumListSchema, signal }),
      staleTime: CATALOG_STALE_MS,
    }),
  album: (id: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'album', id] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: `/api/v1/music/album/${encodeURIComponent(id)}`, schema: albumSchema, signal }),
      staleTime: CATALOG_STALE_MS,
    }),
  albumSongs: (id: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'album', id, 'songs'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: `/api/v1/music/catalog/songs/${encodeURIComponent(id)}`, schema: songListSchema, signal }),
      staleTime: CATALOG_STALE_MS,
    }),
};
