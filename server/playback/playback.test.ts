import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamAuthSchema } from '@contract/listener.js';
import { playbackAnswerSchema, type PlaybackSave } from '@contract/playback.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;
const songs = fixturePlan().songs;
const paid = songs.find((x) => x.name === 'Electric Sheep')!;
const item = (s: (typeof songs)[number]) => ({
  id: s.id,
  name: s.name,
  artist: s.artist,
  artistProfileId: s.artistProfileId,
  albumId: s.albumId,
  albumName: null,
  durationSec: s.durationSec,
  artworkUrl: null,
  access: { kind: 'credits' as const, label: '2 credits' },
});
const save = (over: Partial<PlaybackSave> = {}): PlaybackSave => ({
  deviceId: 'laptop-0001',
  deviceName: 'Laptop',
  entries: [item(paid), item(songs[1]!)],
  current: 0,
  positionSec: 12.5,
  playing: true,
  settings: { shuffle: false, repeat: 'all', volume: 0.5, muted: false },
  ...over,
});

describe.each(backends())('playback state for another device (%s)', (backend) => {
  let s: TestServer;
  let laptop: Client;
  let phone: Client;
  beforeAll(async () => {
    s = await testServer(backend);
    const origin = await s.listen();
    // Two devices are two logins of the same listener.
    laptop = await signedClient(origin, 'alice', F.users.alice.password);
    phone = await signedClient(origin, 'alice', F.users.alice.password);
  });
  afterAll(() => s.shutdown());

  const put = async (c: Client, body: PlaybackSave) => {
    const r = await c.call('PUT', '/api/v1/me/playback', JSON.stringify(body));
    return { status: r.status, body: (await r.json()) as unknown };
  };
  const get = async (c: Client, deviceId: string) => {
    const r = await c.call('GET', `/api/v1/me/playback?deviceId=${deviceId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    return playbackAnswerSchema.parse(await r.json());
  };

  it('needs a signed request', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/me/playback?deviceId=laptop-0001' });
    expect(r.statusCode).toBe(403);
    const w = await s.app.inject({ method: 'PUT', url: '/api/v1/me/playback', payload: save() });
    expect(w.statusCode).toBe(403);
  });

  it('has nothing before the first save', async () => {
    expect(await get(phone, 'phone-0002')).toEqual({ state: null, active: false });
  });

  it('keeps what the playing device saves, and another device reads it with the position moved on', async () => {
    const saved = await put(laptop, save());
    expect(saved.status).toBe(200);
    expect(playbackAnswerSchema.parse(saved.body)).toMatchObject({
      active: true,
      state: { deviceId: 'laptop-0001', deviceName: 'Laptop', current: 0, playing: true, revision: 1 },
    });
    await new Promise((r) => setTimeout(r, 300));
    const read = await get(phone, 'phone-0002');
    expect(read.active).toBe(false);
    expect(read.state?.entries.map((e) => e.id)).toEqual([paid.id, songs[1]!.id]);
    expect(read.state?.settings).toEqual({ shuffle: false, repeat: 'all', volume: 0.5, muted: false });
    // At least the 300 ms waited have passed on the server's clock since the save.
    expect(read.state!.positionSec).toBeGreaterThanOrEqual(12.8);
    expect(read.state!.positionSec).toBeLessThan(paid.durationSec);
    expect((await get(laptop, 'laptop-0001')).active).toBe(true);
  });

  it('lets another device take over; the first one learns it is no longer active and cannot pull back', async () => {
    const taken = playbackAnswerSchema.parse(
      (await put(phone, save({ deviceId: 'phone-0002', deviceName: 'Phone', positionSec: 13, takeOver: true }))).body,
    );
    expect(taken).toMatchObject({ active: true, state: { deviceId: 'phone-0002', revision: 2 } });
    // The laptop still ticks: refused, told it is not active, given the phone's state.
    const stale = playbackAnswerSchema.parse((await put(laptop, save({ positionSec: 14 }))).body);
    expect(stale).toMatchObject({ active: false, state: { deviceId: 'phone-0002', revision: 2 } });
    const paused = playbackAnswerSchema.parse(
      (await put(phone, save({ deviceId: 'phone-0002', positionSec: 20, playing: false }))).body,
    );
    expect(paused.state).toMatchObject({ positionSec: 20, playing: false, revision: 3 });
    expect((await get(laptop, 'laptop-0001')).state).toMatchObject({ positionSec: 20, playing: false });
  });

  it('refuses what does not fit the contract, by name', async () => {
    const bad = await put(laptop, save({ deviceId: 'x' }));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('deviceId');
    const long = await put(laptop, save({ entries: Array.from({ length: 201 }, () => item(paid)) }));
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).toContain('entries');
    const r = await laptop.call('GET', '/api/v1/me/playback');
    expect(r.status).toBe(422);
  });

  it('keeps a long queue (200 songs, over the default body limit)', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({
      ...item(songs[i % songs.length]!),
      name: 'x'.repeat(200),
    }));
    const r = await put(phone, save({ deviceId: 'phone-0002', entries, current: 150, takeOver: true }));
    expect(r.status).toBe(200);
    expect((await get(laptop, 'laptop-0001')).state).toMatchObject({ current: 150 });
  });

  it('charges once when the other device continues: the grant is the listener’s', async () => {
    const auth = async (c: Client) =>
      streamAuthSchema.parse(await (await c.call('POST', `/api/v1/stream/${paid.id}`)).json());
    const first = await auth(laptop);
    const second = await auth(phone);
    expect(first.chargedSat).toBe(200_000_000);
    expect(second).toMatchObject({ authorized: true, chargedSat: 0, balanceSat: first.balanceSat });
    const debits = await s.db.query(
      `select 1 from stream_grants where user_id = $1 and song_id = $2 and entry_id is not null`,
      [laptop.creds.id, paid.id],
    );
    expect(debits.rows).toHaveLength(1);
  });
});
