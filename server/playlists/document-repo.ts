import { STORED_DOCUMENT_MAX_BYTES, type Playlists } from '@contract/listener.js';
import type { Db, Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { etagOf } from '../tokenly/documents-repo.js';
import { documentOf } from './playlists-repo.js';
import { bumpDocument, insertPlaylist, replaceSongs } from './playlists-write-repo.js';

/**
 * The publisher's `GET`/`PUT /api/v1/playlists` document, over the playlists as rows: GET answers
 * every playlist (name → [{id}]); PUT replaces the playlists it names, creates the new ones and
 * deletes the ones it leaves out that the old-style client could have sent back whole (4 KB of JSON
 * at most). A playlist larger than that is never shortened by this endpoint: left out, it is kept;
 * named with fewer songs, the whole PUT is refused (409) and nothing changes.
 */
export interface DocumentPutResult {
  id: string;
  version: number;
  created: string[];
  replaced: string[];
  unchanged: string[];
  deleted: string[];
  kept: string[];
}

/** The bytes this playlist takes in the document, as `{"name":[{"id":...}]}`. */
export const legacyBytes = (name: string, ids: readonly string[]) =>
  Buffer.byteLength(JSON.stringify({ [name]: ids.map((id) => ({ id })) }), 'utf8');
const tooLargeForDocument = (name: string, ids: readonly string[]) =>
  legacyBytes(name, ids) > STORED_DOCUMENT_MAX_BYTES;

/** Whether `next` still has every entry of `prev` (each song as many times). */
function keepsEvery(prev: readonly string[], next: readonly string[]): boolean {
  const count = new Map<string, number>();
  for (const id of next) count.set(id, (count.get(id) ?? 0) + 1);
  for (const id of prev) {
    const n = count.get(id) ?? 0;
    if (n === 0) return false;
    count.set(id, n - 1);
  }
  return true;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function documentVersion(db: Queryable, userId: string): Promise<number> {
  const r = await db.query<{ version: number }>(`select version::int as version from playlists where user_id = $1`, [
    userId,
  ]);
  return r.rows[0]?.version ?? 0;
}

export async function readLegacyDocument(db: Queryable, userId: string) {
  const [doc, version] = await Promise.all([documentOf(db, userId), documentVersion(db, userId)]);
  const data: Playlists = Object.fromEntries([...doc].map(([name, ids]) => [name, ids.map((id) => ({ id }))]));
  return { data, version };
}

const changedElsewhere = (current: number) =>
  new HttpError(412, 'Your playlists changed elsewhere since you loaded them: reload, merge your edit and save again', {
    etag: etagOf(current),
  });

export async function putLegacyDocument(
  db: Db,
  userId: string,
  body: Playlists,
  ifMatch: string | undefined,
): Promise<DocumentPutResult> {
  return db.transaction(async (tx) => {
    // The bump locks the user's row first (and creates it for a first write), so that of two
    // conditional writers on the same version only one passes.
    const doc = await bumpDocument(tx, userId);
    const before = doc.version - 1;
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      const wanted = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (!wanted.includes(etagOf(before))) throw changedElsewhere(before);
    }
    const rows = await tx.query<{ id: string; name: string; song_ids: string[] }>(
      `select id, name, song_ids from listener_playlists where user_id = $1 for update`,
      [userId],
    );
    const current = new Map(rows.rows.map((r) => [r.name, r]));
    const result: DocumentPutResult = {
      id: doc.id,
      version: doc.version,
      created: [],
      replaced: [],
      unchanged: [],
      deleted: [],
      kept: [],
    };
    for (const [name, entries] of Object.entries(body)) {
      const ids = entries.map((e) => e.id);
      const row = current.get(name);
      if (!row) continue;
      if (tooLargeForDocument(name, row.song_ids) && !keepsEvery(row.song_ids, ids)) {
        throw new HttpError(
          409,
          `“${name}” has ${row.song_ids.length} songs, more than this document can hold (4 KB): ` +
            'this save would drop some of them, so nothing was changed. Edit that playlist in the app, or leave it out of the document to keep it as it is',
        );
      }
    }
    for (const [name, entries] of Object.entries(body)) {
      const ids = entries.map((e) => e.id);
      const row = current.get(name);
      if (!row) {
        await insertPlaylist(tx, userId, { name, songIds: ids });
        result.created.push(name);
      } else if (sameList(row.song_ids, ids)) {
        result.unchanged.push(name);
      } else {
        await replaceSongs(tx, row.id, ids);
        result.replaced.push(name);
      }
    }
    for (const [name, row] of current) {
      if (Object.hasOwn(body, name)) continue;
      if (tooLargeForDocument(name, row.song_ids)) {
        result.kept.push(name);
      } else {
        await tx.query(`delete from listener_playlists where id = $1::uuid`, [row.id]);
        result.deleted.push(name);
      }
    }
    return result;
  });
}
