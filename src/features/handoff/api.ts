import { playbackAnswerSchema, type PlaybackAnswer, type PlaybackSave } from '@contract/playback';
import { apiRequest, type ApiCredentials } from '@/lib/api-client';

/** The listener's playback state as the server keeps it, and the time the answer took to come. */
export async function readPlayback(
  auth: ApiCredentials,
  deviceId: string,
): Promise<{ answer: PlaybackAnswer; receivedAt: number; halfTripSec: number }> {
  const sent = performance.now();
  const answer = await apiRequest({
    path: '/api/v1/me/playback',
    query: { deviceId },
    schema: playbackAnswerSchema,
    auth,
  });
  const receivedAt = performance.now();
  return { answer, receivedAt, halfTripSec: (receivedAt - sent) / 2000 };
}

export function savePlayback(auth: ApiCredentials, body: PlaybackSave): Promise<PlaybackAnswer> {
  return apiRequest({ method: 'PUT', path: '/api/v1/me/playback', body, schema: playbackAnswerSchema, auth });
}
