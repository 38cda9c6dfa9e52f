import crypto from 'node:crypto';
import type { PlaylistOp, Visibility } from '@contract/playlists.js';
import type { Db, Queryable } from '../db/connection.js';
import { HttpError, notFound } from '../lib/errors.js';
import { applyOps, type OpsOutcome } from './ops.js';
import { lockState } from './playlists-repo.js';

const NAME_TAKEN = (name: string) => new HttpError(409, `You already have a playlist called “${name}”`);

/**
 * The user's playlists changed: the legacy document's version (its ETag) moves on. The upsert
 * also locks the user's row, so that the user's playlist writes happen one after another.
 */
export async function bumpDocument(tx: Queryable, userId: string): Promise<{ id: string; version: number }> {
  const r = await tx.query<{ id: string; version: number }>(
    `insert into playlists (user_id, data, version) values ($1, '{}'::jsonb, 1)
     on conflict (user_id) do update set version = playlists.version + 1, updated_at = now()
     returning id, version::int as version`,
    [userId],
  );
  return r.rows[0]!;
}

/** Duplicates only with the listener's word: a song twice in the list, or twice in what is added. */
export function checkDuplicates(songIds: readonly string[], allow: boolean | undefined, name: string) {
  if (allow || new Set(songIds).size === songIds.length) return;
  throw new HttpError(409, `Some songs appear more than once in “${name}”: add them again?`);
}

export async function insertPlaylist(
  tx: Queryable,
  userId: string,
  p: { name: string; description?: string | undefined; songIds: readonly string[] },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into listener_playlists (user_id, name, description, song_ids, entry_keys, next_key)
     values ($1, $2, $3, $4::text[], $5::int[], $6) on conflict (user_id, name) do nothing returning id`,
    [userId, p.name, p.description ?? '', p.songIds, p.songIds.map((_, i) => i), p.songIds.length],
  );
  if (!r.rows[0]) throw NAME_TAKEN(p.name);
  return r.rows[0].id;
}

export async function createPlaylist(
  db: Db,
  userId: string,
  p: { name: string; description?: string | undefined; songIds: readonly string[] },
): Promise<string> {
  return db.transaction(async (tx) => {
    await bumpDocument(tx, userId);
    return insertPlaylist(tx, userId, p);
  });
}

/** Applies ops made on version `base` (see ops.ts), in one transaction under the playlist's lock. */
export async function editPlaylist(
  db: Db,
  userId: string,
  id: string,
  base: number,
  ops: readonly PlaylistOp[],
): Promise<OpsOutcome> {
  return db.transaction(async (tx) => {
    await bumpDocument(tx, userId);
    const stored = await lockState(tx, userId, id);
    const out = applyOps(stored, ops, base);
    const s = out.state;
    if (s.name !== stored.name) {
      const taken = await tx.query(`select 1 from listener_playlists where user_id = $1 and name = $2`, [
        userId,
        s.name,
      ]);
      if (taken.rows.length > 0) throw NAME_TAKEN(s.name);
    }
    await tx.query(
      `update listener_playlists set name = $3, description = $4, song_ids = $5::text[], entry_keys = $6::int[],
              next_key = $7, version = $8, name_version = $9, updated_at = now()
        where id = $1::uuid and user_id = $2`,
      [id, userId, s.name, s.description, s.songIds, s.keys, s.nextKey, s.version, s.nameVersion],
    );
    return out;
  });
}

/** Replaces the songs of a playlist whole (the legacy document's PUT). */
export async function replaceSongs(tx: Queryable, id: string, songIds: readonly string[]): Promise<void> {
  await tx.query(
    `update listener_playlists set song_ids = $2::text[], entry_keys = array(select generate_series(next_key, next_key + $3 - 1)),
            next_key = next_key + $3, version = version + 1, updated_at = now() where id = $1::uuid`,
    [id, songIds, songIds.length],
  );
}

export async function deletePlaylist(db: Db, userId: string, id: string, ifMatch: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    await bumpDocument(tx, userId);
    const stored = await lockState(tx, userId, id);
    if (ifMatch !== null && ifMatch !== stored.version) {
      throw new HttpError(412, 'This playlist changed elsewhere since you loaded it: look again before deleting it');
    }
    await tx.query(`delete from listener_playlists where id = $1::uuid`, [id]);
  });
}

/**
 * Private ends every link (the token is forgotten: a later share makes a new one); link and
 * profile keep the current token or make one.
 */
export async function setVisibility(db: Db, userId: string, id: string, visibility: Visibility) {
  return db.transaction(async (tx) => {
    await lockState(tx, userId, id);
    const token = crypto.randomBytes(16).toString('base64url');
    const r = await tx.query<{ share_token: string | null }>(
      `update listener_playlists set visibility = $3,
              share_token = case when $3 = 'private' then null else coalesce(share_token, $4) end, updated_at = now()
        where id = $1::uuid and user_id = $2 returning share_token`,
      [id, userId, visibility, token],
    );
    return { visibility, shareToken: r.rows[0]!.share_token };
  });
}

export async function setCover(db: Db, userId: string, id: string, file: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await lockState(tx, userId, id);
    await tx.query(`update listener_playlists set cover_path = $2, updated_at = now() where id = $1::uuid`, [id, file]);
  });
}

/** Follows (or stops following) a playlist shared by link; answers whether it is followed now. */
export async function setFollow(db: Queryable, userId: string, token: string, follow: boolean): Promise<boolean> {
  const r = await db.query<{ id: string; user_id: string }>(
    `select id, user_id from listener_playlists where share_token = $1 and visibility <> 'private'`,
    [token],
  );
  const p = r.rows[0];
  if (!p) throw notFound('Shared playlist (the link may have been revoked)');
  if (follow) {
    await db.query(
      `insert into listener_playlist_follows (user_id, playlist_id) values ($1, $2) on conflict do nothing`,
      [userId, p.id],
    );
  } else {
    await db.query(`delete from listener_playlist_follows where user_id = $1 and playlist_id = $2`, [userId, p.id]);
  }
  return follow;
}
