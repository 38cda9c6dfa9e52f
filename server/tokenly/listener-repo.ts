import type { MySong } from '@contract/listener.js';
import type { Queryable } from '../db/connection.js';
import { PAID_NOT_REFUNDED } from '../storage/media-access-repo.js';
import { SONG_COLUMNS, toSong, type SongRow } from './catalog-repo.js';
import { sessionIsLive } from './sessions-repo.js';

/**
 * Songs carrying a token the user holds, and songs the user paid to hear (and was not refunded), each with a signed download
 * link to its file. A song or album its artist took down stays here for those who had it.
 */
export async function mySongs(
  db: Queryable,
  userId: string,
  downloadUrl: (songId: string) => string,
): Promise<MySong[]> {
  return withDownloadUrls(await mySongRows(db, userId), downloadUrl);
}

export type MySongRow = SongRow & { audio_path: string | null; audio_size: number | null };

/** The rows of my songs, before their links are signed (what a cache may keep: links expire). */
export async function mySongRows(db: Queryable, userId: string): Promise<MySongRow[]> {
  const r = await db.query<SongRow & { audio_path: string | null; audio_size: number | null }>(
    `with mine as (
       select s.id from songs s join albums a on a.id = s.album_id
        where s.tokens && array(select token from token_holdings where user_id = $1 and amount > 0)
          and a.public and s.removed_at is null and a.removed_at is null
       union
       select g.song_id from stream_grants g
        where g.user_id = $1 and ${PAID_NOT_REFUNDED}
     )
     select ${SONG_COLUMNS}, s.audio_path, s.audio_size
       from mine m join songs s on s.id = m.id join albums a on a.id = s.album_id
      order by a.name, s.track_number`,
    [userId],
  );
  return r.rows;
}

export function withDownloadUrls(rows: MySongRow[], downloadUrl: (songId: string) => string): MySong[] {
  return rows.map((row) => ({
    ...toSong(row),
    downloadUrl: row.audio_path ? downloadUrl(row.id) : null,
    downloadSize: row.audio_size ?? 0,
  }));
}

/**
 * For each ask (a user and the session it came with): whether that session is still live, and
 * everything the user holds (token → amount), read in one statement for many asks.
 */
export async function holdingsOfSessions(
  db: Queryable,
  asks: { userId: string; apiToken: string }[],
  idleDays: number,
): Promise<{ live: boolean; held: Map<string, number> }[]> {
  const r = await db.query<{ user_id: string; api_token: string; live: boolean; held: Record<string, number> }>(
    `select q.user_id, q.api_token, ${sessionIsLive('q.api_token', 'q.user_id', '$3')} as live,
            coalesce((select json_object_agg(h.token, h.amount) from token_holdings h where h.user_id = q.user_id),
                     '{}') as held
       from (select distinct * from unnest($1::uuid[], $2::text[]) as u(user_id, api_token)) q`,
    [asks.map((a) => a.userId), asks.map((a) => a.apiToken), idleDays],
    { prepare: 'holdings-of-sessions' },
  );
  const found = new Map(r.rows.map((row) => [`${row.user_id} ${row.api_token}`, row]));
  return asks.map((a) => {
    const row = found.get(`${a.userId.toLowerCase()} ${a.apiToken}`);
    return { live: row?.live ?? false, held: new Map(Object.entries(row?.held ?? {})) };
  });
}

/** Everything the user holds, token → amount. */
export async function holdingsOf(db: Queryable, userId: string): Promise<Map<string, number>> {
  const r = await db.query<{ token: string; amount: number }>(
    'select token, amount from token_holdings where user_id = $1',
    [userId],
  );
  return new Map(r.rows.map((h) => [h.token, h.amount]));
}

export function tcaAnswer(held: Map<string, number>, tokens: Record<string, number>) {
  const names = Object.keys(tokens);
  const access: Record<string, boolean> = {};
  for (const name of names) {
    const amount = held.get(name.toUpperCase()) ?? 0;
    access[name] = amount > 0 && amount >= tokens[name]!;
  }
  return { access };
}
