import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mySongListSchema, playlistsSchema } from '@contract/listener.js';
import { F } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;

describe.each(backends())('my songs, playlists, profile and TCA (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
  });
  afterAll(() => s.shutdown());

  it('lists the songs of held tokens with signed download links that serve the real file', async () => {
    const r = await alice.call('GET', '/api/v1/music/mysongs');
    expect(r.status).toBe(200);
    const songs = mySongListSchema.parse(await r.json());
    expect(songs.map((x) => x.name).sort()).toEqual(['Electric Eel', 'Tide Pool', 'Whale Song']);
    const song = songs[0]!;
    const file = await fetch(song.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('audio/mpeg');
    expect(file.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(song.downloadSize);
    expect(bytes[0] === 0xff || String.fromCharCode(...bytes.slice(0, 3)) === 'ID3').toBe(true);
    const part = await fetch(song.downloadUrl!, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${song.downloadSize}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it('refuses a tampered or expired download link with 403', async () => {
    const songs = mySongListSchema.parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json());
    const url = new URL(songs[0]!.downloadUrl!);
    const other = new URL(url);
    other.pathname = `/media/download/${songs[1]!.id}`;
    expect((await fetch(other)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set('e', String(Number(url.searchParams.get('e')) + 3600));
    expect((await fetch(later)).status).toBe(403);
    const { signMediaUrl } = await import('../storage/signed-urls.js');
    const expired = signMediaUrl(
      origin,
      s.ctx.mediaSecret,
      'download',
      songs[0]!.id,
      alice.creds.id,
      Math.floor(Date.now() / 1000) - 1,
    );
    const r = await fetch(expired);
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toMatch(/expired/);
  });

  it('stores playlists in the document shape, with ETag and conditional writes', async () => {
    const empty = await alice.call('GET', '/api/v1/playlists');
    expect(await empty.json()).toEqual({});
    const etag0 = empty.headers.get('etag')!;
    const doc = { playlist_1: [{ id: 'songid1' }, { id: 'songid2' }] };
    const put = await alice.call('PUT', '/api/v1/playlists', JSON.stringify(doc), { 'if-match': etag0 });
    expect(put.status).toBe(200);
    // the documented id, and (an addition since issue 21) what the save did
    expect(await put.json()).toMatchObject({ id: expect.any(String), created: ['playlist_1'] });
    const etag1 = put.headers.get('etag')!;
    expect(etag1).not.toBe(etag0);
    const got = await alice.call('GET', '/api/v1/playlists');
    expect(playlistsSchema.parse(await got.json())).toEqual(doc);
    expect(got.headers.get('etag')).toBe(etag1);

    const stale = await alice.call('PUT', '/api/v1/playlists', JSON.stringify({ lost: [] }), { 'if-match': etag0 });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { message: string }).message).toMatch(/changed elsewhere/);
    expect(await (await alice.call('GET', '/api/v1/playlists')).json()).toEqual(doc);

    const plain = await alice.call('PUT', '/api/v1/playlists', JSON.stringify({ ...doc, mix: [{ id: 'a' }] }));
    expect(plain.status).toBe(200);
  });

  it.each([
    [
      'larger than 4 KB',
      JSON.stringify({ big: Array.from({ length: 300 }, (_, i) => ({ id: `song-${i}` })) }),
      413,
      /4 KB/,
    ],
    ['malformed JSON', '{"a": [', 400, /Malformed JSON/],
    ['an array', '[{"id": "x"}]', 422, /./],
    ['a playlist that is not an array', '{"mix": {"id": "x"}}', 422, /mix/],
    ['an entry without id', '{"mix": [{"song": "x"}]}', 422, /id/],
    ['an empty body', '', 422, /JSON object/],
  ])('refuses playlists that are %s, leaving the stored ones untouched', async (_what, body, status, message) => {
    const before = await (await alice.call('GET', '/api/v1/playlists')).json();
    const r = await alice.call('PUT', '/api/v1/playlists', body);
    expect(r.status).toBe(status);
    expect(((await r.json()) as { message: string }).message).toMatch(message);
    expect(await (await alice.call('GET', '/api/v1/playlists')).json()).toEqual(before);
  });

  it('stores the profile and shows it publicly; refuses one over 4 KB or not an object', async () => {
    const put = await alice.call('PUT', '/api/v1/profile', JSON.stringify({ bio: 'I luv music.' }));
    expect(put.status).toBe(200);
    expect(await (await alice.call('GET', '/api/v1/profile')).json()).toEqual({ bio: 'I luv music.' });
    expect(await (await fetch(`${origin}/api/v1/profiles/alice`)).json()).toEqual({ bio: 'I luv music.' });
    expect((await alice.call('PUT', '/api/v1/profile', JSON.stringify({ bio: 'x'.repeat(5000) }))).status).toBe(413);
    // The document's own example is invalid JSON: it gets a clear 400.
    expect((await alice.call('PUT', '/api/v1/profile', '{"bio":{"I luv music."}')).status).toBe(400);
    expect((await alice.call('PUT', '/api/v1/profile', '"just a string"')).status).toBe(422);
    expect(await (await fetch(`${origin}/api/v1/profiles/alice`)).json()).toEqual({ bio: 'I luv music.' });
  });

  it('answers token-controlled access from holdings, with minimums', async () => {
    const r = await alice.call(
      'POST',
      '/api/v1/tca/status',
      JSON.stringify({ tokens: { OCEAN: 1, ROBOTS: 1, ocean: 2 } }),
    );
    expect(await r.json()).toEqual({ access: { OCEAN: true, ROBOTS: false, ocean: false } });
    const refresh = await alice.call(
      'POST',
      '/api/v1/tca/status',
      JSON.stringify({ tokens: { OCEAN: 0 }, refresh: true }),
    );
    expect(await refresh.json()).toEqual({ access: { OCEAN: true } });
    const bad = await alice.call('POST', '/api/v1/tca/status', JSON.stringify({ tokens: { OCEAN: 'many' } }));
    expect(bad.status).toBe(422);
    expect((await alice.call('POST', '/api/v1/tca/status', JSON.stringify({ nope: 1 }))).status).toBe(422);
  });

  it('refuses every protected endpoint to a logged-out session with 403', async () => {
    const bob = await signedClient(origin, 'alice', F.users.alice.password);
    await bob.call('GET', '/api/v1/account/logout');
    for (const [method, path, body] of [
      ['GET', '/api/v1/music/mysongs'],
      ['GET', '/api/v1/playlists'],
      ['PUT', '/api/v1/playlists', '{}'],
      ['GET', '/api/v1/profile'],
      ['PUT', '/api/v1/profile', '{}'],
      ['GET', '/api/v1/credits/balance'],
      ['GET', '/api/v1/credits/history'],
      ['POST', `/api/v1/stream/${F.albums.robots}`],
      ['POST', '/api/v1/tca/status', '{"tokens":{}}'],
    ] as const) {
      expect((await bob.call(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });
});
