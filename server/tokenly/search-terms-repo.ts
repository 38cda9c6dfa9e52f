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

type Word = { kind: 'n' | 'a'; word: string };
const MAX_CHAR = String.fromCodePoint(0x10ffff);

export async function termCount(
  db: Queryable,
  f: SearchFilters,
  words: (text: string) => string[],
): Promise<TermCount> {
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
  const exact = (term: string) => `select song_id from song_terms where term = ${arg(term)}`;
  let k = 0;
  const wordSet = (w: Word) => {
    const prefix = `${w.kind}:${w.word}`;
    const { lo, hi } = probe.rows[k++]!;
    if (lo === null) return `select null::uuid as song_id where false`;
    if (lo === hi) return exact(lo);
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
  if (conds.length === 1 || f.operator === 'AND') sql = countOf(conds.flatMap(setOf));
  else {
    const sets = conds.map((c) => setOf(c));
    const one = (s: string[]) => (s.length === 1 ? s[0]! : `select song_id from ${joined(s)}`);
    // Two sets: |A| + |B| − |A ∩ B|, each from the indexes; more: their union.
    sql =
      sets.length === 2
        ? `${countOf(sets[0]!)} + ${countOf(sets[1]!)} - ${countOf([...sets[0]!, ...sets[1]!])}`
        : `(select count(*) from (${sets.map(one).join(' union ')}) u)`;
  }
  const r = await db.query<{ total: number }>(`select search_count(${sql}) as total`, params);
  return { count: r.rows[0]?.total ?? 0, songs };
}
