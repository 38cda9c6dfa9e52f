import type { AlbumSort, PlayedSong } from '@contract/listener-app.js';
import type { Queryable } from '../db/connection.js';
import { unprocessable } from '../lib/errors.js';
import {
  ALBUM_COLUMNS,
  isUuid,
  LIBRARY_COLUMNS,
  toAlbum,
  toLibrarySong,
  type AlbumRow,
  type LibrarySongRow,
} from './catalog-repo.js';
import { VISIBLE } from './search-repo.js';

const ORDER: Record<AlbumSort, string> = {
  newest: 'a.release_date desc nulls last, a.name, a.id',
  name: 'lower(a.name), a.id',
  artist: 'lower(a.artist), a.release_date desc nulls last, a.id',
};

/**
 * One page of the catalog's albums, sorted, optionally of one genre (an album is of a genre when
 * one of its songs is): only the page's albums count their songs.
 */
export async function browseAlbums(
  db: Queryable,
  q: { sort: AlbumSort; genre: string | undefined; limit: number; page: number },
  origin: string,
) {
  const genre = q.genre?.toLowerCase();
  const where = (n: number) =>
    `a.public and a.removed_at is null ${
      genre
        ? `and exists (select 1 from songs g where g.album_id = a.id and g.removed_at is null and lower(g.genre) = $${n})`
        : ''
    }`;
  const extra = genre ? [genre] : [];
  const [rows, total] = await Promise.all([
    db.query<AlbumRow>(
      `select ${ALBUM_COLUMNS} from (select a.id from albums a where ${where(3)} order by ${ORDER[q.sort]} limit $1 offset $2) pg
         join albums a on a.id = pg.id order by ${ORDER[q.sort]}`,
      [q.limit, q.page * q.limit, ...extra],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from albums a where ${where(1)}`, extra),
  ]);
  const count = total.rows[0]?.n ?? 0;
  return {
    page: q.page,
    perPage: q.limit,
    pageCount: Math.ceil(count / q.limit),
    count,
    items: rows.rows.map((r) => toAlbum(r, origin)),
  };
}

/** An artist's albums in the catalog, newest first (the discography). */
export async function artistAlbums(db: Queryable, profileId: string, origin: string) {
  if (!isUuid(profileId)) throw unprocessable('profileId must be a UUID');
  const r = await db.query<AlbumRow>(
    `select ${ALBUM_COLUMNS} from albums a where a.artist_profile_id = $1 and a.public and a.removed_at is null
      order by a.release_date desc nulls last, a.name, a.id`,
    [profileId],
  );
  return r.rows.map((row) => toAlbum(row, origin));
}

type PlayedRow = LibrarySongRow & { plays: number };

/** An artist's most played songs (all listeners, all time), then the rest by name. */
export async function topSongs(db: Queryable, profileId: string, origin: string, limit = 10): Promise<PlayedSong[]> {
  if (!isUuid(profileId)) throw unprocessable('profileId must be a UUID');
  const r = await db.query<PlayedRow>(
    `select ${LIBRARY_COLUMNS}, coalesce(h.plays, 0)::int as plays
       from songs s join albums a on a.id = s.album_id
       left join lateral (select count(*) as plays from listening_history h where h.song_id = s.id) h on true
      where ${VISIBLE} and s.artist_profile_id = $1
      order by plays desc, s.name, s.id limit $2`,
    [profileId, limit],
  );
  return r.rows.map((row) => ({ ...toLibrarySong(row, origin), plays: row.plays }));
}

/** The songs played most across listeners in the last 7 days. */
export async function popularThisWeek(db: Queryable, origin: string, limit = 12): Promise<PlayedSong[]> {
  const r = await db.query<PlayedRow>(
    `with top as (
       select song_id, count(*)::int as plays from listening_history
        where played_at > now() - interval '7 days' group by song_id order by plays desc, song_id limit $1 * 2)
     select ${LIBRARY_COLUMNS}, top.plays from top join songs s on s.id = top.song_id join albums a on a.id = s.album_id
      where ${VISIBLE} order by top.plays desc, s.name, s.id limit $1`,
    [limit],
  );
  return r.rows.map((row) => ({ ...toLibrarySong(row, origin), plays: row.plays }));
}
