import type { Db } from '../db/connection.js';
import { UserCache } from './user-cache.js';

export { UserCache } from './user-cache.js';

/** How long another process's write can go unseen at most (when a notification is lost). */
export const CACHE_TTL_MS = 2000;

export interface AppCaches {
  users: UserCache;
  /**
   * Whether a repeated rights answer (grant reuse, a TCA check) may come from the cache: only on the
   * embedded database, where this process is the only writer and a change's notification arrives
   * before its commit returns. On PostgreSQL another process may have written a moment ago, so
   * rights are always read from the database there.
   */
  rightsFromCache: boolean;
}

export function createCaches(db: Db): AppCaches {
  return { users: new UserCache(CACHE_TTL_MS), rightsFromCache: db.kind === 'pglite' };
}

/**
 * Follows the database's change notifications (migration 014): each drops the user's cached
 * answers (and sessions) in this process. Answers the function that stops following.
 */
export async function followChanges(
  db: Db,
  caches: AppCaches,
  sessions: { forgetUser(userId: string): void; clear(): void },
): Promise<() => Promise<void>> {
  if (!db.listen) return async () => undefined;
  return db.listen(
    'user_changed',
    (userId) => {
      caches.users.invalidate(userId);
      if (userId !== '*') sessions.forgetUser(userId);
    },
    () => {
      caches.users.clear();
      sessions.clear();
    },
  );
}
