import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { albumListSchema, librarySongPageSchema, songListSchema } from '@contract/catalog.js';
import { mySongListSchema, streamAuthSchema } from '@contract/listener.js';
import { myArtistProfileSchema, releaseAlbumSchema, type ReleaseAlbum } from '@contract/release.js';
import { verifyResultSchema } from '@contract/encoding.js';
import { startLoudnessBackfill } from '../audio/loudness-backfill.js';
import { albumsToMeasure, songsToMeasure } from '../audio/loudness-repo.js';
import { issueCredits } from '../money/index.js';
import { backends, registeredClient, testServer, type TestServer } from '../test/harness.js';
import { encodeSong, getPublic, json, uploadFile, type Client } from './test-flow.js';

describe.each(backends())('releases: from an encoded upload to the catalog (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let artist: Client;
  let listener: Client;
  let profileId: string;
  let album: ReleaseAlbum;
  let markId: string;
  let jobId: string;
  const mp3 = () => new Uint8Array(fs.readFileSync(inject('fixtureMp3')));

  beforeAll(async () => {
    s = await testServer(backend, {}, { worker: true });
    origin = await s.listen();
    artist = await registeredClient(origin, 'nova', 'nova-password-1');
    listener = await registeredClient(origin, 'lena', 'lena-password-1');
    const lena = await s.db.query<{ id: string }>("select id from users where username = 'lena'");
    await s.db.transaction((tx) => issueCredits(tx, lena.rows[0]!.id, 40e8, { kind: 'grant' }));
  });
  let backfill: ReturnType<typeof startLoudnessBackfill> | undefined;
  afterAll(async () => {
    await backfill?.stop();
    await s.shutdown();
  });

  it('lets a signed-in user become an artist and edit the profile', async () => {
    const before = await json(artist, 'GET', '/api/v1/artist/profile');
    expect(before.body).toEqual({ signup: 'open', profile: null });
    const made = await json(artist, 'POST', '/api/v1/artist/profile', {
      name: 'Nova Lights',
      bio: 'Synth __pop__.',
      website: 'https://nova.example',
      genre: 'Synthpop',
      tags: ['Synth', 'pop'],
      marketsCatalog: 'nova/shop',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const p = myArtistProfileSchema.parse(made.body);
    profileId = p.id;
    expect(p).toMatchObject({
      tags: ['synth', 'pop'],
      marketsCatalogUrl: 'https://tokenmarkets.com/catalog/nova/shop',
    });
    expect((await json(artist, 'POST', '/api/v1/artist/profile', { name: 'Again' })).status).toBe(409);
    const edited = await json(artist, 'PATCH', '/api/v1/artist/profile', { bio: 'Synth pop from Lyon.' });
    expect(edited.body).toMatchObject({ name: 'Nova Lights', bio: 'Synth pop from Lyon.' });
    expect((await getPublic(origin, `/api/v1/artist/profile/${profileId}`)).body).toMatchObject({
      name: 'Nova Lights',
      bio: 'Synth pop from Lyon.',
      marketsCatalog: 'nova/shop',
    });
    expect((await json(artist, 'PATCH', '/api/v1/artist/profile', { website: 'ftp://x' })).status).toBe(422);
  });

  it('releases an album made from a completed encoding into every public answer', async () => {
    const job = await encodeSong(artist, origin, mp3(), 'Nova Lights');
    expect(job.status).toBe('complete');
    markId = job.markId!;
    jobId = job.id;
    const draft = releaseAlbumSchema.parse(
      (await json(artist, 'POST', '/api/v1/artist/albums', { name: 'Night Drive', description: 'Neon roads' })).body,
    );
    expect(draft.status).toBe('draft');
    const art = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3050a0' } })
      .png()
      .toBuffer();
    const withArt = await json(artist, 'PUT', `/api/v1/artist/albums/${draft.id}/artwork`, {
      image: art.toString('base64'),
    });
    expect(withArt.status, JSON.stringify(withArt.body)).toBe(200);
    const sizes = releaseAlbumSchema.parse(withArt.body).artworkSizes;
    expect(Object.keys(sizes).sort()).toEqual(['1200', '160', '600']);
    const small = await sharp(Buffer.from(await (await fetch(sizes['160']!)).arrayBuffer())).metadata();
    expect([small.width, small.height, small.format]).toEqual([160, 160, 'jpeg']);

    const withTrack = await json(artist, 'POST', `/api/v1/artist/albums/${draft.id}/tracks`, {
      name: 'Headlights',
      encodingId: job.id,
      genre: 'Synthpop',
      tags: ['neon', 'Drive'],
      composers: 'N. Lights',
      lyrics: 'Lights on the road',
      usageProhibitions: 'No ads',
      price: 2.5,
    });
    expect(withTrack.status, JSON.stringify(withTrack.body)).toBe(200);
    const trackId = releaseAlbumSchema.parse(withTrack.body).tracks[0]!.id;

    // A draft is nobody's business but its artist's.
    expect((await getPublic(origin, `/api/v1/music/album/${draft.id}`)).status).toBe(404);
    expect((await json(listener, 'POST', `/api/v1/stream/${trackId}`)).status).toBe(404);
    const albumsBefore = albumListSchema.parse((await getPublic(origin, '/api/v1/music/catalog/albums')).body);
    expect(albumsBefore.some((a) => a.id === draft.id)).toBe(false);

    // The loudness backfill looks once an hour here: once it has measured what there is, only the
    // release can make it measure the new song and album before the test ends.
    const quietLog = { info() {}, warn() {}, error() {} } as unknown as Parameters<typeof startLoudnessBackfill>[2];
    backfill = startLoudnessBackfill(s.db, s.dataDir, quietLog, 3_600_000);
    const pending = async () => (await songsToMeasure(s.db, 1)).length + (await albumsToMeasure(s.db, 1)).length;
    await expect.poll(pending, { timeout: 60_000 }).toBe(0);

    const released = await json(artist, 'POST', `/api/v1/artist/albums/${draft.id}/release`, {});
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    album = releaseAlbumSchema.parse(released.body);
    expect(album.status).toBe('released');
    const track = album.tracks[0]!;
    expect(track).toMatchObject({ markId, audioType: 'audio/mpeg', price: 2.5 });
    expect(track.durationSec).toBeGreaterThan(15);

    // At once (the caches were emptied), in the documented shapes.
    const albums = albumListSchema.parse((await getPublic(origin, '/api/v1/music/catalog/albums')).body);
    expect(albums.find((a) => a.id === album.id)).toMatchObject({
      name: 'Night Drive',
      songCount: 1,
      artistProfileID: profileId,
      artworkImage: sizes['600'],
    });
    expect((await getPublic(origin, `/api/v1/music/album/${album.id}`)).body).toMatchObject({ name: 'Night Drive' });
    const songs = songListSchema.parse((await getPublic(origin, `/api/v1/music/catalog/songs/${album.id}`)).body);
    expect(songs[0]).toMatchObject({
      id: track.id,
      composers: 'N. Lights',
      usageProhbitions: 'No ads',
      artistProfileId: profileId,
      priceSat: 250_000_000,
    });
    // measured at release: the song's loudness and its album's (here the one song, over its whole audio)
    const measured = async () =>
      songListSchema.parse((await getPublic(origin, `/api/v1/music/catalog/songs/${album.id}`)).body)[0]!;
    await expect.poll(async () => (await measured()).albumLoudness ?? null, { timeout: 60_000 }).not.toBeNull();
    const { loudness, albumLoudness } = await measured();
    expect(albumLoudness!.lufs).toBeCloseTo(loudness!.lufs, 1);
    expect(albumLoudness!.truePeakDb).toBe(loudness!.truePeakDb);
    const search = librarySongPageSchema.parse((await getPublic(origin, '/api/v1/library?name=headlights')).body);
    expect(search.items.map((i) => i.id)).toEqual([track.id]);
    expect(search.items[0]).toMatchObject({ albumName: 'Night Drive', tagsArray: ['neon', 'drive'] });
    const byArtist = librarySongPageSchema.parse((await getPublic(origin, `/api/v1/artist/${profileId}/songs`)).body);
    expect(byArtist.count).toBe(1);
    const artists = (await getPublic(origin, '/api/v1/artists?limit=50')).body as {
      items: { artistProfileId: string }[];
    };
    expect(artists.items.some((a) => a.artistProfileId === profileId)).toBe(true);
    const genres = (await getPublic(origin, '/api/v1/genres')).body as { items: { genre: string }[] };
    expect(genres.items.some((g) => g.genre === 'Synthpop')).toBe(true);
    const tags = (await getPublic(origin, '/api/v1/tags')).body as { items: { tag: string }[] };
    expect(tags.items.some((t) => t.tag === 'neon')).toBe(true);
  }, 120_000);

  it('streams the marked encoding, charged its price, and the mark reads the job', async () => {
    const track = album.tracks[0]!;
    const auth = streamAuthSchema.parse((await json(listener, 'POST', `/api/v1/stream/${track.id}`)).body);
    expect(auth).toMatchObject({ authorized: true, chargedSat: 250_000_000 });
    const heard = new Uint8Array(await (await fetch(auth.streamUrl!)).arrayBuffer());
    expect(heard.length).toBe(track.audioSize);
    expect(Buffer.from(heard).equals(Buffer.from(mp3()))).toBe(false);
    const check = await uploadFile(artist, heard, 'verify');
    const v = verifyResultSchema.parse((await json(artist, 'POST', '/api/v1/artist/verify', { uploadId: check })).body);
    expect(v).toMatchObject({ found: true, id: markId, jobId });
  }, 60_000);

  it('shows edits at once, and a take-down answers 410 while payers keep their download', async () => {
    const track = album.tracks[0]!;
    const patched = await json(artist, 'PATCH', `/api/v1/artist/albums/${album.id}/tracks/${track.id}`, {
      name: 'Headlights (Radio Edit)',
      price: 0,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await json(artist, 'PATCH', `/api/v1/artist/albums/${album.id}`, { description: 'Neon roads, remastered' });
    const songs = songListSchema.parse((await getPublic(origin, `/api/v1/music/catalog/songs/${album.id}`)).body);
    expect(songs[0]).toMatchObject({ name: 'Headlights (Radio Edit)', priceSat: 0 });
    expect((await getPublic(origin, `/api/v1/music/album/${album.id}`)).body).toMatchObject({
      description: 'Neon roads, remastered',
    });

    const down = await json(artist, 'POST', `/api/v1/artist/albums/${album.id}/takedown`);
    expect(releaseAlbumSchema.parse(down.body).status).toBe('removed');
    expect((await getPublic(origin, `/api/v1/music/album/${album.id}`)).status).toBe(410);
    expect((await json(listener, 'POST', `/api/v1/stream/${track.id}`)).status).toBe(410);
    const search = librarySongPageSchema.parse((await getPublic(origin, '/api/v1/library?name=headlights')).body);
    expect(search.count).toBe(0);
    const albums = albumListSchema.parse((await getPublic(origin, '/api/v1/music/catalog/albums')).body);
    expect(albums.some((a) => a.id === album.id)).toBe(false);
    // Nothing is deleted: the listener who paid still has it, with a working download.
    const mine = mySongListSchema.parse(await (await listener.call('GET', '/api/v1/music/mysongs')).json());
    const kept = mine.find((m) => m.id === track.id);
    expect(kept?.downloadUrl).toBeTruthy();
    const file = await fetch(kept!.downloadUrl!);
    expect(file.status).toBe(200);
    // The download is the tagged copy (issue 18): the song's audio and its tags, as My songs says.
    const bytes = (await file.arrayBuffer()).byteLength;
    expect(bytes).toBe(kept!.downloadSize);
    expect(bytes).toBeGreaterThan(track.audioSize ?? Infinity);
    expect((await json(artist, 'DELETE', `/api/v1/artist/albums/${album.id}`)).status).toBe(409);
  });

  it('keeps a scheduled release hidden until its time; then replaces a song’s audio and takes the song down', async () => {
    const job = await encodeSong(artist, origin, mp3(), 'Nova Lights');
    const draft = releaseAlbumSchema.parse(
      (await json(artist, 'POST', '/api/v1/artist/albums', { name: 'Tomorrow Tapes', isSingle: true })).body,
    );
    const withTrack = releaseAlbumSchema.parse(
      (await json(artist, 'POST', `/api/v1/artist/albums/${draft.id}/tracks`, { name: 'Soon', encodingId: job.id }))
        .body,
    );
    expect(withTrack.tracks[0]!.price).toBe(1); // the operator's default
    const at = new Date(Date.now() + 4000).toISOString();
    const r = await json(artist, 'POST', `/api/v1/artist/albums/${draft.id}/release`, { at });
    expect(releaseAlbumSchema.parse(r.body)).toMatchObject({ status: 'scheduled', releaseAt: at });
    const trackId = withTrack.tracks[0]!.id;
    expect((await getPublic(origin, `/api/v1/music/album/${draft.id}`)).status).toBe(404);
    expect((await json(listener, 'POST', `/api/v1/stream/${trackId}`)).status).toBe(404);
    const hidden = librarySongPageSchema.parse((await getPublic(origin, '/api/v1/library?name=soon')).body);
    expect(hidden.count).toBe(0);
    let visible = false;
    for (let i = 0; i < 40 && !visible; i++) {
      await new Promise((res) => setTimeout(res, 250));
      visible = (await getPublic(origin, `/api/v1/music/album/${draft.id}`)).status === 200;
    }
    expect(visible).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    const found = librarySongPageSchema.parse((await getPublic(origin, '/api/v1/library?name=soon')).body);
    expect(found.items[0]).toMatchObject({ id: trackId, isSingle: true });

    // After release: new audio from another encoding, then the one song taken down (410).
    const again = await encodeSong(artist, origin, mp3(), 'Nova Lights');
    const replaced = await json(artist, 'PATCH', `/api/v1/artist/albums/${draft.id}/tracks/${trackId}`, {
      encodingId: again.id,
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(releaseAlbumSchema.parse(replaced.body).tracks[0]).toMatchObject({
      encodingId: again.id,
      markId: again.markId,
    });
    const down = await json(artist, 'DELETE', `/api/v1/artist/albums/${draft.id}/tracks/${trackId}`);
    expect(releaseAlbumSchema.parse(down.body).tracks[0]!.removed).toBe(true);
    expect((await json(listener, 'POST', `/api/v1/stream/${trackId}`)).status).toBe(410);
    expect((await getPublic(origin, `/api/v1/music/songs?ids=${trackId}`)).body).toEqual([]);
  }, 120_000);
});
