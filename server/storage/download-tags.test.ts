import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mySongListSchema } from '@contract/listener.js';
import { F } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';
import { mediaDirs } from './files.js';

const run = promisify(execFile);

interface Probe {
  format: { tags?: Record<string, string> };
  streams: {
    codec_type: string;
    codec_name: string;
    disposition?: { attached_pic?: number };
    tags?: Record<string, string>;
  }[];
}

/** The decoded audio's MD5 (ffmpeg's md5 muxer over the PCM of the audio stream). */
async function audioMd5(file: string): Promise<string> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a', '-f', 'md5', '-']);
  return stdout.trim();
}

async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    file,
  ]);
  return JSON.parse(stdout) as Probe;
}

describe.each(backends())('downloads carry their tags (%s)', (backend) => {
  let s: TestServer;
  let alice: Awaited<ReturnType<typeof signedClient>>;
  beforeAll(async () => {
    s = await testServer(backend);
    const origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
    // The album gets artwork (a PNG the server turns into the embedded JPEG), the song its rights.
    const art = path.join(mediaDirs(s.dataDir).artwork, 'ocean.png');
    fs.mkdirSync(path.dirname(art), { recursive: true });
    await sharp({ create: { width: 800, height: 800, channels: 3, background: '#1e6fd9' } })
      .png()
      .toFile(art);
    await s.db.query(`update albums set artwork_path = 'ocean.png' where id = $1`, [F.albums.ocean]);
    await s.db.query(
      `update songs set copyright = '℗ 2017 The Blue Whales', ownership = 'Blue Whale Records',
                        composers = 'W. Hale', release_date = '2017-05-01', lyrics = 'Deep down\nwhere the light ends'
        where album_id = $1 and track_number = 1`,
      [F.albums.ocean],
    );
  });
  afterAll(() => s.shutdown());

  it('tags an MP3 download with ID3v2 (read back with ffprobe), and My songs gives its size', async () => {
    const songs = mySongListSchema.parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json());
    const song = songs.find((x) => x.name === 'Whale Song')!;
    const res = await fetch(song.downloadUrl!);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(song.downloadSize);
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
    const file = path.join(s.dataDir, 'whale.mp3');
    fs.writeFileSync(file, bytes);
    const p = await probe(file);
    expect(p.format.tags).toMatchObject({
      title: 'Whale Song',
      artist: 'The Blue Whales',
      album: 'Deep Ocean',
      album_artist: 'The Blue Whales',
      track: '1',
      date: '2017',
      copyright: '℗ 2017 The Blue Whales',
      composer: 'W. Hale',
      OWNERSHIP: 'Blue Whale Records',
    });
    expect(Object.entries(p.format.tags ?? {}).find(([k]) => k.startsWith('lyrics'))?.[1]).toBe(
      'Deep down\nwhere the light ends',
    );
    // The audio is still there, and the artwork rides along as an attached picture.
    expect(p.streams.find((x) => x.codec_type === 'audio')?.codec_name).toBe('mp3');
    const pic = p.streams.find((x) => x.codec_type === 'video');
    expect(pic).toMatchObject({ codec_name: 'mjpeg', disposition: { attached_pic: 1 } });
  });

  it('serves ranges of the same tagged file, and a changed title makes a new copy', async () => {
    const list = async () =>
      mySongListSchema
        .parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json())
        .find((x) => x.name.endsWith('Whale Song'))!;
    const song = await list();
    const part = await fetch(song.downloadUrl!, { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${song.downloadSize}`);
    await s.db.query(`update songs set name = 'Blue Whale Song' where album_id = $1 and track_number = 1`, [
      F.albums.ocean,
    ]);
    const renamed = await list();
    const file = path.join(s.dataDir, 'renamed.mp3');
    fs.writeFileSync(file, Buffer.from(await (await fetch(renamed.downloadUrl!)).arrayBuffer()));
    expect((await probe(file)).format.tags?.title).toBe('Blue Whale Song');
    const copies = fs.readdirSync(path.join(mediaDirs(s.dataDir).root, 'downloads'));
    expect(copies.filter((n) => n.startsWith(renamed.id))).toHaveLength(1);
  });

  // Release uploads may be FLAC or Ogg: the same facts as Vorbis comments, the artwork as a picture.
  it.each([
    ['flac', ['-c:a', 'flac'], 'audio/flac', 'flac'],
    ['ogg', ['-c:a', 'libvorbis'], 'audio/ogg', 'vorbis'],
    ['opus', ['-c:a', 'libopus'], 'audio/ogg', 'opus'],
  ])('tags a %s download with Vorbis comments, the decoded audio unchanged', async (ext, codec, type, codecName) => {
    const name = `whale-${ext}.${ext}`;
    const original = path.join(mediaDirs(s.dataDir).audio, name);
    // an upload with tags of its own: the catalog's replace them
    await run('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ac', '2'],
      ...[...codec, '-metadata', 'TITLE=untitled', '-metadata', 'ALBUM=demo tape', original],
    ]);
    const listed = async () =>
      mySongListSchema
        .parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json())
        .find((x) => x.name.endsWith('Whale Song'))!;
    const previousSize = (await listed()).downloadSize;
    await s.db.query(
      `update songs set audio_path = $2, audio_type = $3, audio_size = $4 where album_id = $1 and track_number = 1`,
      [F.albums.ocean, name, type, fs.statSync(original).size],
    );
    // My songs is cached per listener until the database's change notification arrives (on
    // PostgreSQL, a moment after the commit): each format's tagged copy has a size of its own
    await expect.poll(async () => (await listed()).downloadSize, { timeout: 10_000 }).not.toBe(previousSize);
    const song = await listed();
    const res = await fetch(song.downloadUrl!);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(song.downloadSize);
    const file = path.join(s.dataDir, `downloaded.${ext}`);
    fs.writeFileSync(file, bytes);
    const p = await probe(file);
    const audio = p.streams.find((x) => x.codec_type === 'audio')!;
    expect(audio.codec_name).toBe(codecName);
    // FLAC's comment is the file's, Ogg's the stream's; ffprobe names some fields its own way
    expect({ ...p.format.tags, ...audio.tags }).toMatchObject({
      TITLE: song.name,
      ARTIST: 'The Blue Whales',
      ALBUM: 'Deep Ocean',
      album_artist: 'The Blue Whales',
      track: '1',
      DATE: '2017',
      COPYRIGHT: '℗ 2017 The Blue Whales',
      COMPOSER: 'W. Hale',
      OWNERSHIP: 'Blue Whale Records',
      LYRICS: 'Deep down\nwhere the light ends',
    });
    const pic = p.streams.find((x) => x.codec_type === 'video');
    expect(pic).toMatchObject({ codec_name: 'mjpeg', disposition: { attached_pic: 1 } });
    expect(await audioMd5(file)).toBe(await audioMd5(original));
  });
});
