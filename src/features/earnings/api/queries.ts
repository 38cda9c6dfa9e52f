import { queryOptions } from '@tanstack/react-query';
import { earningsSchema, statementSchema } from '@contract/money';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

type Auth = SessionAuth;

export const earningsQueries = {
  all: () => ['earnings'] as const,
  mine: (auth: Auth, days: number) =>
    queryOptions({
      queryKey: [...earningsQueries.all(), auth.id, days] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: '/api/v1/artist/earnings', query: { days }, schema: earningsSchema, auth, signal }),
      staleTime: 30_000,
      meta: { private: true },
    }),
};

/** The month's statement as the server writes it (CSV text and a file name). */
export function fetchStatement(auth: Auth, month: string) {
  return apiRequest({ path: '/api/v1/artist/earnings/statement', query: { month }, schema: statementSchema, auth });
}
