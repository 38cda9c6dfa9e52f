import { queryOptions } from '@tanstack/react-query';
import { mySongListSchema } from '@contract/listener';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

/** Download links are signed for an hour; refetching after a minute keeps them far from expiry. */
const MY_SONGS_STALE_MS = 60_000;

export const mySongsQueries = {
  all: () => ['my-songs'] as const,
  list: (auth: SessionAuth) =>
    queryOptions({
      queryKey: [...mySongsQueries.all(), auth.id] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/music/mysongs', schema: mySongListSchema, auth, signal }),
      staleTime: MY_SONGS_STALE_MS,
      meta: { private: true },
    }),
};
