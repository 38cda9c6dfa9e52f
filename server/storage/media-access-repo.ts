import type { Queryable } from '../db/connection.js';

/**
 * Is a media link of this user, issued at `issuedMs`, still honoured? Logging out everywhere (and a
 * password reset) ends every link issued before it.
 */
export async function linkNotRevoked(db: Queryable, userId: string, issuedMs: number): Promise<boolean> {
  const r = await db.query(
    `select 1 from users where id = $1
        and (media_links_after is null or media_links_after <= to_timestamp($2::double precision / 1000))`,
    [userId, issuedMs],
  );
  return r.rows.length > 0;
}

/** A download link works while its user holds a token of the song (as when it was issued). */
export async function holdsTokenOfSong(db: Queryable, userId: string, songId: string): Promise<boolean> {
  const r = await db.query(
    `select 1 from songs s
      where s.id = $2 and s.tokens && array(select token from token_holdings where user_id = $1 and amount > 0)`,
    [userId, songId],
  );
  return r.rows.length > 0;
}

/** Ends the user's live media links (log out everywhere, password reset). */
export async function revokeMediaLinks(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set media_links_after = now() where id = $1', [userId]);
}
