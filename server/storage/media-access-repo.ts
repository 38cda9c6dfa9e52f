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

/** A paid listen of the user that was not refunded: what they keep after a take-down. */
export const PAID_NOT_REFUNDED = `g.entry_id is not null
  and not exists (select 1 from journal_entries r where r.reverses_entry_id = g.entry_id)`;

/**
 * A download link works while its user may still have the song: they hold a token of it, or they
 * paid to hear it (and were not refunded), as when the link was issued.
 */
export async function mayDownload(db: Queryable, userId: string, songId: string): Promise<boolean> {
  const r = await db.query(
    `select 1 from songs s
      where s.id = $2 and s.tokens && array(select token from token_holdings where user_id = $1 and amount > 0)
     union all
     select 1 from stream_grants g where g.user_id = $1 and g.song_id = $2 and ${PAID_NOT_REFUNDED}
     limit 1`,
    [userId, songId],
  );
  return r.rows.length > 0;
}

/** Ends the user's live media links (log out everywhere, password reset). */
export async function revokeMediaLinks(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set media_links_after = now() where id = $1', [userId]);
}

/** A song's audio file, its type and name, for serving it. */
export async function songMedia(
  db: Queryable,
  songId: string,
): Promise<{ audio_path: string | null; audio_type: string; name: string } | undefined> {
  const r = await db.query<{ audio_path: string | null; audio_type: string; name: string }>(
    'select audio_path, audio_type, name from songs where id = $1',
    [songId],
  );
  return r.rows[0];
}

/** What a download's tags say: the song's fields, its album, and the album's artwork file. */
export interface SongTagFields {
  name: string;
  artist: string;
  album: string | null;
  track_number: number | null;
  year: string | null;
  performers: string;
  composers: string;
  genre: string | null;
  copyright: string;
  ownership: string;
  usage_rights: string;
  lyrics: string;
  artwork_path: string | null;
}

const TAG_COLUMNS = `s.id, s.audio_path, s.name, s.artist, a.name as album, s.track_number,
  to_char(coalesce(s.release_date, a.release_date), 'YYYY') as year, s.performers, s.composers, s.genre,
  s.copyright, s.ownership, s.usage_rights, s.lyrics, a.artwork_path`;

/** The tag fields and audio file of several songs in one query (My songs lists their download sizes). */
export async function songsTagFields(
  db: Queryable,
  songIds: string[],
): Promise<Map<string, SongTagFields & { audio_path: string | null }>> {
  const r = await db.query<SongTagFields & { id: string; audio_path: string | null }>(
    `select ${TAG_COLUMNS} from songs s left join albums a on a.id = s.album_id where s.id = any($1::uuid[])`,
    [songIds],
  );
  return new Map(r.rows.map(({ id, ...row }) => [id, row]));
}
