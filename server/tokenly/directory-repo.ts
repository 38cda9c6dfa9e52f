import type { Queryable } from '../db/connection.js';
import { notFound } from '../lib/errors.js';
import { mediaUrl, pageEnvelope, type Paging } from './format.js';

interface ArtistRow {
  artist: string;
  artist_profile_id: string | null;
  picture_path: string | null;
  website: string;
  genre: string;
  tags: string[];
  total: number;
}

/** Featured artists (active profiles), then artists named on songs that have no profile. */
export async function listArtists(db: Queryable, p: Paging, origin: string) {
  const r = await db.query<ArtistRow>(
    `select x.*, count(*) over ()::int as total from (
       select pr.name as artist, pr.id as artist_profile_id, pr.picture_path, pr.website, pr.genre, pr.tags
         from artist_profiles pr where pr.active and pr.featured
       union all
       select distinct s.artist, null::uuid, null::text, '', '', '{}'::text[]
         from songs s where s.artist_profile_id is null and s.removed_at is null
     ) x order by lower(x.artist), x.artist_profile_id nulls last limit $1 offset $2`,
    [p.limit, p.page * p.limit],
  );
  const count = r.rows[0]?.total ?? (await countArtists(db));
  return pageEnvelope(
    p,
    count,
    r.rows.map((a) => ({
      artist: a.artist,
      artistProfileId: a.artist_profile_id,
      pictureUrl: mediaUrl(origin, 'pictures', a.picture_path) ?? '',
      website: a.website,
      genre: a.genre,
      tags: a.tags,
    })),
  );
}

async function countArtists(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>(
    `select ((select count(*) from artist_profiles where active and featured)
           + (select count(distinct artist) from songs where artist_profile_id is null and removed_at is null))::int as n`,
  );
  return r.rows[0]?.n ?? 0;
}

export async function listGenres(db: Queryable, p: Paging) {
  const r = await db.query<{ genre: string; song_count: number; total: number }>(
    `select s.genre, count(*)::int as song_count, count(*) over ()::int as total
       from songs s join albums a on a.id = s.album_id
      where s.removed_at is null and a.public and a.removed_at is null and s.genre <> ''
      group by s.genre order by song_count desc, s.genre limit $1 offset $2`,
    [p.limit, p.page * p.limit],
  );
  const count =
    r.rows[0]?.total ??
    (
      await db.query<{ n: number }>(
        `select count(distinct genre)::int as n from songs where removed_at is null and genre <> ''`,
      )
    ).rows[0]?.n ??
    0;
  return pageEnvelope(
    p,
    count,
    r.rows.map((g) => ({ genre: g.genre, songCount: g.song_count })),
  );
}

export async function listTags(db: Queryable, p: Paging) {
  const r = await db.query<{ tag: string; song_count: number; total: number }>(
    `select t.tag, count(*)::int as song_count, count(*) over ()::int as total
       from songs s join albums a on a.id = s.album_id, unnest(s.tags) as t(tag)
      where s.removed_at is null and a.public and a.removed_at is null
      group by t.tag order by song_count desc, t.tag limit $1 offset $2`,
    [p.limit, p.page * p.limit],
  );
  const count =
    r.rows[0]?.total ??
    (
      await db.query<{ n: number }>(
        `select count(distinct t)::int as n from songs, unnest(tags) t where removed_at is null`,
      )
    ).rows[0]?.n ??
    0;
  return pageEnvelope(
    p,
    count,
    r.rows.map((t) => ({ tag: t.tag, songCount: t.song_count })),
  );
}

export async function publicProfile(db: Queryable, username: string): Promise<Record<string, unknown>> {
  const r = await db.query<{ data: Record<string, unknown> | null }>(
    `select p.data from users u left join user_profiles p on p.user_id = u.id where lower(u.username) = lower($1)`,
    [username],
  );
  const row = r.rows[0];
  if (!row) throw notFound('User');
  return row.data ?? {};
}
