import type { Queryable } from '../db/connection.js';
import type { SearchFilters } from './search-repo.js';

/**
 * The exact number of visible songs a search matches, counted from the term table of migration 018
 * (`song_terms`: one row per term of each visible song, a b-tree on (term, song_id)) instead of
 * from the songs: index-only, where a GIN match has to visit every heap page that holds one. Each
 * condition of searchLibrary is the set of songs with a term, with the same meaning:
 * a keyword is a prefix of a lexeme of name_tsv / artist_tsv ('n:' / 'a:', a range of the b-tree),
 * a genre 'g:' || lower(genre), a tag 't:' || tag, a token 'k:' || token, no filter 'v:'.
 */
export interface TermCount {
  count: number;
  /** the planner's number of songs (for choosing how to page) */
  songs: number;
}

/** A search as statements on the term table: its exact count and, where possible, its ordered matches. */
export interface TermPlan {
  /** one row, `total`: the exact number of matches */
  countSql: string;
  params: unknown[];
  /** the planner's number of songs (for choosing how to page) */
  songs: number;
  /**
   * The matches as rows (id, name) from the (term, name, song_id) index of migration 019, when every
   * set is one term (or none) and they are ANDed: a merge join of the terms' ranges in the search's
   * order (name, id), which a page reads index-only and stops when it is full. Else undefined.
   */
  ordered?: string | undefined;
}
type Word = { kind: 'n' | 'a'; word: string };
const MAX_CHAR = String.fromCodePoint(0x10ffff);

export async function termCount(
  db: Queryable,
  f: SearchFilters,
  words: (text: string) => string[],
): Promise<TermCount> {
  const plan = await termPlan(db, f, words);
  const r = await db.query<{ total: number }>(plan.countSql, plan.params);
  return { count: r.rows[0]?.total ?? 0, songs: plan.songs };
}

export async function termPlan(db: Queryable, f: SearchFilters, words: (text: string) => string[]): Promise<TermPlan> {
  // Conditions in search-repo's order; a keyword condition is the AND of its words.
  const conds: (Word[] | string)[] = [];
  if (f.name) conds.push(words(f.name).map((word) => ({ kind: 'n', word })));
  if (f.artist) conds.push(words(f.artist).map((word) => ({ kind: 'a', word })));
  if (f.genre) conds.push(`g:${f.genre.toLowerCase()}`);
  if (f.tag) conds.push(`t:${f.tag.toLowerCase()}`);
  if (f.token) conds.push(`k:${f.token.toUpperCase()}`);
  if (conds.length === 0) conds.push('v:');

  // Which terms each keyword's range holds: none, one (counted as that term), or several.
  const prefixes = conds.flatMap((c) => (typeof c === 'string' ? [] : c.map((w) => `${w.kind}:${w.word}`)));
  const probe = await db.query<{ lo: string | null; hi: string | null; songs: number }>(
    `select (select min(term) from song_terms where term >= p collate "C" and term < (p || $2) collate "C") as lo,
            (select max(term) from song_terms where term >= p collate "C" and term < (p || $2) collate "C") as hi,
            (select greatest(reltuples, 0)::float8 from pg_class where oid = 'songs'::regclass) as songs
       from unnest($1::text[]) with ordinality as u(p, i) order by i`,
    [prefixes.length ? prefixes : [''], MAX_CHAR],
  );
  const songs = probe.rows[0]?.songs ?? 0;

  const params: unknown[] = [];
  const arg = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // The parameter of each set's one term (null: the set is empty), or undefined when a set is a range of several.
  const single: (string | null | undefined)[] = [];
  const exact = (term: string) => {
    const t = arg(term);
    single.push(t);
    return `select song_id from song_terms where term = ${t}`;
  };
  let k = 0;
  const wordSet = (w: Word) => {
    const prefix = `${w.kind}:${w.word}`;
    const { lo, hi } = probe.rows[k++]!;
    if (lo === null) {
      single.push(null);
      return `select null::uuid as song_id where false`;
    }
    if (lo === hi) return exact(lo);
    single.push(undefined);
    return `select distinct song_id from song_terms
             where term >= ${arg(prefix)} collate "C" and term < ${arg(prefix + MAX_CHAR)} collate "C"`;
  };
  // Each set has every song once; a keyword's words (and an AND) are joined on the song.
  const joined = (sets: string[]) =>
    sets.length === 1
      ? `(${sets[0]}) s0`
      : sets.map((s, i) => (i === 0 ? `(${s}) s0` : `join (${s}) s${i} using (song_id)`)).join(' ');
  const setOf = (c: Word[] | string) => (typeof c === 'string' ? [exact(c)] : c.map((w) => wordSet(w)));
  const countOf = (sets: string[]) => `(select count(*) from ${joined(sets)})`;

  let sql: string;
  let ordered: string | undefined;
  if (conds.length === 1 || f.operator === 'AND') {
    sql = countOf(conds.flatMap(setOf));
    if (single.every((t) => t !== undefined)) ordered = orderedAnd(single);
  } else {
    const sets = conds.map((c) => setOf(c));
    const one = (s: string[]) => (s.length === 1 ? s[0]! : `select song_id from ${joined(s)}`);
    // Two sets: |A| + |B| − |A ∩ B|, each from the indexes; more: their union.
    sql =
      sets.length === 2
        ? `${countOf(sets[0]!)} + ${countOf(sets[1]!)} - ${countOf([...sets[0]!, ...sets[1]!])}`
        : `(select count(*) from (${sets.map(one).join(' union ')}) u)`;
  }
  return { countSql: `select search_count(${sql}) as total`, params, songs, ordered };
}

/**
 * The songs that have every one of these terms (parameters of the count; none if one is null), as
 * (id, name) rows in (name, id) order.
 */
function orderedAnd(terms: (string | null)[]): string {
  if (terms.includes(null)) return `select null::uuid as id, null::text as name where false`;
  const on = (i: number) => `t${i}.name = t0.name and t${i}.song_id = t0.song_id and t${i}.term = ${terms[i]}`;
  const joins = terms.slice(1).map((_, j) => `join song_terms t${j + 1} on ${on(j + 1)}`);
  return `select t0.song_id as id, t0.name from song_terms t0 ${joins.join(' ')} where t0.term = ${terms[0]}`;
}
