import { queryOptions } from '@tanstack/react-query';

export const suggestQueries = {
  all: () => ['suggest'] as const,
  text: (q: string) =>
    queryOptions({
      queryKey: [...suggestQueries.all(), q.trim().toLowerCase()] as const,
      queryFn: async ({ signal }) => (await import('./suggest-fetch')).fetchSuggestions(q.trim(), signal),
      staleTime: 60_000,
      retry: 1,
    }),
  /** The same answer as the combobox's options, in display order. */
  options: (q: string) =>
    queryOptions({
      queryKey: [...suggestQueries.all(), 'options', q.trim().toLowerCase()] as const,
      queryFn: async ({ signal }) => {
        const m = await import('./suggest-fetch');
        return m.toOptions(await m.fetchSuggestions(q.trim(), signal));
      },
      staleTime: 60_000,
      retry: 1,
    }),
};

export interface SuggestionOption {
  id: string;
  group: 'Songs' | 'Albums' | 'Artists' | 'Genres';
  label: string;
  detail: string;
  /** where choosing it goes */
  to: string;
  /** artwork or picture shown beside it (round for an artist); none for a genre */
  image?: string | null;
}
