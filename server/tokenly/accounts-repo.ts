import type { Credentials } from '@contract/account.js';
import { pgErrorCode, type Db, type Queryable } from '../db/connection.js';
import { HttpError, unprocessable } from '../lib/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../lib/passwords.js';
import { issueCredits } from '../money/index.js';
import { newApiSecret, newApiToken, randomAlnum, sha256Hex } from '../lib/random.js';
import { revokeMediaLinks } from '../storage/media-access-repo.js';
import { checkLoginBackoff, clearLoginFailures, recordLoginFailure } from './login-backoff-repo.js';

export const RESET_TOKEN_TTL_MIN = 60;

/** A registration refused because the email has an account: said without saying so; the owner is mailed. */
export class EmailTakenError extends HttpError {
  constructor(readonly email: string) {
    super(
      409,
      'email: we could not register with this address (if you already have an account, log in or reset your password)',
    );
  }
}

async function newSession(db: Queryable, user: { id: string; username: string; email: string }): Promise<Credentials> {
  const apiToken = newApiToken();
  const apiSecretKey = newApiSecret();
  await db.query('insert into api_sessions (api_token, user_id, secret_key) values ($1, $2, $3)', [
    apiToken,
    user.id,
    apiSecretKey,
  ]);
  return { id: user.id, username: user.username, email: user.email, apiToken, apiSecretKey };
}

export async function register(
  db: Db,
  input: { username: string; password: string; email: string; code: string },
  opts: { welcomeCreditsSat: number } = { welcomeCreditsSat: 0 },
): Promise<Credentials> {
  // Hash outside the transaction: it is the slow part and needs no lock.
  const hash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const invite = await tx.query<{ code: string }>(
        `update invites set uses_left = case when uses_left is null then null else uses_left - 1 end
          where upper(code) = upper($1) and (uses_left is null or uses_left > 0)
            and (expires_at is null or expires_at > now())
          returning code`,
        [input.code],
      );
      if (invite.rows.length === 0) throw unprocessable('code: this invitation code is not valid or has been used up');
      const taken = await tx.query<{ username_taken: boolean; email_taken: boolean }>(
        `select bool_or(lower(username) = lower($1)) as username_taken, bool_or(lower(email) = lower($2)) as email_taken
           from users where lower(username) = lower($1) or lower(email) = lower($2)`,
        [input.username, input.email],
      );
      if (taken.rows[0]?.username_taken) throw new HttpError(409, 'username: this username is already taken');
      if (taken.rows[0]?.email_taken) throw new EmailTakenError(input.email);
      const u = await tx.query<{ id: string }>(
        'insert into users (username, email, password_hash) values ($1, $2, $3) returning id',
        [input.username, input.email, hash],
      );
      const id = u.rows[0]!.id;
      if (opts.welcomeCreditsSat > 0)
        await issueCredits(tx, id, opts.welcomeCreditsSat, { kind: 'welcome', memo: 'Welcome credits' });
      return newSession(tx, { id, username: input.username, email: input.email });
    });
  } catch (err) {
    // Two registrations racing for one name: the unique index decides.
    if (pgErrorCode(err) === '23505') throw new HttpError(409, 'username: this username or email is already taken');
    throw err;
  }
}

export async function login(db: Db, username: string, password: string): Promise<Credentials> {
  const r = await db.query<{ id: string; username: string; email: string; password_hash: string }>(
    'select id, username, email, password_hash from users where lower(username) = lower($1) or lower(email) = lower($1) limit 1',
    [username],
  );
  const user = r.rows[0];
  await checkLoginBackoff(db, username);
  if (!user || !(await verifyPassword(password, user.password_hash))) {
    if (!user) await burnPasswordCheck(password);
    await recordLoginFailure(db, username);
    throw new HttpError(403, 'Wrong username or password');
  }
  await clearLoginFailures(db, username);
  return newSession(db, user);
}

/** Ends every session of the user, on every device. */
export async function logoutEverywhere(db: Queryable, userId: string): Promise<void> {
  await db.query('update api_sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
  // The user's live stream and download links end with the sessions.
  await revokeMediaLinks(db, userId);
}

/**
 * Creates a single-use reset token for the address, if an account has it. Returns the token (to be
 * mailed) or null; the caller answers the same either way.
 */
export async function createPasswordReset(
  db: Queryable,
  email: string,
): Promise<{ token: string; username: string } | null> {
  const r = await db.query<{ id: string; username: string }>(
    'select id, username from users where lower(email) = lower($1)',
    [email],
  );
  const user = r.rows[0];
  if (!user) return null;
  const token = randomAlnum(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
  await db.query(
    `insert into password_resets (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(mins => $3))`,
    [sha256Hex(token), user.id, RESET_TOKEN_TTL_MIN],
  );
  return { token, username: user.username };
}

/** Sets the new password, uses up the token and ends every session; returns the user's id. */
export async function resetPassword(db: Db, email: string, token: string, password: string): Promise<string> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const r = await tx.query<{ user_id: string }>(
      `update password_resets pr set used_at = now()
         from users u
        where pr.token_hash = $1 and pr.user_id = u.id and lower(u.email) = lower($2)
          and pr.used_at is null and pr.expires_at > now()
        returning pr.user_id`,
      [sha256Hex(token.trim().toUpperCase()), email],
    );
    const userId = r.rows[0]?.user_id;
    if (!userId) throw unprocessable('token: this reset token is not valid or has expired; request a new one');
    await tx.query('update users set password_hash = $1 where id = $2', [hash, userId]);
    // Other pending tokens die with the password, and so does every session.
    await tx.query('update password_resets set used_at = now() where user_id = $1 and used_at is null', [userId]);
    await logoutEverywhere(tx, userId);
    return userId;
  });
}
