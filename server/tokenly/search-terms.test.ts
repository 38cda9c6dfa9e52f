import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { searchWhere, type SearchFilters } from './search-repo.js';
import { termCount } from './search-terms-repo.js';

const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);

const filters: SearchFilters[] = [
  {},
  { name: 'electric' },
  { name: 'e' },
  { name: 'electric sheep' },
  { name: 'zebra' },
  { name: 'gone' },
  { artist: 'whales' },
  { artist: 'mr. chips' },
  { genre: 'ROCK' },
  { tag: 'night' },
  { tag: 'Ocean' },
  { token: 'chipsfan' },
  { genre: 'Rock', tag: 'night' },
  { name: 'e', tag: 'night' },
  { genre: 'Rock', tag: 'ocean', operator: 'AND' },
  { name: 'electric', artist: 'whales', operator: 'AND' },
  { name: 'e', genre: 'rock', tag: 'night', token: 'chipsfan' },
  { name: 's', artist: 'w', genre: 'rock', operator: 'AND' },
];

describe.each(backends())('search counts from the term table (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  /** Every filter's count from the terms equals the count of the songs matching it (the GIN way). */
  const expectCountsExact = async () => {
    for (const f of filters) {
      const { where, params } = searchWhere(f);
      const songs = await s.db.query<{ n: number }>(`select count(*)::int as n from songs s where ${where}`, params);
      expect({ f, count: (await termCount(s.db, f, words)).count }).toEqual({ f, count: songs.rows[0]!.n });
    }
    // And the table is exactly what the songs make of it, row for row.
    const diff = await s.db.query<{ n: number }>(
      `with want as (select t as term, s.name, s.id as song_id from songs s join albums a on a.id = s.album_id,
                       song_term_list(s.name_tsv, s.artist_tsv, s.genre, s.tags, s.tokens) t
                      where s.removed_at is null and a.removed_at is null and a.public)
       select count(*)::int as n from ((table want except select term, name, song_id from song_terms)
                                 union all (select term, name, song_id from song_terms except table want)) d`,
    );
    expect(diff.rows[0]!.n).toBe(0);
  };
  const songId = async (name: string) =>
    (await s.db.query<{ id: string; album_id: string }>('select id, album_id from songs where name = $1', [name]))
      .rows[0]!;

  it('counts every kind of search exactly, on the seeded catalog', async () => {
    await expectCountsExact();
    expect((await termCount(s.db, { name: 'electric' }, words)).count).toBe(2);
  });

  it('stays exact through renames, tag edits, removals and hidden albums', async () => {
    const sheep = await songId('Electric Sheep');
    await s.db.query(
      `update songs s set name = 'Zebra Sheep', name_tsv = to_tsvector('simple', 'Zebra Sheep ' || a.name)
         from albums a where a.id = s.album_id and s.id = $1`,
      [sheep.id],
    );
    await expectCountsExact();
    expect((await termCount(s.db, { name: 'zebra' }, words)).count).toBe(1);
    // A rename that keeps the words (the name's case) changes the name the term rows are ordered by.
    await s.db.query(`update songs set name = 'ZEBRA SHEEP' where id = $1`, [sheep.id]);
    await expectCountsExact();
    await s.db.query(`update songs set name = 'Zebra Sheep' where id = $1`, [sheep.id]);
    await s.db.query(`update songs set tags = array['night', 'Ocean'], genre = 'Rock' where id = $1`, [sheep.id]);
    await expectCountsExact();
    await s.db.query('update albums set public = false where id = $1', [sheep.album_id]);
    await expectCountsExact();
    expect((await termCount(s.db, { name: 'zebra' }, words)).count).toBe(0);
    await s.db.query('update albums set public = true where id = $1', [sheep.album_id]);
    await expectCountsExact();
    await s.db.query('update songs set removed_at = now() where id = $1', [sheep.id]);
    await expectCountsExact();
    await s.db.query('update songs set removed_at = null where id = $1', [sheep.id]);
    await s.db.query('update albums set removed_at = now() where id = $1', [sheep.album_id]);
    await expectCountsExact();
    await s.db.query('update albums set removed_at = null where id = $1', [sheep.album_id]);
    await expectCountsExact();
    expect((await termCount(s.db, { name: 'zebra' }, words)).count).toBe(1);
  });
});
