import crypto from 'node:crypto';
import type { Queryable } from '../db/connection.js';

/**
 * A server secret kept in the database (made once, at random), so that every server process on
 * one database signs and checks media URLs alike. A configured value wins.
 */
export async function serverSecret(db: Queryable, key: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const fresh = crypto.randomBytes(32).toString('base64url');
  await db.query('insert into server_settings (key, value) values ($1, $2) on conflict (key) do nothing', [
    `secret:${key}`,
    fresh,
  ]);
  const r = await db.query<{ value: string }>('select value from server_settings where key = $1', [`secret:${key}`]);
  return r.rows[0]!.value;
}
