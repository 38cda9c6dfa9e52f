import crypto from 'node:crypto';
import type { Queryable } from '../db/connection.js';

// server_settings: switches and secrets shared by every server process on one database.
const KEY = 'maintenance';

/** The maintenance switch lives in the database so that every server behind a balancer sees it. */
export async function setMaintenance(db: Queryable, on: boolean): Promise<void> {
  await db.query(
    `insert into server_settings (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [KEY, on ? 'on' : 'off'],
  );
}

/** The switch: `await probe()` reads it when due; `known()` answers without waiting, or undefined when due. */
export type MaintenanceProbe = (() => Promise<boolean>) & { known(): boolean | undefined };

/** Reads the switch at most once per ttl, so that it costs nothing per request. */
export function maintenanceProbe(db: Queryable, ttlMs = 2000): MaintenanceProbe {
  let cached = false;
  let readAt = 0;
  let pending: Promise<boolean> | undefined;
  const known = () => (Date.now() - readAt < ttlMs ? cached : undefined);
  return Object.assign(async () => known() ?? read(), { known });
  function read(): Promise<boolean> {
    pending ??= db
      .query<{ value: string }>('select value from server_settings where key = $1', [KEY])
      .then((r) => {
        cached = r.rows[0]?.value === 'on';
        readAt = Date.now();
        return cached;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }
}

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
