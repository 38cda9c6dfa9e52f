import { queryOptions } from '@tanstack/react-query';
import { tcaResponseSchema } from '@contract/listener';
import { apiRequest, type SessionAuth } from '@/lib/api-client';

/** Token holdings change rarely (a purchase elsewhere); a minute is fresh enough for badges. */
const TOKEN_STATUS_STALE_MS = 60_000;
/** The TCA endpoint answers about at most 100 tokens per call. */
const TCA_MAX = 100;

export const songsQueries = {
  all: () => ['songs'] as const,
  /**
   * Which of these tokens the signed-in user holds (POST /api/v1/tca/status). The key has the
   * user's id, so another user never sees a cached answer.
   */
  heldTokens: (auth: SessionAuth | null, tokens: readonly string[]) =>
    queryOptions({
      queryKey: [...songsQueries.all(), 'held-tokens', auth?.id ?? 'anonymous', tokens.join(',')] as const,
      enabled: auth !== null && tokens.length > 0,
      staleTime: TOKEN_STATUS_STALE_MS,
      meta: { private: true },
      queryFn: async ({ signal }) => {
        const held = new Set<string>();
        if (!auth) return held;
        for (let i = 0; i < tokens.length; i += TCA_MAX) {
          const chunk = tokens.slice(i, i + TCA_MAX);
          const res = await apiRequest({
            method: 'POST',
            path: '/api/v1/tca/status',
            body: { tokens: Object.fromEntries(chunk.map((t) => [t, 1])) },
            schema: tcaResponseSchema,
            auth,
            signal,
          });
          for (const [token, ok] of Object.entries(res.access)) if (ok) held.add(token.toUpperCase());
        }
        return held;
      },
    }),
};
