import type { LibrarySong } from '@contract/catalog.js';
import type { Db, Queryable } from '../db/connection.js';
import { unprocessable } from '../lib/errors.js';
import { pageEnvelope, type Paging } from './format.js';
import { isUuid, LIBRARY_COLUMNS, toLibrarySong, type LibrarySongRow } from './catalog-repo.js';
import { termPlan } from './search-terms-repo.js';

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
  return keywordWords(field, text)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/** The words of a keyword search (at most 8), lower-cased: each is a prefix a song must have. */
function keywordWords(field: string, text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw unprocessable(`${field} must contain at least one letter or digit`);
  return words.slice(0, 8);
}

/**
 * Songs visible in the public catalog: not removed, on a public album that is not removed. Hidden
 * albums are few (a partial index lists them), so they are excluded by id instead of by a join.
 */
export const VISIBLE = `s.removed_at is null
  and s.album_id <> all(array(select id from albums where removed_at is not null or not public))`;

/** The search's condition on songs `s` (visible songs matching the filters) and its parameters. */
export function searchWhere(f: SearchFilters): { where: string; params: unknown[] } {
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
  return { where: conds.length ? `${VISIBLE} and (${conds.join(joiner)})` : VISIBLE, params };
}

export async function searchLibrary(
  db: Queryable & Partial<Pick<Db, 'transaction'>>,
  f: SearchFilters,
  p: Paging,
  origin: string,
  /** forces one of the plans on the songs (tests compare them); by default chosen from the count */
  plan?: 'narrow' | 'broad',
): Promise<ReturnType<typeof pageEnvelope<LibrarySong>>> {
  const { where, params } = searchWhere(f);
  // The count and the page from one snapshot: a write between their statements is seen by both or neither.
  return inSnapshot(db, async (tx) => {
    const terms = await termPlan(tx, f, (text) => keywordWords('keyword', text));
    if (terms.ordered && !plan) {
      // Counted and paged in one statement, both from the term table's indexes.
      const ordered = { count: terms.countSql, page: `(${terms.ordered}) m` };
      return pagedSongs(tx, '', terms.params, p, origin, ordered);
    }
    const counted = await tx.query<{ total: number }>(terms.countSql, terms.params);
    const count = counted.rows[0]?.total ?? 0;
    const narrow = plan ? plan === 'narrow' : narrowSearch(count, terms.songs, p);
    return pagedSongs(tx, where, params, p, origin, narrow, count);
  });
}

/**
 * Runs fn in a read-only REPEATABLE READ transaction when db can begin one (a transaction handle
 * cannot: then fn runs in the caller's transaction), so that all its statements read one snapshot.
 */
async function inSnapshot<T>(db: Queryable & Partial<Pick<Db, 'transaction'>>, fn: (tx: Queryable) => Promise<T>) {
  if (!db.transaction) return fn(db);
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return fn(tx);
  });
}

/**
 * Whether to gather the matches and sort them (cost: the matches) rather than walk the name order
 * until the page is full (cost: about the page's end × songs / matches rows read). The count is
 * known first (from the term table), so the cheaper one is chosen; either way the answer is the
 * same (search.test.ts compares them), only its cost differs.
 */
function narrowSearch(count: number, songs: number, p: Paging): boolean {
  return count * count <= (p.page + 1) * p.limit * Math.max(songs, count);
}

export async function artistSongs(db: Queryable, profileId: string, p: Paging, origin: string) {
  if (!isUuid(profileId)) throw unprocessable('profileId must be a UUID');
  return pagedSongs(db, `${VISIBLE} and s.artist_profile_id = $1`, [profileId], p, origin, true);
}

/**
 * One page of matching songs and the number of all matches (counted here unless already known).
 * Narrow matches are gathered once (id and name), counted and sorted. Broad ones are counted and
 * paged as two independent parts of one statement, so that each gets its own plan: the count from
 * the indexes, the page by walking the name order until it is full. Only the page's rows are joined
 * to their albums and widened.
 */
async function pagedSongs(
  db: Queryable,
  /** the condition on songs `s` (unused when the matches are given as SQL below) */
  where: string,
  params: unknown[],
  p: Paging,
  origin: string,
  /** the plan on the songs, or the count and the ordered matches (rows m) as SQL of their own */
  narrow: boolean | { count: string; page: string },
  /** the number of matches when it is known already (counted from the term table) */
  known?: number,
) {
  const n = params.length;
  const counted = (from: string) =>
    known === undefined ? `(select count(*)::int as total from ${from})` : `(select ${known}::int as total)`;
  // The page of `from` (rows m with id and name).
  const page = (from: string) =>
    `left join lateral (
       select ${LIBRARY_COLUMNS}
         from (select m.id from ${from} order by m.name, m.id limit $${n + 1} offset $${n + 2}) pg
         join songs s on s.id = pg.id join albums a on a.id = s.album_id
     ) x on true
     order by x.name, x.id`;
  const sql =
    typeof narrow === 'object'
      ? `select c.total, x.* from (${narrow.count}) c ${page(narrow.page)}`
      : narrow
        ? `with m as materialized (select s.id, s.name from songs s where ${where})
       select c.total, x.* from ${counted('m')} c
       ${page('m')}`
        : `select c.total, x.* from ${counted(`songs s where ${where}`)} c
       ${page(`(select s.id, s.name from songs s where ${where}) m`)}`;
  const r = await db.query<LibrarySongRow & { id: string | null; total: number }>(sql, [
    ...params,
    p.limit,
    p.page * p.limit,
  ]);
  const count = r.rows[0]?.total ?? 0;
  const rows = r.rows.filter((row) => row.id !== null);
  return pageEnvelope(
    p,
    count,
    rows.map((row) => toLibrarySong(row, origin)),
  );
}

/**
 * The visible songs among these ids, in the order asked (each once). Ids that are not UUIDs name no
 * song, so they are dropped before the query rather than failing the cast.
 */
export async function songsByIds(db: Queryable, ids: readonly string[], origin: string): Promise<LibrarySong[]> {
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const r = await db.query<LibrarySongRow>(
    `select ${LIBRARY_COLUMNS} from songs s join albums a on a.id = s.album_id
      where ${VISIBLE} and s.id = any($1::uuid[])`,
    [wanted],
  );
  const byId = new Map(r.rows.map((row) => [row.id, toLibrarySong(row, origin)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}
