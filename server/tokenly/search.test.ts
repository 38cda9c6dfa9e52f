import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySongPageSchema } from '@contract/catalog.js';
import type { Db, Queryable } from '../db/connection.js';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { searchLibrary, type SearchFilters } from './search-repo.js';

/** db that calls after(i, sql) once its i-th statement (from 0, in a transaction or not) has answered. */
function hooked(db: Db, after: (i: number, sql: string) => Promise<void>): Queryable & Pick<Db, 'transaction'> {
  let i = 0;
  const hook = (q: Queryable): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await q.query<T>(sql, params);
      await after(i++, sql);
      return r;
    },
  });
  return { ...hook(db), transaction: (fn) => db.transaction((tx) => fn(hook(tx))) };
}

describe.each(backends())('library search (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  const search = async (qs: string) => {
    const r = await s.app.inject({ method: 'GET', url: `/api/v1/library?${qs}` });
    return { status: r.statusCode, body: r.json() as unknown };
  };
  const names = async (qs: string) => {
    const r = await search(qs);
    expect(r.status).toBe(200);
    return librarySongPageSchema
      .parse(r.body)
      .items.map((i) => i.name)
      .sort();
  };

  it('matches name keywords against song and album names, by word prefix', async () => {
    expect(await names('name=electric')).toEqual(['Electric Eel', 'Electric Sheep']);
    expect(await names('name=robot')).toEqual(['Circuit Love', 'Electric Sheep', 'Midnight Robots', 'Silicon Heart']);
    expect(await names('name=electric%20sheep')).toEqual(['Electric Sheep']);
  });

  it('matches artist keywords, case-insensitively', async () => {
    expect(await names('artist=mr.%20chips')).toHaveLength(5);
    expect(await names('artist=WHALES')).toEqual(['Electric Eel', 'Tide Pool', 'Whale Song']);
  });

  it('filters by genre, tag and token', async () => {
    expect(await names('genre=rock')).toEqual(['Circuit Love', 'Electric Eel']);
    expect(await names('tag=night')).toEqual(['Midnight Robots', 'Street Lights']);
    expect(await names('token=chipsfan')).toEqual(['Silicon Heart']);
  });

  it('combines filters with OR by default and with AND on request', async () => {
    expect(await names('genre=Rock&tag=night')).toEqual([
      'Circuit Love',
      'Electric Eel',
      'Midnight Robots',
      'Street Lights',
    ]);
    expect(await names('genre=Rock&tag=ocean&operator=AND')).toEqual(['Electric Eel']);
    expect(await names('genre=Rock&tag=ocean&operator=and')).toEqual(['Electric Eel']);
    expect(await names('name=electric&artist=whales&operator=AND')).toEqual(['Electric Eel']);
  });

  it('never shows songs of removed albums', async () => {
    expect(await names('name=gone')).toEqual([]);
    expect(await names('token=GONE')).toEqual([]);
  });

  it('pages with limit (at most 50) and pg', async () => {
    const all = librarySongPageSchema.parse((await search('')).body);
    expect(all).toMatchObject({ page: 0, perPage: 50, pageCount: 1, count: 9 });
    const p1 = librarySongPageSchema.parse((await search('limit=4&pg=1')).body);
    expect(p1).toMatchObject({ page: 1, perPage: 4, pageCount: 3, count: 9 });
    expect(p1.items).toHaveLength(4);
    const last = librarySongPageSchema.parse((await search('limit=4&pg=2')).body);
    expect(last.items).toHaveLength(1);
    const past = librarySongPageSchema.parse((await search('limit=4&pg=7')).body);
    expect(past).toMatchObject({ count: 9, items: [] });
    expect(librarySongPageSchema.parse((await search('limit=500')).body).perPage).toBe(50);
    const firstPages = [...p1.items, ...last.items].map((i) => i.id);
    expect(new Set(firstPages).size).toBe(5);
  });

  it('answers the same with either plan (gathered once, or counted and paged apart), page by page', async () => {
    const filters: SearchFilters[] = [
      {},
      { name: 'electric' },
      { name: 'electric sheep' },
      { artist: 'whales' },
      { genre: 'rock' },
      { tag: 'night' },
      { token: 'chipsfan' },
      { genre: 'Rock', tag: 'night' },
      { genre: 'Rock', tag: 'ocean', operator: 'AND' },
      { name: 'electric', artist: 'whales', operator: 'AND' },
      { name: 's', tag: 'night', operator: 'AND' },
      { name: 'electric', genre: 'zzz', operator: 'AND' },
      { name: 'gone' },
    ];
    // Which searches the default plan paged from the term table's (term, name, song_id) index.
    const fromTerms: SearchFilters[] = [];
    for (const f of filters)
      for (const page of [0, 1, 2, 5]) {
        const paging = { page, limit: 2 };
        const narrow = await searchLibrary(s.db, f, paging, 'http://x', 'narrow');
        expect(await searchLibrary(s.db, f, paging, 'http://x', 'broad')).toEqual(narrow);
        const traced = hooked(s.db, async (_, sql) => {
          if (/from song_terms t0/.test(sql) && page === 0) fromTerms.push(f);
        });
        expect(await searchLibrary(traced, f, paging, 'http://x')).toEqual(narrow);
        if (page === 0 && f.name !== 'gone' && f.genre !== 'zzz') expect(narrow.count).toBeGreaterThan(0);
      }
    // Every AND of single terms (a keyword that starts one word only), and none of the others.
    expect(fromTerms).toEqual([
      {},
      { name: 'electric' },
      { name: 'electric sheep' },
      { artist: 'whales' },
      { genre: 'rock' },
      { tag: 'night' },
      { token: 'chipsfan' },
      { genre: 'Rock', tag: 'ocean', operator: 'AND' },
      { name: 'electric', artist: 'whales', operator: 'AND' },
      { name: 'electric', genre: 'zzz', operator: 'AND' },
    ]);
  });

  it('counts and pages from one snapshot: a write between their statements is seen by neither', async () => {
    // An OR is counted and paged in two statements, a genre in one (after the term probe).
    for (const [f, count] of [
      [{ genre: 'Rock', tag: 'night' }, 4],
      [{ genre: 'rock' }, 2],
    ] as const)
      for (const at of [0, 1]) {
        let write: Promise<unknown> | undefined;
        const db = hooked(s.db, async (i) => {
          if (i !== at + 1) return;
          // Hides a matching song, from another connection, while the search's transaction is open
          // (the embedded database has one session: the write waits for the search to end).
          write = s.db.query(`update songs set removed_at = now() where name = 'Circuit Love'`);
          if (backend === 'postgres') await write;
        });
        const r = await searchLibrary(db, f, { page: 0, limit: 50 }, 'http://x');
        await write;
        expect(write).toBeDefined();
        expect({ count: r.count, items: r.items.length }).toEqual({ count, items: count });
        expect((await searchLibrary(s.db, f, { page: 0, limit: 50 }, 'http://x')).count).toBe(count - 1);
        await s.db.query(`update songs set removed_at = null where name = 'Circuit Love'`);
      }
  });

  it('returns the document item shape', async () => {
    const page = librarySongPageSchema.parse((await search('name=electric%20sheep')).body);
    expect(page.items[0]).toMatchObject({
      name: 'Electric Sheep',
      tags: 'bitcoin, rock, techno',
      tagsArray: ['bitcoin', 'rock', 'techno'],
      albumName: 'Robot Dreams',
      isTokenlyMusic: true,
      publicStreamable: true,
      tokens: ['ROBOTS'],
      isSingle: false,
    });
  });

  it.each([
    ['limit=abc', /limit/],
    ['limit=0', /limit/],
    ['pg=-1', /pg/],
    ['operator=XOR', /operator/],
    ['token=not%20a%20token!', /token/],
    ['name=%21%21%21', /name/],
  ])('refuses %s with 422 naming the parameter', async (qs, field) => {
    const r = await search(qs);
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toMatch(field);
  });
});
