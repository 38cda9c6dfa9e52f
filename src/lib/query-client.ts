import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/**
 * Retries only what can get better by waiting (network, 429, 5xx), twice and quickly, so that a
 * page says within about two seconds that the server cannot be reached (it offers to try again);
 * a server that names its wait (Retry-After) is waited for, and the notice banner says so.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, err) => err instanceof ApiError && err.isTransient && failures < 2,
        retryDelay: (attempt, err) =>
          err instanceof ApiError && err.retryAfterSec ? err.retryAfterSec * 1000 : 300 * 2 ** attempt,
      },
      mutations: { retry: false },
    },
  });
}
