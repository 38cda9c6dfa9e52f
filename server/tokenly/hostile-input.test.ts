import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadTicketSchema } from '@contract/encoding.js';
import { signUploadUrl } from '../storage/signed-urls.js';
import { aliceAsArtist, backends, signHeaders, testServer, type TestServer } from '../test/harness.js';
import { silence, withFlacTotal } from '../audio/codec/testing.js';
import { phpJsonForceObject } from './php-json.js';

type Client = Awaited<ReturnType<typeof aliceAsArtist>>;

/** Findings of the attack run (issue 13): bad input answers a 4xx that names it; the publisher's SDK is understood. */
describe.each(backends())('hostile input and the publisher SDK (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  /** A request signed over `params` (what the client signed) while the body is `body` (what it sent). */
  const raw = async (method: string, path: string, body?: string, params = body ?? '{}') => {
    const r = await fetch(`${origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...signHeaders(alice.creds, method, `${origin}${path.split('?')[0]}`, params),
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const profile = async () => (await raw('GET', '/api/v1/profile')).body;

  beforeAll(async () => {
    s = await testServer(backend, {}, { worker: true });
    origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
  });
  afterAll(() => s.shutdown());

  describe("the PHP SDK's signature: json_encode($params, JSON_UNESCAPED_SLASHES | JSON_FORCE_OBJECT)", () => {
    it('stores playlists sent as plain json_encode writes them', async () => {
      const body = '{"Road trip":[{"id":"s1"},{"id":"s2"}],"Empty":[]}';
      const signed = phpJsonForceObject(JSON.parse(body));
      expect(signed).toBe('{"Road trip":{"0":{"id":"s1"},"1":{"id":"s2"}},"Empty":{}}');
      expect((await raw('PUT', '/api/v1/playlists', body, signed)).status).toBe(200);
      expect((await raw('GET', '/api/v1/playlists')).body).toEqual({
        'Road trip': [{ id: 's1' }, { id: 's2' }],
        Empty: [],
      });
    });
    it('stores a profile bio with both a "/" and an "é"', async () => {
      const body = '{"bio":"AC\\/DC caf\\u00e9 \\ud83c\\udfb5"}';
      const r = await raw('PUT', '/api/v1/profile', body, '{"bio":"AC/DC caf\\u00e9 \\ud83c\\udfb5"}');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(await profile()).toEqual({ bio: 'AC/DC café 🎵' });
    });
    it('answers a TCA check with no tokens', async () => {
      const r = await raw('POST', '/api/v1/tca/status', '{"tokens":[]}', '{"tokens":{}}');
      expect(r).toEqual({ status: 200, body: { access: {} } });
    });
    it('still refuses a signature over something else', async () => {
      const r = await raw('PUT', '/api/v1/profile', '{"bio":"x"}', '{"bio":"y"}');
      expect(r.status).toBe(403);
    });
  });

  it('carries "errors": [message] beside "message" in error answers', async () => {
    const bad = await raw('PUT', '/api/v1/profile', '{"bio":"x"}', '{"bio":"y"}');
    expect(bad.body).toEqual({ message: 'Invalid signature', errors: ['Invalid signature'] });
    const missing = await fetch(`${origin}/api/v1/music/album/00000000-0000-4000-8000-000000000000`);
    const m = (await missing.json()) as { message: string; errors: string[] };
    expect(missing.status).toBe(404);
    expect(m.errors).toEqual([m.message]);
  });

  it.each([
    ['profile', 'error', '/api/v1/profile', '{"error":"x","bio":"b"}'],
    ['profile', 'errors', '/api/v1/profile', '{"errors":[]}'],
    ['playlists', 'errors', '/api/v1/playlists', '{"errors":[{"id":"s1"}]}'],
  ])('refuses a %s whose top level has the key %s (the SDK reads it as a failure)', async (_w, key, path, body) => {
    const before = (await raw('GET', path)).body;
    const r = await raw('PUT', path, body);
    expect(r.status).toBe(422);
    expect(String(r.body.message)).toContain(`"${key}"`);
    expect((await raw('GET', path)).body).toEqual(before);
  });

  describe('input that answered 500', () => {
    it('a NUL in a login username', async () => {
      const r = await fetch(`${origin}/api/v1/account/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":"ali\\u0000ce","password":"x"}',
      });
      expect(r.status).toBe(422);
      expect(((await r.json()) as { message: string }).message).toMatch(
        /^username: text must not contain control characters .*NUL/,
      );
    });
    it('a NUL in /api/v1/profiles/{username}', async () => {
      const r = await fetch(`${origin}/api/v1/profiles/ali%00ce`);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/NUL/);
    });
    it.each([
      ['a NUL in a value', '{"bio":"a\\u0000b"}', /^bio: text must not contain control characters .*NUL/],
      ['a NUL in a key', '{"b\\u0000io":"x"}', /^body: a key must not contain control characters .*NUL/],
      ['a lone surrogate in a value', '{"bio":"a\\ud800b"}', /^bio: text must not contain .*lone surrogate/],
      [
        'a lone surrogate in a nested key',
        '{"links":{"\\udc00":"x"}}',
        /^links: a key must not contain .*lone surrogate/,
      ],
      ['a __proto__ key', '{"__proto__":{"admin":true},"bio":"x"}', /^body: the key "__proto__" is reserved/],
      ['a nested __proto__ key', '{"a":[{"__proto__":1}]}', /^a\[0\]: the key "__proto__" is reserved/],
      ['a body nested 5000 levels deep', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, /nested more than 64 levels/],
    ])('a profile with %s', async (_what, body, message) => {
      const before = await profile();
      const r = await raw('PUT', '/api/v1/profile', body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(String(r.body.message)).toMatch(message);
      expect(await profile()).toEqual(before);
    });
  });

  it('refuses a decompression bomb in the verify tool with a 422 that says why', async () => {
    // 126 KB of FLAC could say 5 minutes of 7.1 at 192 kHz: refused from its header, never decoded.
    const bomb = withFlacTotal(silence('api-bomb.flac', '7.1', 192_000, 1, ['-c:a', 'flac']), 300 * 192_000);
    const t = await raw(
      'POST',
      '/api/v1/artist/uploads',
      JSON.stringify({ name: 'b.flac', size: bomb.length, type: 'audio/flac', purpose: 'verify' }),
    );
    const ticket = uploadTicketSchema.parse(t.body);
    expect((await fetch(ticket.uploadUrl, { method: 'PUT', body: bomb })).status).toBe(200);
    const r = await raw('POST', '/api/v1/artist/verify', JSON.stringify({ uploadId: ticket.id }));
    expect(r.status).toBe(422);
    expect(String(r.body.message)).toMatch(
      /more audio than allowed: 5 minutes of 8 channels at 192 kHz; the limit is 20 minutes of 48 kHz stereo/,
    );
  });

  it('fails a job whose upload was deleted meanwhile, without fetching its link', async () => {
    const song = silence('job.flac', 'stereo', 44_100, 6, ['-c:a', 'flac']);
    const t = await raw(
      'POST',
      '/api/v1/artist/uploads',
      JSON.stringify({ name: 'a.flac', size: song.length, type: 'audio/flac' }),
    );
    const ticket = uploadTicketSchema.parse(t.body);
    expect((await fetch(ticket.uploadUrl, { method: 'PUT', body: song })).status).toBe(200);
    const src = signUploadUrl(origin, s.ctx.mediaSecret, 'source', ticket.id, alice.creds.id, 9_999_999_999);
    expect((await raw('DELETE', `/api/v1/artist/uploads/${ticket.id}`)).status).toBeLessThan(300);
    let fetched = 0;
    s.app.server.on('request', (req: { url?: string }) => void (req.url?.startsWith('/media/uploads/') && fetched++));
    const token = (url: string, arg: object) =>
      jwt.sign(
        { iss: 'demo-app', iat: Math.floor(Date.now() / 1000), mtd: 'POST', url, arg },
        'demo-soundlinks-secret-change-me',
      );
    const post = async (path: string, data: string) =>
      (await (
        await fetch(`${origin}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data }),
        })
      ).json()) as Record<string, unknown>;
    const { query } = await post('/v3/sl/encoding', token('/v3/sl/encoding', { src }));
    let done: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      done = await post('/v3/sl/query', token('/v3/sl/query', { query }));
      if (done.status !== 'processing') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(done).toMatchObject({ status: 'failed', message: 'The uploaded file no longer exists: upload it again' });
    expect(fetched).toBe(0);
  });
});
