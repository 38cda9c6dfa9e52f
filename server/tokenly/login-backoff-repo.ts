import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';

/** Failures allowed before the backoff starts; then each one doubles the wait, up to 15 minutes. */
export const FREE_LOGIN_FAILURES = 4;
export const MAX_LOGIN_BACKOFF_SEC = 900;

const key = (name: string) => name.trim().toLowerCase().slice(0, 254);

/** Throws 429 with Retry-After while the name is backing off (whether or not an account has it). */
export async function checkLoginBackoff(db: Queryable, name: string): Promise<void> {
  const r = await db.query<{ wait: number }>(
    `select ceil(extract(epoch from blocked_until - now()))::int as wait
       from login_failures where name = $1 and blocked_until > now()`,
    [key(name)],
  );
  const wait = r.rows[0]?.wait;
  if (wait && wait > 0) {
    throw new HttpError(429, `Too many failed logins for this account: try again in ${wait} seconds`, {
      'retry-after': String(wait),
    });
  }
}

export async function recordLoginFailure(db: Queryable, name: string): Promise<void> {
  await db.query(
    `insert into login_failures as f (name, failures, last_failed_at) values ($1, 1, now())
     on conflict (name) do update set failures = f.failures + 1, last_failed_at = now(),
       blocked_until = case when f.failures + 1 > $2
         then now() + make_interval(secs => least($3, power(2, f.failures + 1 - $2)))
         else null end`,
    [key(name), FREE_LOGIN_FAILURES, MAX_LOGIN_BACKOFF_SEC],
  );
  // Old rows go: a day after its last failure a name starts afresh.
  if (Math.random() < 0.01) {
    await db.query(`delete from login_failures where last_failed_at < now() - interval '1 day'`);
  }
}

export async function clearLoginFailures(db: Queryable, name: string): Promise<void> {
  await db.query('delete from login_failures where name = $1', [key(name)]);
}
