import type { LibraryIds, LibraryKind } from '@contract/listener-app.js';
import type { Queryable } from '../db/connection.js';
import { notFound } from '../lib/errors.js';
import {
  ALBUM_COLUMNS,
  isUuid,
  LIBRARY_COLUMNS,
  toAlbum,
  toLibrarySong,
  type AlbumRow,
  type LibrarySongRow,
} from './catalog-repo.js';
import { mediaUrl } from './format.js';
import { VISIBLE } from './search-repo.js';

/** Where each kind of kept thing lives, and how a thing that may be kept is found. */
const KINDS: Record<LibraryKind, { table: string; column: string; what: string; exists: string }> = {
  songs: {
    table: 'liked_songs',
    column: 'song_id',
    what: 'Song',
    exists: `select 1 from songs s where s.id = $1 and ${VISIBLE}`,
  },
  albums: {
    table: 'saved_albums',
    column: 'album_id',
    what: 'Album',
    exists: 'select 1 from albums a where a.id = $1 and a.public and a.removed_at is null',
  },
  artists: {
    table: 'followed_artists',
    column: 'artist_profile_id',
    what: 'Artist profile',
    exists: 'select 1 from artist_profiles p where p.id = $1',
  },
};

/** Keeps (likes, saves, follows) or lets go of one thing; doing it twice changes nothing. */
export async function setKept(db: Queryable, userId: string, kind: LibraryKind, id: string, keep: boolean) {
  const k = KINDS[kind];
  if (!isUuid(id)) throw notFound(k.what);
  if (!keep) {
    await db.query(`delete from ${k.table} where user_id = $1 and ${k.column} = $2`, [userId, id]);
    return { kept: false };
  }
  const found = await db.query(k.exists, [id]);
  if (found.rows.length === 0) throw notFound(k.what);
  await db.query(`insert into ${k.table} (user_id, ${k.column}) values ($1, $2) on conflict do nothing`, [userId, id]);
  return { kept: true };
}

/** Everything kept, as ids, newest first: the app marks rows with it. */
export async function libraryIds(db: Queryable, userId: string): Promise<LibraryIds> {
  const read = (kind: LibraryKind) => {
    const k = KINDS[kind];
    return db
      .query<{ id: string; at: Date }>(
        `select ${k.column} as id, created_at as at from ${k.table} where user_id = $1 order by created_at desc, ${k.column}`,
        [userId],
      )
      .then((r) => r.rows.map((x) => ({ id: x.id, at: new Date(x.at).toISOString() })));
  };
  const [songs, albums, artists] = await Promise.all([read('songs'), read('albums'), read('artists')]);
  return { songs, albums, artists };
}

/** One page of the liked songs (still in the catalog), newest like first. */
export async function likedSongs(db: Queryable, userId: string, p: { limit: number; page: number }, origin: string) {
  const [rows, total] = await Promise.all([
    db.query<LibrarySongRow & { liked_at: Date }>(
      `select ${LIBRARY_COLUMNS}, l.created_at as liked_at from liked_songs l
         join songs s on s.id = l.song_id join albums a on a.id = s.album_id
        where l.user_id = $1 and ${VISIBLE}
        order by l.created_at desc, s.id limit $2 offset $3`,
      [userId, p.limit, p.page * p.limit],
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from liked_songs l join songs s on s.id = l.song_id where l.user_id = $1 and ${VISIBLE}`,
      [userId],
    ),
  ]);
  const count = total.rows[0]?.n ?? 0;
  return {
    page: p.page,
    perPage: p.limit,
    pageCount: Math.ceil(count / p.limit),
    count,
    items: rows.rows.map((r) => ({ ...toLibrarySong(r, origin), likedAt: new Date(r.liked_at).toISOString() })),
  };
}

export async function savedAlbums(db: Queryable, userId: string, origin: string) {
  const r = await db.query<AlbumRow & { saved_at: Date }>(
    `select ${ALBUM_COLUMNS}, k.created_at as saved_at from saved_albums k join albums a on a.id = k.album_id
      where k.user_id = $1 and a.public and a.removed_at is null order by k.created_at desc, a.id`,
    [userId],
  );
  return r.rows.map((row) => ({ ...toAlbum(row, origin), savedAt: new Date(row.saved_at).toISOString() }));
}

export async function followedArtists(db: Queryable, userId: string, origin: string) {
  const r = await db.query<{ id: string; name: string; picture_path: string | null; followed_at: Date }>(
    `select p.id, p.name, p.picture_path, f.created_at as followed_at from followed_artists f
       join artist_profiles p on p.id = f.artist_profile_id
      where f.user_id = $1 order by f.created_at desc, p.id`,
    [userId],
  );
  return r.rows.map((x) => ({
    id: x.id,
    name: x.name,
    pictureUrl: mediaUrl(origin, 'pictures', x.picture_path),
    followedAt: new Date(x.followed_at).toISOString(),
  }));
}
