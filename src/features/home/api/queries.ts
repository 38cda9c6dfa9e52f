import { queryOptions } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import type { AlbumSort } from '@contract/listener-app';

export const ALBUMS_PER_PAGE = 48;
const load = () => import('./home-fetch');

export const homeQueries = {
  all: () => ['home'] as const,
  mine: (auth: Credentials) =>
    queryOptions({
      queryKey: [...homeQueries.all(), 'mine', auth.id] as const,
      queryFn: async ({ signal }) => (await load()).fetchHome(auth, signal),
      staleTime: 30_000,
      meta: { private: true },
    }),
  popular: () =>
    queryOptions({
      queryKey: [...homeQueries.all(), 'popular'] as const,
      queryFn: async ({ signal }) => (await load()).fetchPopular(signal),
      staleTime: 60_000,
    }),
  albums: (sort: AlbumSort, genre: string, page: number, limit = ALBUMS_PER_PAGE) =>
    queryOptions({
      queryKey: [...homeQueries.all(), 'albums', sort, genre, page, limit] as const,
      queryFn: async ({ signal }) => (await load()).fetchAlbums({ sort, genre, page, limit }, signal),
      staleTime: 5 * 60_000,
    }),
};
