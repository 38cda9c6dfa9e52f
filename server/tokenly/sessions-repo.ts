import type { Queryable } from '../db/connection.js';

export interface SessionRow {
  user_id: string;
  secret_key: string;
  username: string;
  email: string;
  /** last used more than an hour ago: `touchSession` is due */
  touch_due?: boolean;
}

/**
 * SQL: whether the session of this token is live for this user (SQL expressions, `days` the idle
 * limit), as `liveSession` asks it; for statements that check the session with what they answer.
 */
export const sessionIsLive = (token: string, user: string, days: string) =>
  `exists (select 1 from api_sessions x where x.api_token = ${token} and x.user_id = ${user}
             and x.revoked_at is null and x.last_used_at > now() - make_interval(days => ${days}))`;

/** A session that is live (not revoked, used within the last `idleDays`), and whether its use is due to be written down. */
export async function liveSession(db: Queryable, token: string, idleDays: number): Promise<SessionRow | undefined> {
  const r = await db.query<SessionRow>(
    `select s.user_id, s.secret_key, u.username, u.email, s.last_used_at < now() - interval '1 hour' as touch_due
       from api_sessions s join users u on u.id = s.user_id
      where s.api_token = $1 and s.revoked_at is null and s.last_used_at > now() - make_interval(days => $2)`,
    [token, idleDays],
    { prepare: 'live-session' },
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
