import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { genrePageSchema, librarySongPageSchema, tagPageSchema } from '@contract/catalog';
import { apiRequest } from '@/lib/api-client';
import { toApiQuery, type SearchCriteria } from '../lib/search-params';

const SEARCH_STALE_MS = 60_000;
const DIRECTORY_STALE_MS = 10 * 60_000;
export const RESULTS_PER_PAGE = 20;

export const searchQueries = {
  all: () => ['search'] as const,
  results: (c: SearchCriteria) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', toApiQuery(c)] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: '/api/v1/library',
          query: { ...toApiQuery(c), limit: RESULTS_PER_PAGE },
          schema: librarySongPageSchema,
          signal,
        }),
      staleTime: SEARCH_STALE_MS,
      // Paging keeps the old page on screen until the next one arrives.
      placeholderData: keepPreviousData,
    }),
  genres: (page: number) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'genres', page] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/genres', query: { pg: page }, schema: genrePageSchema, signal }),
      staleTime: DIRECTORY_STALE_MS,
    }),
  tags: (page: number) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'tags', page] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/tags', query: { pg: page }, schema: tagPageSchema, signal }),
      staleTime: DIRECTORY_STALE_MS,
    }),
};
