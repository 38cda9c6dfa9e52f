import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';

/** The operator commands' reads and writes that belong to no other domain. */
export async function userIdByName(db: Queryable, username: string): Promise<string> {
  const r = await db.query<{ id: string }>('select id from users where lower(username) = lower($1)', [username]);
  if (!r.rows[0]) throw new HttpError(404, `no user named "${username}"`);
  return r.rows[0].id;
}

/** Creates an invitation code; false when the code exists already. */
export async function createInvite(db: Queryable, code: string, uses: number | null): Promise<boolean> {
  const r = await db.query(
    'insert into invites (code, uses_left) values ($1, $2) on conflict (code) do nothing returning code',
    [code, uses],
  );
  return r.rows.length > 0;
}

export interface UserListing {
  id: string;
  username: string;
  email: string;
  created_at: Date;
  tokens: string | null;
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const r = await db.query<UserListing>(
    `select u.id, u.username, u.email, u.created_at,
            (select string_agg(token || ':' || amount, ' ' order by token) from token_holdings h where h.user_id = u.id) as tokens
       from users u order by u.created_at, u.username`,
  );
  return r.rows;
}
