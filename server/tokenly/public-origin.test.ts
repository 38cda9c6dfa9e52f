import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { albumListSchema } from '@contract/catalog.js';
import { ConfigError, loadConfig } from '../config.js';
import { F } from '../test/fixture.js';
import { aliceAsArtist, backends, signHeaders, testServer, type TestServer } from '../test/harness.js';

/** A poisoned Host or X-Forwarded-Host never reaches a mail link or an absolute URL (issue 13, item 3). */
describe('the public origin', () => {
  it('is PUBLIC_URL, else http://HOST:PORT, and is required in production', () => {
    expect(loadConfig({ PORT: '9000', HOST: '127.0.0.1' }).publicOrigin).toBe('http://127.0.0.1:9000');
    expect(loadConfig({ HOST: '::1' }).publicOrigin).toBe('http://[::1]:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://music.example.org/' }).publicOrigin).toBe('https://music.example.org');
    const prod = { NODE_ENV: 'production', SOUNDLINKS_APP_SECRET: 'a-real-secret-of-length', WATERMARK_KEY: 'k-real' };
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow(/PUBLIC_URL must be set in production/);
    expect(loadConfig({ ...prod, PUBLIC_URL: 'https://music.example.org' }).publicOrigin).toBe(
      'https://music.example.org',
    );
  });
});

describe.each(backends())('absolute URLs under a poisoned Host (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it.each([
    ['Host', { host: 'evil.example' }],
    [
      'X-Forwarded-Host (from a trusted loopback proxy)',
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    ],
  ])('mails a reset link of the configured origin whatever %s says', async (_what, headers) => {
    const before = s.mail.length;
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/password/reset-email',
      headers,
      payload: { email: F.users.alice.email },
    });
    expect(r.statusCode).toBe(200);
    for (let i = 0; i < 100 && s.mail.length === before; i++) await new Promise((res) => setTimeout(res, 20));
    const text = s.mail.at(-1)!.text;
    expect(text).toContain(`${origin}/reset-password?email=`);
    expect(text).not.toContain('evil.example');
  });

  it('builds cacheable catalog URLs (artwork) from the configured origin, not the Host', async () => {
    const r = await s.app.inject({
      method: 'GET',
      url: '/api/v1/music/catalog/albums',
      headers: { host: 'evil.example' },
    });
    expect(r.headers['cache-control']).toMatch(/public/);
    const albums = albumListSchema.parse(r.json());
    const robots = albums.find((a) => a.id === F.albums.robots)!;
    expect(robots.artworkImage).toBe(`${origin}/media/artwork/robots.svg`);
  });

  it('signs Soundlinks tokens only for uploads on the configured origin, whatever Host the request named', async () => {
    const alice = await aliceAsArtist(s, origin);
    const src = `http://evil.example/media/uploads/${crypto.randomUUID()}?u=${alice.creds.id}&e=9999999999&s=x`;
    const body = JSON.stringify({ mtd: 'POST', url: '/v3/sl/encoding', arg: { src } });
    // Signed for the URL the client called (the HMAC rule is unchanged): the Host it named.
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/soundlinks/sign',
      headers: {
        host: 'evil.example',
        'content-type': 'application/json',
        ...signHeaders(alice.creds, 'POST', 'http://evil.example/api/v1/soundlinks/sign', body),
      },
      payload: body,
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toMatch(/own uploads on this server/);
  });
});
