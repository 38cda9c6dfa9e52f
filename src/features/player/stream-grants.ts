/**
 * The player's stream grants: one authorization per song while its signed link works, shared by
 * a preload and a click that race, and forgotten when the listener changes.
 */
import type { StreamAuth } from '@contract/listener';
import { ApiError } from '@/lib/api-error';
import type { ApiCredentials } from '@/lib/api-client';
import { authorizeStream } from './api/stream';
import { grantFrom, isUsable, type StreamGrant } from './lib/grants';
import { actions as store } from './store';

export interface PlayerHost {
  /** the signed-in listener's credentials, or null */
  getAuth: () => ApiCredentials | null;
  /** every answer of the stream authorization (the balance in it is the newest there is) */
  onAuthorized: (songId: string, auth: StreamAuth) => void;
}

let host: PlayerHost = { getAuth: () => null, onAuthorized: () => {} };
export function configure(h: PlayerHost): void {
  host = h;
}

const grants = new Map<string, StreamGrant>();
const pending = new Map<string, Promise<StreamGrant | StreamAuth>>();

export const isGrant = (g: StreamGrant | StreamAuth): g is StreamGrant => 'urlExpiresAt' in g;

/** A grant for this song (the cached one while its link works, else a new authorization), or the refusal. */
export function grantFor(songId: string): Promise<StreamGrant | StreamAuth> {
  const cached = grants.get(songId);
  if (isUsable(cached, Date.now())) return Promise.resolve(cached);
  const auth = host.getAuth();
  if (!auth) return Promise.reject(new ApiError(401, 'Log in to listen.'));
  let asked = pending.get(songId);
  if (!asked) {
    asked = authorizeStream(auth, songId)
      .then((answer) => {
        host.onAuthorized(songId, answer);
        const grant = grantFrom(songId, answer);
        if (!grant) return answer;
        grants.set(songId, grant);
        if (answer.chargedSat > 0) {
          store.charged({ songId, chargedFloat: answer.chargedSat / 1e8, balanceFloat: answer.balanceFloat });
        }
        return grant;
      })
      .finally(() => pending.delete(songId));
    pending.set(songId, asked);
  }
  return asked;
}

export function hasUsableGrant(songId: string): boolean {
  return isUsable(grants.get(songId), Date.now());
}

/** The server said 403: this grant's link is no good any more. */
export function dropGrant(songId: string): void {
  grants.delete(songId);
}

/** Sign-out: the next listener gets no grant of this one. */
export function forgetGrants(): void {
  grants.clear();
  pending.clear();
}
