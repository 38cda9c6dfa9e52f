import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { albumListSchema } from '@contract/catalog.js';
import {
  albumPageSchema,
  followedArtistListSchema,
  homeSchema,
  libraryIdsSchema,
  likedSongPageSchema,
  playedSongListSchema,
  savedAlbumListSchema,
  suggestionsSchema,
} from '@contract/listener-app.js';
import { F } from '../test/fixture.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { backends, registeredClient, signedClient, testServer, type TestServer } from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;
const whaleSong = stableUuid(`t:song:${F.albums.ocean}:1`);
const tidePool = stableUuid(`t:song:${F.albums.ocean}:2`);
const goneSong = stableUuid(`t:song:${F.albums.removed}:1`);

describe.each(backends())('listener app: suggestions, albums, history, library (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  beforeAll(async () => {
    s = await testServer(backend);
    await s.db.query(`insert into artist_profiles (name, bio) values ('Beyoncé', 'Singer')`);
    await s.db.query(`update songs set genre = 'Jazz' where id = $1`, [tidePool]);
    origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
  });
  afterAll(() => s.shutdown());

  const get = async (url: string) => {
    const r = await s.app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() as unknown };
  };
  const suggestions = async (q: string) => {
    const r = await get(`/api/v1/music/suggest?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    return suggestionsSchema.parse(r.body);
  };

  it('suggests songs, albums, artists and genres by prefix, ignoring case and accents', async () => {
    const el = await suggestions('ele');
    expect(el.songs.map((x) => x.name).sort()).toEqual(['Electric Eel', 'Electric Sheep']);
    expect((await suggestions('beyonce')).artists.map((a) => a.name)).toEqual(['Beyoncé']);
    expect((await suggestions('BEYONCÉ')).artists.map((a) => a.name)).toEqual(['Beyoncé']);
    expect((await suggestions('ja')).genres).toEqual(['Jazz']);
    // A word inside a name, after the names that start with it.
    expect((await suggestions('lig')).songs.map((x) => x.name)).toEqual(['Street Lights']);
    expect((await suggestions('deep o')).albums.map((a) => a.name)).toEqual(['Deep Ocean']);
    // Artists too, by a later word of their name (the artists' word index of migration 010).
    expect((await suggestions('whal')).artists.map((a) => a.name)).toEqual(['The Blue Whales']);
    expect((await suggestions('chi')).artists.map((a) => a.name)).toEqual(['Mr. Chips']);
    // Removed albums' songs are never suggested.
    expect((await suggestions('gone')).songs).toEqual([]);
    // Punctuation alone matches nothing rather than failing.
    expect(await suggestions('%_&')).toEqual({ songs: [], albums: [], artists: [], genres: [] });
  });

  it('refuses a missing or oversized query with a 422 that says why', async () => {
    const none = await get('/api/v1/music/suggest');
    expect(none.status).toBe(422);
    expect((none.body as { message: string }).message).toMatch(/q/);
    expect((await get(`/api/v1/music/suggest?q=${'a'.repeat(101)}`)).status).toBe(422);
  });

  it('pages the catalog of albums, sorted and filtered by genre', async () => {
    const newest = albumPageSchema.parse((await get('/api/v1/music/albums')).body);
    expect(newest.items.map((a) => a.name)).toEqual(['Deep Ocean', 'Robot Dreams', 'Night Shift']);
    const byName = albumPageSchema.parse((await get('/api/v1/music/albums?sort=name&limit=2')).body);
    expect(byName).toMatchObject({ count: 3, pageCount: 2, perPage: 2 });
    expect(byName.items.map((a) => a.name)).toEqual(['Deep Ocean', 'Night Shift']);
    const techno = albumPageSchema.parse((await get('/api/v1/music/albums?genre=techno')).body);
    expect(techno.items.map((a) => a.name)).toEqual(['Night Shift']);
    expect((await get('/api/v1/music/albums?sort=loudest')).status).toBe(422);
  });

  it('keeps a history from stream grants and play events: one listen each, replays added', async () => {
    const bob = await registeredClient(origin, 'bob', 'bob-password-123');
    // A play event without a grant is refused: plays cannot be made up.
    const early = await bob.call('POST', '/api/v1/me/plays', JSON.stringify({ songId: whaleSong }));
    expect(early.status).toBe(409);
    await s.db.query(`insert into token_holdings (user_id, token, amount) values ($1, 'OCEAN', 1)`, [bob.creds.id]);
    expect((await bob.call('POST', `/api/v1/stream/${whaleSong}`)).status).toBe(200);
    expect((await bob.call('POST', `/api/v1/stream/${whaleSong}`)).status).toBe(200);
    const play = JSON.stringify({ songId: whaleSong, context: { kind: 'album', id: F.albums.ocean } });
    expect((await bob.call('POST', '/api/v1/me/plays', play)).status).toBe(200);
    const rows = await s.db.query<{ source: string; context_kind: string }>(
      'select source, context_kind from listening_history where user_id = $1',
      [bob.creds.id],
    );
    expect(rows.rows).toEqual([{ source: 'play', context_kind: 'album' }]);
    // A replay inside the grant is a second listen.
    expect((await bob.call('POST', '/api/v1/me/plays', play)).status).toBe(200);
    await bob.call(
      'POST',
      '/api/v1/me/plays',
      JSON.stringify({ songId: whaleSong, context: { kind: 'playlist', id: 'Sea' } }),
    );
    const home = homeSchema.parse(await (await bob.call('GET', '/api/v1/me/home')).json());
    expect(home.recent.map((x) => x.name)).toEqual(['Whale Song']);
    expect(home.jumpBackIn.map((j) => (j.kind === 'album' ? j.album.name : j.name)).sort()).toEqual([
      'Deep Ocean',
      'Sea',
    ]);
    const popular = playedSongListSchema.parse((await get('/api/v1/music/popular')).body);
    expect(popular[0]).toMatchObject({ name: 'Whale Song', plays: 3 });
    const top = playedSongListSchema.parse((await get(`/api/v1/music/artists/${F.artists.whales}/top-songs`)).body);
    expect(top[0]).toMatchObject({ name: 'Whale Song', plays: 3 });
    const bad = await bob.call('POST', '/api/v1/me/plays', JSON.stringify({ songId: 'nope' }));
    expect(bad.status).toBe(422);
    expect((await fetch(`${origin}/api/v1/me/home`)).status).toBe(403);
  });

  it('lists an artist discography newest first', async () => {
    const albums = albumListSchema.parse((await get(`/api/v1/music/artists/${F.artists.chips}/albums`)).body);
    expect(albums.map((a) => a.name)).toEqual(['Robot Dreams', 'Night Shift']);
  });

  it('likes, saves and follows; lists them newest first; twice is once; unknown things are 404', async () => {
    const put = (path: string) => alice.call('PUT', path);
    expect(await (await put(`/api/v1/me/library/songs/${whaleSong}`)).json()).toEqual({ kept: true });
    expect((await put(`/api/v1/me/library/songs/${whaleSong}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    await put(`/api/v1/me/library/songs/${tidePool}`);
    await put(`/api/v1/me/library/albums/${F.albums.ocean}`);
    await put(`/api/v1/me/library/artists/${F.artists.whales}`);
    expect((await put(`/api/v1/me/library/songs/${goneSong}`)).status).toBe(404);
    expect((await put(`/api/v1/me/library/tracks/${whaleSong}`)).status).toBe(422);
    const liked = likedSongPageSchema.parse(await (await alice.call('GET', '/api/v1/me/library/songs')).json());
    expect(liked.items.map((x) => x.name)).toEqual(['Tide Pool', 'Whale Song']);
    const ids = libraryIdsSchema.parse(await (await alice.call('GET', '/api/v1/me/library')).json());
    expect(ids.songs.map((x) => x.id)).toEqual([tidePool, whaleSong]);
    const albums = savedAlbumListSchema.parse(await (await alice.call('GET', '/api/v1/me/library/albums')).json());
    expect(albums.map((a) => a.name)).toEqual(['Deep Ocean']);
    const artists = followedArtistListSchema.parse(
      await (await alice.call('GET', '/api/v1/me/library/artists')).json(),
    );
    expect(artists.map((a) => a.name)).toEqual(['The Blue Whales']);
    expect(await (await alice.call('DELETE', `/api/v1/me/library/songs/${tidePool}`)).json()).toEqual({ kept: false });
    const after = likedSongPageSchema.parse(
      await (await alice.call('GET', '/api/v1/me/library/songs?limit=500')).json(),
    );
    expect(after.items.map((x) => x.name)).toEqual(['Whale Song']);
    expect((await alice.call('GET', '/api/v1/me/library/songs?limit=501')).status).toBe(422);
  });

  it('keeps thousands of likes without a limit of their own', async () => {
    const many = 3000;
    await s.db.query(
      `insert into songs (album_id, track_number, name, artist) select $1, 100 + g, 'Bulk ' || g, 'Mr. Chips' from generate_series(1, $2) g`,
      [F.albums.night, many],
    );
    await s.db.query(`insert into liked_songs (user_id, song_id) select $1, id from songs where name like 'Bulk %'`, [
      alice.creds.id,
    ]);
    const page = likedSongPageSchema.parse(
      await (await alice.call('GET', '/api/v1/me/library/songs?limit=500&pg=5')).json(),
    );
    expect(page.count).toBe(many + 1);
    expect(page.items).toHaveLength(500);
    expect(page.pageCount).toBe(7);
  });
});
