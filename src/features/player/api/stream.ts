import { streamAuthSchema, type StreamAuth } from '@contract/listener';
import { apiRequest, type ApiCredentials } from '@/lib/api-client';

/**
 * POST /api/v1/stream/{songId}: the server decides (token, credits or refused), charges at most
 * once per live grant, and answers with a signed stream URL. Not a query: it may spend credits.
 */
export function authorizeStream(auth: ApiCredentials, songId: string): Promise<StreamAuth> {
  return apiRequest({
    method: 'POST',
    path: `/api/v1/stream/${encodeURIComponent(songId)}`,
    body: {},
    schema: streamAuthSchema,
    auth,
    ownNotice: true, // the player bar says why it waits, and tries again (engine.ts)
  });
}
