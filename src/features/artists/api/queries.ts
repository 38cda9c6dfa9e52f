import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { albumListSchema, artistPageSchema, artistProfileSchema, librarySongPageSchema } from '@contract/catalog';
import { playedSongListSchema } from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';

/** Artist profiles and their catalogs change when an artist edits them: minutes, not seconds. */
const ARTISTS_STALE_MS = 5 * 60_000;
export const ARTISTS_PER_PAGE = 24;

export const artistQueries = {
  all: () => ['artists'] as const,
  list: (page: number) =>
    queryOptions({
      queryKey: [...artistQueries.all(), 'list', page] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: '/api/v1/artists',
          query: { pg: page, limit: ARTISTS_PER_PAGE },
          schema: artistPageSchema,
          signal,
        }),
      staleTime: ARTISTS_STALE_MS,
    }),
  profile: (profileId: string) =>
    queryOptions({
      queryKey: [...artistQueries.all(), 'profile', profileId] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/artist/profile/${encodeURIComponent(profileId)}`,
          schema: artistProfileSchema,
          signal,
        }),
      staleTime: ARTISTS_STALE_MS,
    }),
  songs: (profileId: string, page: number) =>
    queryOptions({
      queryKey: [...artistQueries.all(), 'profile', profileId, 'songs', page] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/artist/${encodeURIComponent(profileId)}/songs`,
          query: { pg: page },
          schema: librarySongPageSchema,
          signal,
        }),
      staleTime: ARTISTS_STALE_MS,
    }),
  /** The discography, newest first. */
  albums: (profileId: string) =>
    queryOptions({
      queryKey: [...artistQueries.all(), 'profile', profileId, 'albums'] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/music/artists/${encodeURIComponent(profileId)}/albums`,
          schema: albumListSchema,
          signal,
        }),
      staleTime: ARTISTS_STALE_MS,
    }),
  /** The most played songs across listeners. */
  top: (profileId: string) =>
    queryOptions({
      queryKey: [...artistQueries.all(), 'profile', profileId, 'top'] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: `/api/v1/music/artists/${encodeURIComponent(profileId)}/top-songs`,
          schema: playedSongListSchema,
          signal,
        }),
      staleTime: 60_000,
    }),
};

/** Loads an artist's profile and first page of songs ahead of a click. */
export function usePrefetchArtist(): (profileId: string) => void {
  const client = useQueryClient();
  return useCallback(
    (profileId: string) => {
      void client.prefetchQuery(artistQueries.profile(profileId));
      void client.prefetchQuery(artistQueries.songs(profileId, 0));
    },
    [client],
  );
}
