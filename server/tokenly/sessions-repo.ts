import type { Queryable } from '../db/connection.js';

export interface SessionRow {
  user_id: string;
  secret_key: string;
  username: string;
  email: string;
}

/** A session that is live: not revoked and used within the last `idleDays`. */
export async function liveSession(db: Queryable, token: string, idleDays: number): Promise<SessionRow | undefined> {
  const r = await db.query<SessionRow>(
    `select s.user_id, s.secret_key, u.username, u.email
       from api_sessions s join users u on u.id = s.user_id
      where s.api_token = $1 and s.revoked_at is null and s.last_used_at > now() - make_interval(days => $2)`,
    [token, idleDays],
  );
  return r.rows[0];
}

/** Use keeps a session alive; written at most once an hour per session. */
export async function touchSession(db: Queryable, token: string): Promise<void> {
  await db.query(
    `update api_sessions set last_used_at = now() where api_token = $1 and last_used_at < now() - interval '1 hour'`,
    [token],
  );
}
