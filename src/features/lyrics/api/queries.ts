import { queryOptions } from '@tanstack/react-query';
import { songListSchema } from '@contract/catalog';
import { apiRequest } from '@/lib/api-client';

/**
 * A song's lyrics come with its album's song list (the publisher's `lyrics` field); the key is the
 * catalog's own, so an album page already open shares the answer.
 */
export const lyricsQuery = (albumId: string) =>
  queryOptions({
    queryKey: ['catalog', 'album', albumId, 'songs'] as const,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/v1/music/catalog/songs/${encodeURIComponent(albumId)}`,
        schema: songListSchema,
        signal,
      }),
    staleTime: 5 * 60_000,
  });
