import type { AccountSession } from '@contract/account-settings.js';
import { pgErrorCode, type Db, type Queryable } from '../db/connection.js';
import { forbidden, HttpError, notFound } from '../lib/errors.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { sha256Hex } from '../lib/random.js';
import { revokeMediaLinks } from '../storage/media-access-repo.js';

/** A session's opaque id: a hash of its token, so the browser never sees another session's token. */
export const sessionIdOf = (apiToken: string): string => sha256Hex(`session-id:${apiToken}`).slice(0, 32);

/** Throws 403 unless `password` is the user's current password. */
export async function checkCurrentPassword(db: Queryable, userId: string, password: string): Promise<void> {
  const r = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]);
  const hash = r.rows[0]?.password_hash;
  if (!hash || !(await verifyPassword(password, hash)))
    throw forbidden('currentPassword: this is not your current password');
}

/** Ends the user's live sessions except `keepToken`; their media links end too. Returns how many ended. */
export async function endOtherSessions(db: Queryable, userId: string, keepToken: string): Promise<number> {
  const r = await db.query(
    'update api_sessions set revoked_at = now() where user_id = $1 and api_token <> $2 and revoked_at is null returning user_id',
    [userId, keepToken],
  );
  await revokeMediaLinks(db, userId);
  return r.rows.length;
}

/** Sets a new password (already checked) and ends every other session, in one transaction. */
export async function changePassword(db: Db, userId: string, keepToken: string, password: string): Promise<number> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $1 where id = $2', [hash, userId]);
    // A pending reset code would undo the change: it dies with the old password.
    await tx.query('update password_resets set used_at = now() where user_id = $1 and used_at is null', [userId]);
    return endOtherSessions(tx, userId, keepToken);
  });
}

export async function changeEmail(db: Queryable, userId: string, email: string): Promise<void> {
  const taken = await db.query('select 1 from users where lower(email) = lower($1) and id <> $2', [email, userId]);
  if (taken.rows.length > 0) throw new HttpError(409, 'email: another account already uses this address');
  try {
    await db.query('update users set email = $1 where id = $2', [email, userId]);
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new HttpError(409, 'email: another account already uses this address');
    throw err;
  }
}

async function liveTokens(db: Queryable, userId: string, idleDays: number) {
  const r = await db.query<{ api_token: string; created_at: Date; last_used_at: Date }>(
    `select api_token, created_at, last_used_at from api_sessions
      where user_id = $1 and revoked_at is null and last_used_at > now() - make_interval(days => $2)
      order by last_used_at desc, created_at desc`,
    [userId, idleDays],
  );
  return r.rows;
}

/** The user's live sessions, most recently used first, named by opaque ids. */
export async function listSessions(
  db: Queryable,
  userId: string,
  currentToken: string,
  idleDays: number,
): Promise<AccountSession[]> {
  return (await liveTokens(db, userId, idleDays)).map((s) => ({
    id: sessionIdOf(s.api_token),
    createdAt: new Date(s.created_at).toISOString(),
    lastUsedAt: new Date(s.last_used_at).toISOString(),
    current: s.api_token === currentToken,
  }));
}

/** Ends one live session of the user by its id; 404 when the user has no such live session. */
export async function endSession(db: Queryable, userId: string, id: string, idleDays: number): Promise<void> {
  const hit = (await liveTokens(db, userId, idleDays)).find((s) => sessionIdOf(s.api_token) === id);
  if (!hit) throw notFound('Session');
  await db.query('update api_sessions set revoked_at = now() where api_token = $1 and user_id = $2', [
    hit.api_token,
    userId,
  ]);
}
