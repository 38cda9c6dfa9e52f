import type { Db } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';

/** Playlists and profile: one JSON document per user, replaced whole, with a version for If-Match. */
export type DocumentTable = 'playlists' | 'user_profiles';

export interface StoredDocument {
  id: string | null;
  data: Record<string, unknown>;
  version: number;
}

export const etagOf = (version: number) => `"v${version}"`;
const label = (table: DocumentTable) => (table === 'playlists' ? 'playlists' : 'profile');

export async function readDocument(db: Db, table: DocumentTable, userId: string): Promise<StoredDocument> {
  const r = await db.query<{ id: string; data: Record<string, unknown>; version: number }>(
    `select id, data, version::int as version from ${table} where user_id = $1`,
    [userId],
  );
  const row = r.rows[0];
  return row ? { id: row.id, data: row.data, version: row.version } : { id: null, data: {}, version: 0 };
}

/**
 * Replaces the document. With ifMatch, the write happens only if the stored version is still that
 * one (412 otherwise), checked and written under the row lock so that two writers cannot both win.
 */
export async function writeDocument(
  db: Db,
  table: DocumentTable,
  userId: string,
  data: Record<string, unknown>,
  ifMatch: string | undefined,
): Promise<StoredDocument> {
  return db.transaction(async (tx) => {
    const cur = await tx.query<{ version: number }>(
      `select version::int as version from ${table} where user_id = $1 for update`,
      [userId],
    );
    const current = cur.rows[0]?.version ?? 0;
    const conditional = ifMatch !== undefined && ifMatch.trim() !== '*';
    if (conditional) {
      const wanted = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (!wanted.includes(etagOf(current))) {
        throw new HttpError(
          412,
          `Your ${label(table)} changed elsewhere since you loaded them: reload, merge your edit and save again`,
          { etag: etagOf(current) },
        );
      }
    }
    // No row to lock yet: two first writes could both pass the check above, and the second would
    // overwrite the first. The update is conditional on the version too, so the loser gets a 412.
    const r = await tx.query<{ id: string; version: number }>(
      `insert into ${table} (user_id, data) values ($1, $2::jsonb)
       on conflict (user_id) do update set data = excluded.data, version = ${table}.version + 1, updated_at = now()
       ${conditional ? `where ${table}.version = $3` : ''}
       returning id, version::int as version`,
      conditional ? [userId, JSON.stringify(data), current] : [userId, JSON.stringify(data)],
    );
    const row = r.rows[0];
    if (!row) {
      throw new HttpError(
        412,
        `Your ${label(table)} changed elsewhere since you loaded them: reload, merge your edit and save again`,
      );
    }
    return { id: row.id, data, version: row.version };
  });
}
