import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { releaseAlbumSchema } from '@contract/release.js';
import { F } from '../test/fixture.js';
import { backends, registeredClient, testServer, type TestServer } from '../test/harness.js';
import { mediaDirs } from '../storage/files.js';
import { encodeSong, json, type Client } from './test-flow.js';

describe.each(backends())('releases refuse bad input and other artists (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let artist: Client;
  let rival: Client;
  let albumId: string;
  const files = (kind: 'artwork' | 'audio') => {
    const dir = mediaDirs(s.dataDir)[kind];
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };
  const album = async () =>
    releaseAlbumSchema.parse((await json(artist, 'GET', `/api/v1/artist/albums/${albumId}`)).body);

  beforeAll(async () => {
    s = await testServer(backend, { SONG_PRICE_MIN: '0.5', SONG_PRICE_MAX: '20' }, { worker: true });
    origin = await s.listen();
    artist = await registeredClient(origin, 'ivy', 'ivy-password-1');
    rival = await registeredClient(origin, 'rex', 'rex-password-1');
    expect((await json(artist, 'POST', '/api/v1/artist/profile', { name: 'Ivy' })).status).toBe(200);
    expect((await json(rival, 'POST', '/api/v1/artist/profile', { name: 'Rex' })).status).toBe(200);
    albumId = releaseAlbumSchema.parse(
      (await json(artist, 'POST', '/api/v1/artist/albums', { name: 'Ivy EP' })).body,
    ).id;
  });
  afterAll(() => s.shutdown());

  it('follows ARTIST_SIGNUP: invitation codes when invite, nobody when off', async () => {
    const zoe = await registeredClient(origin, 'zoe', 'zoe-password-1');
    s.config.artistSignup = 'off';
    const off = await json(zoe, 'POST', '/api/v1/artist/profile', { name: 'Zoe' });
    expect([off.status, off.body.message]).toEqual([403, expect.stringMatching(/closed/)]);
    s.config.artistSignup = 'invite';
    expect((await json(zoe, 'POST', '/api/v1/artist/profile', { name: 'Zoe' })).body.message).toMatch(/inviteCode/);
    const bad = await json(zoe, 'POST', '/api/v1/artist/profile', { name: 'Zoe', inviteCode: 'NOPE' });
    expect(bad.status).toBe(422);
    const ok = await json(zoe, 'POST', '/api/v1/artist/profile', { name: 'Zoe', inviteCode: F.invite });
    expect(ok.status).toBe(200);
    s.config.artistSignup = 'open';
    expect((await json(zoe, 'POST', '/api/v1/artist/profile', { name: 'Zoe Again' })).status).toBe(409);
  });

  it('refuses another artist’s album with 403, and a listener without a profile', async () => {
    for (const [method, p, body] of [
      ['GET', `/api/v1/artist/albums/${albumId}`, undefined],
      ['PATCH', `/api/v1/artist/albums/${albumId}`, { name: 'Mine now' }],
      ['POST', `/api/v1/artist/albums/${albumId}/tracks`, { name: 'Sneaky' }],
      ['POST', `/api/v1/artist/albums/${albumId}/release`, {}],
      ['POST', `/api/v1/artist/albums/${albumId}/takedown`, undefined],
    ] as const) {
      const r = await json(rival, method, p, body);
      expect([method, p, r.status, r.body.message]).toEqual([method, p, 403, 'This album belongs to another artist']);
    }
    expect((await json(rival, 'GET', '/api/v1/artist/albums')).body).toEqual([]);
    const listener = await registeredClient(origin, 'lou', 'lou-password-1');
    expect((await json(listener, 'POST', '/api/v1/artist/albums', { name: 'x' })).status).toBe(403);
    expect((await album()).name).toBe('Ivy EP');
  });

  it('refuses an image that is not an image, and one of 50 MB, keeping the artwork as it was', async () => {
    const notImage = Buffer.from('this is plain text pretending to be a picture').toString('base64');
    const r = await json(artist, 'PUT', `/api/v1/artist/albums/${albumId}/artwork`, { image: notImage });
    expect([r.status, r.body.message]).toEqual([422, expect.stringMatching(/PNG, JPEG/)]);
    const huge = Buffer.alloc(50 * 1024 * 1024, 7).toString('base64');
    const big = await json(artist, 'PUT', `/api/v1/artist/albums/${albumId}/artwork`, { image: huge });
    expect([big.status, big.body.message]).toEqual([413, expect.stringMatching(/too large/)]);
    const tiny = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const small = await json(artist, 'PUT', `/api/v1/artist/albums/${albumId}/artwork`, {
      image: tiny.toString('base64'),
    });
    expect([small.status, small.body.message]).toEqual([422, expect.stringMatching(/too small/)]);
    expect((await album()).artworkImage).toBeNull();
    expect(files('artwork')).toEqual([]);
  });

  it('refuses a price outside the bounds and an unknown encoding, adding nothing', async () => {
    const low = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/tracks`, { name: 'Cheap', price: 0.1 });
    expect([low.status, low.body.message]).toEqual([422, 'price must be between 0.5 and 20 credits (it was 0.1)']);
    const unknown = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/tracks`, {
      name: 'Ghost',
      encodingId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.message]).toEqual([422, expect.stringMatching(/not one of your encodings/)]);
    const notUuid = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/tracks`, { encodingId: 'abc' });
    expect(notUuid.status).toBe(422);
    const negative = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/tracks`, { price: -1 });
    expect(negative.body.message).toMatch(/negative/);
    expect((await album()).tracks).toEqual([]);
    const empty = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/release`, {});
    expect([empty.status, empty.body.message]).toEqual([422, 'Add at least one track before releasing']);
  });

  it('refuses to release a failed encoding, leaving the draft and the audio folder as they were', async () => {
    const short = new Uint8Array(fs.readFileSync(inject('fixtureMp3')).subarray(0, 40_000));
    const failed = await encodeSong(artist, origin, short, 'Ivy');
    expect(failed.status).toBe('failed');
    const good = await encodeSong(artist, origin, new Uint8Array(fs.readFileSync(inject('fixtureMp3'))), 'Ivy');
    expect(good.status).toBe('complete');
    for (const [name, encodingId] of [
      ['Fine', good.id],
      ['Broken', failed.id],
    ])
      expect((await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/tracks`, { name, encodingId })).status).toBe(
        200,
      );
    const before = files('audio');
    const r = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/release`, {});
    expect([r.status, r.body.message]).toEqual([422, expect.stringMatching(/^"Broken": its encoding failed/)]);
    const after = await album();
    expect(after.status).toBe('draft');
    expect(after.tracks.map((t) => t.audioType)).toEqual([null, null]);
    expect(files('audio')).toEqual(before);
    expect(before.some((f) => f.startsWith(after.tracks[0]!.id))).toBe(false);
    expect((await fetch(`${origin}/api/v1/music/album/${albumId}`)).status).toBe(404);
    const bad = await json(artist, 'POST', `/api/v1/artist/albums/${albumId}/release`, { at: 'next tuesday' });
    expect(bad.status).toBe(422);
  }, 120_000);
});
