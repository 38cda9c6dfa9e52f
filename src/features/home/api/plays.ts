import type { Credentials } from '@contract/account';
import { playRecordedSchema, type PlayEvent } from '@contract/listener-app';
import { apiRequest } from '@/lib/api-client';

/** Tells the server a song started playing (its listening history); a failure is not the listener's problem. */
export async function reportPlay(auth: Credentials, event: PlayEvent): Promise<void> {
  await apiRequest({ method: 'POST', path: '/api/v1/me/plays', body: event, schema: playRecordedSchema, auth }).catch(
    () => undefined,
  );
}
