import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myPlaylistsSchema, playlistDetailSchema, type PlaylistDetail } from '@contract/playlists.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F } from '../test/fixture.js';
import { backends, registeredClient, signedClient, testServer, type TestServer } from '../test/harness.js';

const songId = (albumId: string, n: number) => stableUuid(`t:song:${albumId}:${n}`);
type Client = Awaited<ReturnType<typeof signedClient>>;

describe.each(backends())('playlists as resources (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  let bob: Client;
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
    bob = await registeredClient(origin, 'bob', 'bob-password-1');
  });
  afterAll(() => s.shutdown());

  const json = async <T>(r: Response | Promise<Response>, status = 200): Promise<T> => {
    const res = await r;
    const body = (await res.json()) as T;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
    return body;
  };
  const create = (c: Client, body: object) =>
    json<PlaylistDetail>(c.call('POST', '/api/v1/me/playlists', JSON.stringify(body)), 201);
  const detail = async (c: Client, id: string) =>
    playlistDetailSchema.parse(await json(c.call('GET', `/api/v1/me/playlists/${id}`)));
  const ops = (c: Client, id: string, version: number, list: object[]) =>
    c.call('POST', `/api/v1/me/playlists/${id}/ops`, JSON.stringify({ ops: list }), { 'if-match': `"p${version}"` });
  const doc = async (c: Client) => {
    const r = await c.call('GET', '/api/v1/playlists');
    return { etag: r.headers.get('etag')!, body: (await r.json()) as Record<string, { id: string }[]> };
  };

  it('keeps 5,000 songs in one playlist, with their count, length and order, and moves one of them', async () => {
    const real = [songId(F.albums.robots, 1), songId(F.albums.ocean, 3)];
    const ids = Array.from({ length: 5000 }, (_, i) => (i < 2 ? real[i]! : stableUuid(`big:${i}`)));
    const p = await create(alice, { name: 'Everything', songIds: ids });
    expect(p.songCount).toBe(5000);
    expect(p.durationSec).toBe(60);
    // the mosaic: the artwork of each album, first appearance first (only Robots has one)
    expect(p.mosaic).toEqual([`${origin}/media/artwork/robots.svg`]);
    const got = await detail(alice, p.id);
    expect(got.entries.map((e) => e.songId)).toEqual(ids);
    expect(got.songs.map((x) => x.id).sort()).toEqual([...real].sort());
    // the last song goes first
    const last = got.entries[4999]!;
    const moved = await json<{ version: number }>(
      ops(alice, p.id, got.version, [{ op: 'move', key: last.key, after: null }]),
    );
    expect(moved.version).toBe(got.version + 1);
    const after = await detail(alice, p.id);
    expect(after.entries[0]).toEqual(last);
    expect(after.entries).toHaveLength(5000);
    // The old-style client sees it whole in GET, but cannot shorten it with PUT: refused, nothing changed.
    const d = await doc(alice);
    expect(d.body.Everything).toHaveLength(5000);
    const shorter = await alice.call('PUT', '/api/v1/playlists', JSON.stringify({ Everything: [{ id: 'x' }] }));
    expect(shorter.status).toBe(409);
    expect(((await shorter.json()) as { message: string }).message).toMatch(
      /“Everything” has 5000 songs.*nothing was changed/,
    );
    const left = await json<{ kept: string[]; created: string[] }>(
      alice.call('PUT', '/api/v1/playlists', JSON.stringify({ Small: [{ id: 'a' }] })),
    );
    expect(left).toMatchObject({ created: ['Small'], kept: ['Everything'] });
    expect((await detail(alice, p.id)).entries).toEqual(after.entries);
  });

  it('answers the documented GET/PUT round trip to an old-style client beside the new endpoints', async () => {
    const before = await doc(alice);
    expect(Object.keys(before.body).sort()).toEqual(['Everything', 'Small']);
    // what an old-style client can send back: everything but the playlist too large for it
    const body = { Road: [{ id: 's1' }, { id: 's2' }, { id: 's1' }] };
    const put = await alice.call('PUT', '/api/v1/playlists', JSON.stringify(body), { 'if-match': before.etag });
    expect(put.status).toBe(200);
    const said = (await put.json()) as Record<string, unknown>;
    expect(said).toEqual({
      id: expect.any(String),
      created: ['Road'],
      replaced: [],
      unchanged: [],
      deleted: ['Small'],
      kept: ['Everything'],
    });
    const again = await doc(alice);
    expect(again.body).toEqual({ ...body, Everything: before.body.Everything });
    expect(again.etag).toBe(put.headers.get('etag'));
    // the new endpoints see it, rename it; the document follows, with a new ETag
    const mine = myPlaylistsSchema.parse(await json(alice.call('GET', '/api/v1/me/playlists')));
    const road = mine.playlists.find((p) => p.name === 'Road')!;
    expect(road.songCount).toBe(3);
    await json(ops(alice, road.id, road.version, [{ op: 'rename', name: 'Road trip' }]));
    const renamed = await doc(alice);
    expect(Object.keys(renamed.body).sort()).toEqual(['Everything', 'Road trip']);
    expect(renamed.etag).not.toBe(again.etag);
    // a stale document write is refused (412), as documented for the app's If-Match
    const stale = await alice.call('PUT', '/api/v1/playlists', JSON.stringify({ lost: [] }), {
      'if-match': again.etag,
    });
    expect(stale.status).toBe(412);
    expect((await doc(alice)).body).toEqual(renamed.body);
  });

  it('merges two clients’ concurrent edits with nothing lost, and refuses a silent duplicate', async () => {
    const start = Array.from({ length: 40 }, (_, i) => stableUuid(`c:${i}`));
    const p = await create(alice, { name: 'Shared edit', songIds: start });
    const keys = (await detail(alice, p.id)).entries.map((e) => e.key);
    // seeded so that a failure can be replayed
    let seed = 21;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const removed = new Set<number>();
    const added: string[] = [];
    const send = async (op: object) => {
      const r = await ops(alice, p.id, p.version, [op]);
      expect([200, 409]).toContain(r.status);
      return r.status;
    };
    const tab = async (name: string) => {
      for (let i = 0; i < 12; i++) {
        const k = keys[rand(keys.length)]!;
        const which = rand(3);
        if (which === 0) {
          const id = stableUuid(`${name}:${i}`);
          added.push(id);
          await send({ op: 'insert', songIds: [id], after: keys[rand(keys.length)] });
        } else if (which === 1) {
          if ((await send({ op: 'remove', key: k })) === 200) removed.add(k);
        } else await send({ op: 'move', key: k, after: keys[rand(keys.length)] });
      }
    };
    await Promise.all([tab('one'), tab('two')]);
    const end = await detail(alice, p.id);
    for (const id of added) expect(end.entries.map((e) => e.songId)).toContain(id);
    for (const k of keys) expect(end.entries.some((e) => e.key === k)).toBe(!removed.has(k));
    expect(end.songCount).toBe(40 + added.length - removed.size);
    const dupe = await ops(alice, p.id, end.version, [{ op: 'insert', songIds: [start[0]] }]);
    expect(dupe.status).toBe(409);
    expect(((await dupe.json()) as { message: string }).message).toMatch(/already in “Shared edit”/);
    await json(ops(alice, p.id, end.version, [{ op: 'insert', songIds: [start[0]], allowDuplicates: true }]));
  });

  it('shares by link for anyone to see and listeners to follow and save; revoking ends it', async () => {
    const p = await create(alice, { name: 'For Bob', songIds: [songId(F.albums.robots, 1)], description: 'Robots' });
    const link = await json<{ shareToken: string }>(
      alice.call('PUT', `/api/v1/me/playlists/${p.id}/sharing`, JSON.stringify({ visibility: 'link' })),
    );
    const page = await json<PlaylistDetail>(fetch(`${origin}/api/v1/music/playlists/shared/${link.shareToken}`));
    expect(page).toMatchObject({ name: 'For Bob', description: 'Robots', owner: 'alice', mine: false, songCount: 1 });
    expect(page.songs[0]!.id).toBe(songId(F.albums.robots, 1));
    await json(bob.call('PUT', `/api/v1/me/playlists/following/${link.shareToken}`));
    const copy = await create(bob, { name: 'Saved', fromShared: link.shareToken });
    expect(copy.entries.map((e) => e.songId)).toEqual([songId(F.albums.robots, 1)]);
    // a rename by the owner is what the follower sees: the page is live
    await json(ops(alice, p.id, p.version, [{ op: 'rename', name: 'For Bob, renamed' }]));
    const followed = myPlaylistsSchema.parse(await json(bob.call('GET', '/api/v1/me/playlists'))).following;
    expect(followed.map((x) => x.name)).toEqual(['For Bob, renamed']);
    // others never reach it through the owner's endpoints
    expect((await bob.call('GET', `/api/v1/me/playlists/${p.id}`)).status).toBe(404);
    await json(alice.call('PUT', `/api/v1/me/playlists/${p.id}/sharing`, JSON.stringify({ visibility: 'private' })));
    expect((await fetch(`${origin}/api/v1/music/playlists/shared/${link.shareToken}`)).status).toBe(404);
    expect((await bob.call('PUT', `/api/v1/me/playlists/following/${link.shareToken}`)).status).toBe(404);
    expect(myPlaylistsSchema.parse(await json(bob.call('GET', '/api/v1/me/playlists'))).following).toEqual([]);
    const again = await json<{ shareToken: string }>(
      alice.call('PUT', `/api/v1/me/playlists/${p.id}/sharing`, JSON.stringify({ visibility: 'profile' })),
    );
    expect(again.shareToken).not.toBe(link.shareToken);
    expect((await fetch(`${origin}/api/v1/music/playlists/shared/${link.shareToken}`)).status).toBe(404);
    const onProfile = await json<{ name: string }[]>(fetch(`${origin}/api/v1/profiles/alice/playlists`));
    expect(onProfile.map((x) => x.name)).toEqual(['For Bob, renamed']);
  });
});
