import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySongListSchema } from '@contract/catalog.js';
import { playlistsSchema } from '@contract/listener.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F } from '../test/fixture.js';
import type { HttpError } from '../lib/errors.js';
import { readDocument, writeDocument } from './documents-repo.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

const songId = (albumId: string, n: number) => stableUuid(`t:song:${albumId}:${n}`);

describe.each(backends())('songs by id and playlist storage edge cases (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  const get = async (url: string) => {
    const r = await fetch(`${origin}${url}`);
    return { status: r.status, body: (await r.json()) as unknown };
  };

  it('answers the visible songs among the ids, in the order asked, to anyone', async () => {
    const eel = songId(F.albums.ocean, 3);
    const sheep = songId(F.albums.robots, 1);
    const gone = songId(F.albums.removed, 1);
    const r = await get(`/api/v1/music/songs?ids=${eel},not-a-uuid,${gone},${sheep},${eel.toUpperCase()}`);
    expect(r.status).toBe(200);
    const songs = librarySongListSchema.parse(r.body);
    expect(songs.map((x) => x.name)).toEqual(['Electric Eel', 'Electric Sheep']);
    expect(songs[0]).toMatchObject({ albumName: 'Deep Ocean', artist: 'The Blue Whales', tokens: ['OCEAN'] });
    expect(librarySongListSchema.parse((await get(`/api/v1/music/songs?ids=${stableUuid('nothing')}`)).body)).toEqual(
      [],
    );
  });

  it.each([
    ['no ids', '/api/v1/music/songs', /ids/],
    ['an empty id', '/api/v1/music/songs?ids=a,,b', /empty/],
    ['too long an id', `/api/v1/music/songs?ids=${'x'.repeat(65)}`, /64/],
    ['too many ids', `/api/v1/music/songs?ids=${Array.from({ length: 101 }, (_, i) => `s${i}`).join(',')}`, /100/],
  ])('refuses %s with a clear 422', async (_what, url, message) => {
    const r = await get(url);
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toMatch(message);
  });

  it('refuses playlist names and ids that could not be stored faithfully, keeping the stored ones', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const good = JSON.stringify({ Mix: [{ id: 'a' }] });
    expect((await alice.call('PUT', '/api/v1/playlists', good)).status).toBe(200);
    for (const body of [
      '{"__proto__":[{"id":"a"}],"b":[]}',
      '{"bad\\u0000name":[]}',
      '{"line\\nbreak":[]}',
      '{"half \\ud800":[]}',
      '{"ok":[{"id":"\\u0000"}]}',
    ]) {
      const r = await alice.call('PUT', '/api/v1/playlists', body);
      expect(r.status, body).toBe(422);
      expect(((await r.json()) as { message: string }).message).toMatch(/reserved|control characters/);
    }
    const stored = await alice.call('GET', '/api/v1/playlists');
    expect(playlistsSchema.parse(await stored.json())).toEqual({ Mix: [{ id: 'a' }] });
  });

  it('still shows a document stored before the name rules, so that its playlist can be renamed', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    // playlists are rows since issue 21 (server/playlists/)
    await s.db.query(`delete from listener_playlists where user_id = $1`, [alice.creds.id]);
    await s.db.query(
      `insert into listener_playlists (user_id, name, song_ids, entry_keys, next_key) values ($1, $2, '{a}', '{0}', 1)`,
      [alice.creds.id, 'tab\there'],
    );
    const got = await alice.call('GET', '/api/v1/playlists');
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ 'tab\there': [{ id: 'a' }] });
    const renamed = await alice.call('PUT', '/api/v1/playlists', JSON.stringify({ 'tab here': [{ id: 'a' }] }));
    expect(renamed.status).toBe(200);
  });

  it('counts the 4 KB limit on the bytes sent, multi-byte characters included', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const body = (ids: string[]) => JSON.stringify({ p: ids.map((id) => ({ id })) });
    /** a document of exactly n bytes of JSON, mostly 2-byte characters */
    const ofBytes = (n: number) => {
      const ids: string[] = [];
      while (Buffer.byteLength(body([...ids, 'é'.repeat(30)])) + 70 <= n) ids.push('é'.repeat(30));
      let last = 'x';
      while (Buffer.byteLength(body([...ids, last])) < n) {
        last += Buffer.byteLength(body([...ids, last])) + 2 <= n ? 'é' : 'x';
      }
      return body([...ids, last]);
    };
    const fits = ofBytes(4096);
    expect(Buffer.byteLength(fits)).toBe(4096);
    expect(fits.length).toBeLessThan(4096);
    expect((await alice.call('PUT', '/api/v1/playlists', fits)).status).toBe(200);
    const over = ofBytes(4097);
    expect(Buffer.byteLength(over)).toBe(4097);
    expect((await alice.call('PUT', '/api/v1/playlists', over)).status).toBe(413);
  });

  it('lets only one of several first conditional writes win, even with no stored document yet', async () => {
    // a fresh user: no stored document, so no row for the first writers to lock
    const reg = await fetch(`${origin}/api/v1/account/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'racer', password: 'racer-password-1', email: 'r@example.com', code: F.invite }),
    });
    expect(reg.status).toBe(200);
    const { id: userId } = (await reg.json()) as { id: string };
    // Warm connections, so that the writers really overlap instead of queuing for new ones.
    await Promise.all(Array.from({ length: 16 }, () => s.db.query('select pg_sleep(0.05)')));
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => writeDocument(s.db, 'playlists', userId, { [`tab ${i}`]: [] }, '"v0"')),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as HttpError).statusCode).toBe(412);
    expect((await readDocument(s.db, 'playlists', userId)).data).toEqual({ [`tab ${won[0]}`]: [] });
  });
});
