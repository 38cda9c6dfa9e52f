import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Retries only what can get better by waiting (network, 429, 5xx), with exponential backoff. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, err) => err instanceof ApiError && err.isTransient && failures < 3,
        retryDelay: (attempt, err) =>
          err instanceof ApiError && err.retryAfterSec
            ? err.retryAfterSec * 1000
            : Math.min(1000 * 2 ** attempt, 15_000),
      },
      mutations: { retry: false },
    },
  });
}
