import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../audio/codec/index.js';
import { detect } from '../audio/watermark/index.js';
import { mySongListSchema } from '@contract/listener.js';
import { F } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';
import { isForbiddenAddress } from './fetch-source.js';

const APP_ID = 'demo-app';
const SECRET = 'demo-soundlinks-secret-change-me';

/** Built exactly as the document's Node example builds it. */
const token = (url: string, arg: object, over: Record<string, unknown> = {}, secret = SECRET) =>
  jwt.sign({ iss: APP_ID, iat: Math.floor(Date.now() / 1000), mtd: 'POST', url, arg, ...over }, secret);

describe('addresses a fetch must not reach', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '100.64.0.1',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111'])('allows %s', (ip) =>
    expect(isForbiddenAddress(ip)).toBe(false),
  );
});

describe.each(backends())('Soundlinks encoding API (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const post = async (path: string, data: string) => {
    const r = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const waitFor = async (query: string) => {
    for (let i = 0; i < 240; i++) {
      const r = await post('/v3/sl/query', token('/v3/sl/query', { query }));
      if (r.body.status !== 'processing') return r.body;
      await new Promise((res) => setTimeout(res, 250));
    }
    throw new Error('the job did not finish in 60 s');
  };
  beforeAll(async () => {
    s = await testServer(backend, {}, { worker: true });
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it.each([
    [
      'a wrong secret',
      () => token('/v3/sl/encoding', { src: 'https://example.com/a.mp3' }, {}, 'another-secret-of-length'),
      401,
      /signature/,
    ],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: APP_ID, iat: Math.floor(Date.now() / 1000), mtd: 'POST', url: '/v3/sl/encoding', arg: {} })).toString('base64url')}.`,
      401,
      /HS256/,
    ],
    [
      'an unknown app',
      () => token('/v3/sl/encoding', { src: 'https://example.com/a.mp3' }, { iss: 'someone-else' }),
      401,
      /Unknown app/,
    ],
    [
      'an expired iat',
      () =>
        token('/v3/sl/encoding', { src: 'https://example.com/a.mp3' }, { iat: Math.floor(Date.now() / 1000) - 3600 }),
      403,
      /iat/,
    ],
    [
      'an iat from the future',
      () =>
        token('/v3/sl/encoding', { src: 'https://example.com/a.mp3' }, { iat: Math.floor(Date.now() / 1000) + 3600 }),
      403,
      /iat/,
    ],
    [
      'a token made for /v3/sl/query',
      () => token('/v3/sl/query', { src: 'https://example.com/a.mp3' }),
      403,
      /made for \/v3\/sl\/query/,
    ],
    [
      'a token for another method',
      () => token('/v3/sl/encoding', { src: 'https://example.com/a.mp3' }, { mtd: 'GET' }),
      403,
      /method/,
    ],
    ['a missing src', () => token('/v3/sl/encoding', { artist: 'x' }), 422, /src/],
    ['a src that is not a URL', () => token('/v3/sl/encoding', { src: 'not a url' }), 422, /src/],
    ['a src that is not http', () => token('/v3/sl/encoding', { src: 'file:///etc/passwd' }), 422, /http/],
  ])('refuses %s', async (_what, make, status, message) => {
    const r = await post('/v3/sl/encoding', make());
    expect(r.status).toBe(status);
    expect(String(r.body.message)).toMatch(message);
  });

  it('encodes a song from its link: the mark with the reported ID is read back from the output', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const songs = mySongListSchema.parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json());
    const submit = await post(
      '/v3/sl/encoding',
      token('/v3/sl/encoding', { src: songs[0]!.downloadUrl, artist: 'The Blue Whales' }),
    );
    expect(submit.status).toBe(200);
    expect(submit.body).toEqual({ query: expect.any(String) });
    const done = await waitFor(String(submit.body.query));
    expect(done).toMatchObject({
      status: 'complete',
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      url: expect.stringContaining('/media/encoded/'),
    });
    const file = await fetch(String(done.url));
    expect(file.status).toBe(200);
    const pcm = await decodeAudio(new Uint8Array(await file.arrayBuffer()));
    const found = detect(pcm, s.config.watermarkKey);
    expect(found, `no mark in ${pcm.channels[0]!.length / pcm.sampleRate} s at ${pcm.sampleRate} Hz`).not.toBeNull();
    expect(found?.id).toBe(done.id);
  }, 90_000);

  it.each([
    // One message for every failed fetch (issue 13): the job is no oracle of the server's network.
    ['a private address', 'http://10.0.0.1/song.mp3', /^The link could not be fetched$/],
    [
      'a loopback address that is not one of its own files',
      'http://127.0.0.1:1/song.mp3',
      /^The link could not be fetched$/,
    ],
    ['a forged link to one of its own files', 'OWN_TAMPERED', /^The link could not be fetched$/],
    ['an IPv4-mapped loopback address', 'http://[::ffff:127.0.0.1]:1/song.mp3', /^The link could not be fetched$/],
  ])(
    'fails a job whose src is %s, with a message',
    async (_what, srcIn, message) => {
      const src = srcIn === 'OWN_TAMPERED' ? `${origin}/media/download/${F.albums.ocean}?u=x&e=1&s=forged` : srcIn;
      const submit = await post('/v3/sl/encoding', token('/v3/sl/encoding', { src }));
      const done = await waitFor(String(submit.body.query));
      expect(done.status).toBe('failed');
      expect(String(done.message)).toMatch(message);
    },
    90_000,
  );

  it('finishes a job whose worker died mid-way (its lease ran out)', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const songs = mySongListSchema.parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json());
    const query = 'crashed-job-credential';
    await s.db.query(
      `insert into soundlinks_jobs (query, app_id, src, stage, locked_by, lease_until, attempts, message)
       values ($1, $2, $3, 'running', 'dead-worker', now() - interval '1 second', 1, 'Encoding')`,
      [query, APP_ID, songs[1]!.downloadUrl],
    );
    const done = await waitFor(query);
    expect(done).toMatchObject({ status: 'complete', id: expect.any(String) });
  }, 90_000);

  it('answers 404 for an unknown query credential', async () => {
    const r = await post('/v3/sl/query', token('/v3/sl/query', { query: 'no-such-job' }));
    expect(r.status).toBe(404);
  });
});
