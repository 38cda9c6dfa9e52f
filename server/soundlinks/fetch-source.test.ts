import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMp3 } from '../audio/codec/index.js';
import { popSong } from '../audio/watermark/testing/signals.js';
import { encodeTask } from './encode-thread.js';
import { fetchPublicSource, isForbiddenAddress, SourceError } from './fetch-source.js';

/**
 * The fetcher's limits against a real HTTP server. The server listens on loopback, which the rule
 * forbids, so these tests let exactly 127.0.0.1 through and keep every other rule.
 */
const onlyTestServer = (ip: string) => ip !== '127.0.0.1' && isForbiddenAddress(ip);

describe('fetching a song link', () => {
  let origin: string;
  const server = http.createServer((req, res) => {
    if (req.url === '/song') return res.end(Buffer.alloc(1000, 1));
    if (req.url === '/big') return res.end(Buffer.alloc(5000, 1));
    if (req.url === '/big-chunked') {
      res.write(Buffer.alloc(3000, 1));
      return res.end(Buffer.alloc(3000, 1));
    }
    if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.7/song' }).end();
    if (req.url === '/to-song') return res.writeHead(301, { location: '/song' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 3000);
    res.writeHead(404).end();
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const get = (p: string, over: Partial<Parameters<typeof fetchPublicSource>[1]> = {}) =>
    fetchPublicSource(`${origin}${p}`, { maxBytes: 4000, timeoutMs: 1000, forbidden: onlyTestServer, ...over });
  const failure = (p: string, over = {}) =>
    get(p, over).then(
      () => null,
      (e: unknown) => e as SourceError,
    );

  it('downloads a link, following a redirect', async () => {
    expect((await get('/song')).length).toBe(1000);
    expect((await get('/to-song')).length).toBe(1000);
  });
  it('refuses a loopback link under the real rule', async () => {
    expect((await failure('/song', { forbidden: isForbiddenAddress }))?.message).toMatch(/private, loopback/);
  });
  it.each([
    ['a redirect to a private address', '/to-private', /private, loopback or link-local/, true],
    ['a file over the size limit (declared)', '/big', /too large/, true],
    ['a file over the size limit (streamed)', '/big-chunked', /too large/, true],
    ['endless redirects', '/loop', /redirects too many times/, true],
    ['a missing file', '/nothing', /HTTP 404/, true],
    ['a server too slow to answer', '/slow', /longer than 1 s/, false],
  ])('fails on %s, saying so', async (_what, p, message, permanent) => {
    const err = await failure(p);
    expect(err).toBeInstanceOf(SourceError);
    expect(err?.message).toMatch(message);
    expect(err?.permanent).toBe(permanent);
  });
  it('fails on a host that does not exist', async () => {
    const err = await fetchPublicSource('http://no-such-host.invalid/a.mp3', { maxBytes: 10, timeoutMs: 2000 }).catch(
      (e: unknown) => e as SourceError,
    );
    expect((err as SourceError).message).toMatch(/cannot be found/);
  });
});

describe('encoding a fetched file', () => {
  const task = (bytes: Uint8Array, maxDurationSec = 1200) => ({
    bytes,
    markId: '0011223344556677',
    watermarkKey: 'k',
    outDir: '/nonexistent-never-written',
    name: 'x.mp3',
    maxDurationSec,
  });
  it('fails a file that is not audio, one too short and one too long, in words', async () => {
    expect(await encodeTask(task(new Uint8Array(5000).fill(7)))).toEqual({
      ok: false,
      permanent: true,
      message: 'The link does not point to an audio file (MP3, WAV, FLAC or Ogg)',
    });
    const short = await encodeMp3(popSong(2, 44100, 3), { bitrate: 128 });
    expect(await encodeTask(task(short))).toMatchObject({ ok: false, message: expect.stringMatching(/too short/) });
    const long = await encodeMp3(popSong(70, 22050, 3), { bitrate: 64 });
    expect(await encodeTask(task(long, 60))).toMatchObject({
      ok: false,
      message: 'The song is too long (limit 1 minute)',
    });
  }, 60_000);
});
