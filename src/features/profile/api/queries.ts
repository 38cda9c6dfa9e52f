import { queryOptions } from '@tanstack/react-query';
import { profileSchema } from '@contract/account';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

const PROFILE_STALE_MS = 60_000;

export const profileQueries = {
  all: () => ['profile'] as const,
  /** the signed-in user's own profile document (GET /api/v1/profile) */
  own: (auth: SessionAuth) =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'own', auth.id] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/api/v1/profile', schema: profileSchema, auth, signal }),
      staleTime: PROFILE_STALE_MS,
      meta: { private: true },
    }),
  /** anyone's public profile by username */
  public: (username: string) =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'public', username.toLowerCase()] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: `/api/v1/profiles/${encodeURIComponent(username)}`, schema: profileSchema, signal }),
      staleTime: PROFILE_STALE_MS,
    }),
};
