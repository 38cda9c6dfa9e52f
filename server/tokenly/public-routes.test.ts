import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  albumListSchema,
  albumSchema,
  artistPageSchema,
  artistProfileSchema,
  genrePageSchema,
  librarySongPageSchema,
  songListSchema,
  tagPageSchema,
} from '@contract/catalog.js';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { F } from '../test/fixture.js';

describe.each(backends())('public catalog endpoints (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    // Absolute URLs come from the configured origin, never from the request's Host (issue 13).
    s = await testServer(backend, { PUBLIC_URL: 'http://music.test' });
  });
  afterAll(() => s.shutdown());

  const get = async (url: string) => {
    const r = await s.app.inject({ method: 'GET', url, headers: { host: 'music.test' } });
    return { status: r.statusCode, body: r.json() as unknown, headers: r.headers };
  };

  it('lists the public albums with the document fields, without removed ones', async () => {
    const r = await get('/api/v1/music/catalog/albums');
    expect(r.status).toBe(200);
    const albums = albumListSchema.parse(r.body);
    expect(albums.map((a) => a.name).sort()).toEqual(['Deep Ocean', 'Night Shift', 'Robot Dreams']);
    const robots = albums.find((a) => a.id === F.albums.robots)!;
    expect(robots).toMatchObject({
      songCount: 3,
      artistProfileID: F.artists.chips,
      releaseDate: '2016-01-10T00:00:00+0000',
    });
    expect(robots.artworkImage).toBe('http://music.test/media/artwork/robots.svg');
    expect(r.body).toEqual(expect.arrayContaining([expect.objectContaining({ artistProfileID: F.artists.chips })]));
  });

  it('gives one album by id, 404 for an unknown one and 410 for a removed one', async () => {
    const r = await get(`/api/v1/music/album/${F.albums.ocean}`);
    expect(albumSchema.parse(r.body)).toMatchObject({ name: 'Deep Ocean', songCount: 4 });
    const missing = await get('/api/v1/music/album/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'Album not found', errors: ['Album not found'] });
    expect((await get('/api/v1/music/album/not-a-uuid')).status).toBe(404);
    const removed = await get(`/api/v1/music/album/${F.albums.removed}`);
    expect(removed.status).toBe(410);
    expect((removed.body as { message: string }).message).toMatch(/removed/);
  });

  it('lists the songs of an album in track order with the document spellings', async () => {
    const r = await get(`/api/v1/music/catalog/songs/${F.albums.robots}`);
    const songs = songListSchema.parse(r.body);
    expect(songs.map((x) => x.name)).toEqual(['Electric Sheep', 'Circuit Love', 'Silicon Heart']);
    expect(r.body).toEqual(expect.arrayContaining([expect.objectContaining({ usageProhbitions: '' })]));
    expect(songs[0]).toMatchObject({
      tokens: ['ROBOTS'],
      priceFloat: 2,
      priceSat: 200_000_000,
      releaseDate: '2016-03-26T20:31:12+0000',
    });
    expect((await get(`/api/v1/music/catalog/songs/${F.albums.removed}`)).status).toBe(410);
  });

  it('lists artists: profiles first-class, artists without a profile with a null id', async () => {
    const r = await get('/api/v1/artists');
    const page = artistPageSchema.parse(r.body);
    expect(page).toMatchObject({ page: 0, perPage: 50, pageCount: 1, count: 4 });
    expect(page.items.find((a) => a.artist === 'Harbor Crew')).toEqual({
      artist: 'Harbor Crew',
      artistProfileId: null,
      pictureUrl: '',
      website: '',
      genre: '',
      tags: [],
    });
    const paged = artistPageSchema.parse((await get('/api/v1/artists?limit=2&pg=1')).body);
    expect(paged).toMatchObject({ page: 1, perPage: 2, pageCount: 2, count: 4 });
    expect(paged.items).toHaveLength(2);
  });

  it('counts genres and tags over visible songs', async () => {
    const genres = genrePageSchema.parse((await get('/api/v1/genres')).body);
    expect(genres.items).toContainEqual({ genre: 'Techno', songCount: 2 });
    expect(genres.items.find((g) => g.genre === 'Alternative')).toEqual({ genre: 'Alternative', songCount: 2 });
    const tags = tagPageSchema.parse((await get('/api/v1/tags?limit=1')).body);
    expect(tags).toMatchObject({ perPage: 1, count: 7 });
    expect(tags.items).toEqual([{ tag: 'ocean', songCount: 3 }]);
  });

  it('shows an artist profile with markdown bio and tags in both forms', async () => {
    const p = artistProfileSchema.parse((await get(`/api/v1/artist/profile/${F.artists.chips}`)).body);
    expect(p).toMatchObject({
      name: 'Mr. Chips',
      bio: 'AI __rock__.',
      tags: 'ai, rock',
      tagsArray: ['ai', 'rock'],
      active: true,
    });
    expect((await get('/api/v1/artist/profile/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("pages an artist's songs", async () => {
    const page = librarySongPageSchema.parse((await get(`/api/v1/artist/${F.artists.chips}/songs?limit=2`)).body);
    expect(page).toMatchObject({ count: 5, perPage: 2, pageCount: 3 });
    expect(page.items.every((x) => x.artistProfileId === F.artists.chips)).toBe(true);
    expect((await get('/api/v1/artist/00000000-0000-4000-8000-000000000000/songs')).status).toBe(404);
  });

  it('answers 404 for the public profile of an unknown user and {} for a user with none', async () => {
    expect((await get('/api/v1/profiles/nobody-here')).status).toBe(404);
    const r = await get('/api/v1/profiles/alice');
    expect(r).toMatchObject({ status: 200, body: {} });
  });
});
