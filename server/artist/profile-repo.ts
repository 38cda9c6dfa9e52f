import type { MyArtistProfile } from '@contract/release.js';
import { pgErrorCode, type Db, type Queryable } from '../db/connection.js';
import { HttpError, unprocessable } from '../lib/errors.js';

interface ProfileRow {
  id: string;
  name: string;
  bio: string;
  website: string;
  genre: string;
  tags: string[];
  markets_catalog: string;
  picture_path: string | null;
}

export interface ProfileInput {
  name: string;
  bio: string;
  website: string;
  genre: string;
  tags: string[];
  marketsCatalog: string;
}

const COLUMNS = 'id, name, bio, website, genre, tags, markets_catalog, picture_path';

export function toMyProfile(p: ProfileRow, origin: string): MyArtistProfile {
  return {
    id: p.id,
    name: p.name,
    bio: p.bio,
    website: p.website,
    genre: p.genre,
    tags: p.tags,
    marketsCatalog: p.markets_catalog,
    marketsCatalogUrl: p.markets_catalog ? `https://tokenmarkets.com/catalog/${p.markets_catalog}` : '',
    pictureUrl: p.picture_path ? `${origin}/media/pictures/${encodeURIComponent(p.picture_path)}` : null,
  };
}

export async function profileOfUser(db: Queryable, userId: string): Promise<ProfileRow | undefined> {
  const r = await db.query<ProfileRow>(`select ${COLUMNS} from artist_profiles where user_id = $1`, [userId]);
  return r.rows[0];
}

const uniqueTags = (tags: string[]) => [...new Set(tags.map((t) => t.toLowerCase()))];

/**
 * Makes the user an artist. With `inviteCode`, one use of that invitation is spent in the same
 * transaction. The profile stays out of the public artist list until its first release.
 */
export async function createProfile(
  db: Db,
  userId: string,
  p: ProfileInput,
  opts: { inviteCode?: string | undefined; featured?: boolean } = {},
): Promise<ProfileRow> {
  try {
    return await db.transaction(async (tx) => {
      if (opts.inviteCode !== undefined) {
        const invite = await tx.query(
          `update invites set uses_left = case when uses_left is null then null else uses_left - 1 end
            where upper(code) = upper($1) and (uses_left is null or uses_left > 0)
              and (expires_at is null or expires_at > now())
            returning code`,
          [opts.inviteCode],
        );
        if (invite.rows.length === 0)
          throw unprocessable('inviteCode: this invitation code is not valid or has been used up');
      }
      const r = await tx.query<ProfileRow>(
        `insert into artist_profiles (user_id, name, bio, website, genre, tags, markets_catalog, featured)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
        [userId, p.name, p.bio, p.website, p.genre, uniqueTags(p.tags), p.marketsCatalog, opts.featured ?? false],
      );
      return r.rows[0]!;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new HttpError(409, 'You already have an artist profile: edit it instead');
    throw err;
  }
}

export async function updateProfile(db: Queryable, profileId: string, p: Partial<ProfileInput>): Promise<ProfileRow> {
  const r = await db.query<ProfileRow>(
    `update artist_profiles set name = coalesce($2, name), bio = coalesce($3, bio), website = coalesce($4, website),
            genre = coalesce($5, genre), tags = coalesce($6, tags), markets_catalog = coalesce($7, markets_catalog)
      where id = $1 returning ${COLUMNS}`,
    [
      profileId,
      p.name ?? null,
      p.bio ?? null,
      p.website ?? null,
      p.genre ?? null,
      p.tags ? uniqueTags(p.tags) : null,
      p.marketsCatalog ?? null,
    ],
  );
  return r.rows[0]!;
}

/** The artist's name follows onto the songs and albums that carry it (listeners see it at once). */
export async function renameEverywhere(db: Queryable, profileId: string, name: string): Promise<void> {
  await db.query('update albums set artist = $2 where artist_profile_id = $1 and artist <> $2', [profileId, name]);
  await db.query(
    `update songs set artist = $2, artist_tsv = to_tsvector('simple', $2) where artist_profile_id = $1 and artist <> $2`,
    [profileId, name],
  );
}

export async function setPicture(db: Queryable, profileId: string, file: string): Promise<string | null> {
  const r = await db.query<{ old: string | null }>(
    `update artist_profiles p set picture_path = $2 from (select picture_path as old from artist_profiles where id = $1) o
      where p.id = $1 returning o.old`,
    [profileId, file],
  );
  return r.rows[0]?.old ?? null;
}

/** A profile shows in the public artist list once it has released something. */
export async function feature(db: Queryable, profileId: string): Promise<void> {
  await db.query('update artist_profiles set featured = true where id = $1 and not featured', [profileId]);
}
