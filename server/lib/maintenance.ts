import type { Queryable } from '../db/connection.js';

const KEY = 'maintenance';

/** The maintenance switch lives in the database so that every server behind a balancer sees it. */
export async function setMaintenance(db: Queryable, on: boolean): Promise<void> {
  await db.query(
    `insert into server_settings (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [KEY, on ? 'on' : 'off'],
  );
}

/** Reads the switch at most once per ttl, so that it costs nothing per request. */
export function maintenanceProbe(db: Queryable, ttlMs = 2000): () => Promise<boolean> {
  let cached = false;
  let readAt = 0;
  let pending: Promise<boolean> | undefined;
  return async () => {
    if (Date.now() - readAt < ttlMs) return cached;
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
  };
}
