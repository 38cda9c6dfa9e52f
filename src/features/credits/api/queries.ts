import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { balanceSchema, ledgerPageSchema } from '@contract/listener';
import { creditOptionsSchema } from '@contract/money';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

/** A balance changes with every paid stream: keep it fresh, but not per render. */
const BALANCE_STALE_MS = 15_000;
const HISTORY_STALE_MS = 30_000;
export const HISTORY_PER_PAGE = 20;

type Auth = SessionAuth;

export function fetchBalance(auth: Auth, refresh: boolean, signal?: AbortSignal) {
  return apiRequest({
    path: '/api/v1/credits/balance',
    query: refresh ? { refresh: 1 } : {},
    schema: balanceSchema,
    auth,
    signal,
  });
}

export const creditsQueries = {
  all: () => ['credits'] as const,
  /** whether credits can be bought by card here: the server's configuration, rarely changing */
  options: () =>
    queryOptions({
      queryKey: [...creditsQueries.all(), 'options'] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/credits/options', schema: creditOptionsSchema, signal }),
      staleTime: 10 * 60_000,
    }),
  mine: (auth: Auth) => [...creditsQueries.all(), auth.id] as const,
  balance: (auth: Auth) =>
    queryOptions({
      queryKey: [...creditsQueries.mine(auth), 'balance'] as const,
      queryFn: ({ signal }) => fetchBalance(auth, false, signal),
      staleTime: BALANCE_STALE_MS,
      meta: { private: true },
    }),
  history: (auth: Auth, page: number) =>
    queryOptions({
      queryKey: [...creditsQueries.mine(auth), 'history', page] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: '/api/v1/credits/history',
          query: { pg: page, limit: HISTORY_PER_PAGE },
          schema: ledgerPageSchema,
          auth,
          signal,
        }),
      staleTime: HISTORY_STALE_MS,
      placeholderData: keepPreviousData,
      meta: { private: true },
    }),
};
