import type { LibrarySong } from '../../contract/catalog.js';
import type { Queryable } from '../db/connection.js';
import { unprocessable } from '../lib/errors.js';
import { pageEnvelope, type Paging } from './format.js';
import { isUuid, LIBRARY_COLUMNS, toLibrarySong, type LibrarySongRow } from './catalog-repo.js';

export interface SearchFilters {
  name?: string | undefined;
  artist?: string | undefined;
  genre?: string | undefined;
  tag?: string | undefined;
  token?: string | undefined;
  operator?: 'AND' | 'OR' | undefined;
}

/**
 * A keyword search as a prefix tsquery: every word must appear (as a word or the start of one).
 * Words are reduced to letters and digits, so nothing the user types reaches tsquery syntax.
 */
export function keywordQuery(field: string, text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw unprocessable(`${field} must contain at least one letter or digit`);
  return words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/** Songs visible in the public catalog: not removed, on a public album that is not removed. */
const VISIBLE = 's.removed_at is null and a.public and a.removed_at is null';

export async function searchLibrary(
  db: Queryable,
  f: SearchFilters,
  p: Paging,
  origin: string,
): Promise<ReturnType<typeof pageEnvelope<LibrarySong>>> {
  const params: unknown[] = [];
  const arg = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = [];
  if (f.name) conds.push(`s.name_tsv @@ to_tsquery('simple', ${arg(keywordQuery('name', f.name))})`);
  if (f.artist) conds.push(`s.artist_tsv @@ to_tsquery('simple', ${arg(keywordQuery('artist', f.artist))})`);
  if (f.genre) conds.push(`lower(s.genre) = ${arg(f.genre.toLowerCase())}`);
  if (f.tag) conds.push(`s.tags @> array[${arg(f.tag.toLowerCase())}]::text[]`);
  if (f.token) conds.push(`s.tokens @> array[${arg(f.token.toUpperCase())}]::text[]`);
  const joiner = f.operator === 'AND' ? ' and ' : ' or ';
  const where = conds.length ? `${VISIBLE} and (${conds.join(joiner)})` : VISIBLE;
  return pagedSongs(db, where, params, p, origin);
}

export async function artistSongs(db: Queryable, profileId: string, p: Paging, origin: string) {
  if (!isUuid(profileId)) throw unprocessable('profileId must be a UUID');
  return pagedSongs(db, `${VISIBLE} and s.artist_profile_id = $1`, [profileId], p, origin);
}

async function pagedSongs(db: Queryable, where: string, params: unknown[], p: Paging, origin: string) {
  const n = params.length;
  const r = await db.query<LibrarySongRow>(
    `select ${LIBRARY_COLUMNS}, count(*) over ()::int as total
       from songs s join albums a on a.id = s.album_id
      where ${where}
      order by s.name, s.id
      limit $${n + 1} offset $${n + 2}`,
    [...params, p.limit, p.page * p.limit],
  );
  let count = r.rows[0]?.total ?? 0;
  if (r.rows.length === 0 && p.page > 0) {
    // Past the last page the window function has no row to ride on: count separately.
    const c = await db.query<{ total: number }>(
      `select count(*)::int as total from songs s join albums a on a.id = s.album_id where ${where}`,
      params,
    );
    count = c.rows[0]?.total ?? 0;
  }
  return pageEnvelope(
    p,
    count,
    r.rows.map((row) => toLibrarySong(row, origin)),
  );
}
