import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedString, signingUrl } from '@contract/signing.js';
import { credentialsSchema, type Credentials } from '@contract/account.js';
import { backends, signHeaders, testServer, type TestServer } from '../test/harness.js';
import { F } from '../test/fixture.js';

const run = promisify(execFile);

describe('the signed string', () => {
  it('is the five parts joined by newlines, the method upper-cased', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('get', 'POST', 'Put', 'delete'),
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        fc.json(),
        fc.stringMatching(/^T[A-Za-z0-9]{15}$/),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (method, url, params, apiToken, nonce) => {
          const s = buildSignedString({ method, url, params, apiToken, nonce });
          expect(s.split('\n').slice(0, 1)).toEqual([method.toUpperCase()]);
          expect(s.endsWith(`\n${apiToken}\n${nonce}`)).toBe(true);
          expect(s).toBe([method.toUpperCase(), url, params, apiToken, String(nonce)].join('\n'));
        },
      ),
    );
  });

  it('names the URL without query, fragment or default port', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const u = signingUrl(url);
        expect(u).not.toMatch(/[?#]/);
        expect(u).not.toMatch(/^https:\/\/[^/]+:443\//);
        expect(u).not.toMatch(/^http:\/\/[^/]+:80\//);
        expect(
          url.startsWith(u.slice(0, u.indexOf('/', 8) === -1 ? u.length : u.indexOf('/', 8)).replace(/:(80|443)$/, '')),
        ).toBe(true);
      }),
    );
    expect(signingUrl('https://music.tokenly.com:443/api/v1/music/mysongs?x=1')).toBe(
      'https://music.tokenly.com/api/v1/music/mysongs',
    );
    expect(signingUrl('http://127.0.0.1:8080/api/v1/playlists')).toBe('http://127.0.0.1:8080/api/v1/playlists');
  });
});

describe.each(backends())('HMAC request signing (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let creds: Credentials;
  beforeAll(async () => {
    s = await testServer(backend);
    // A protected echo route, to check signatures over bodies before the protected API exists.
    s.app.post('/api/v1/test/echo', { preValidation: s.ctx.requireUser }, async (req) => ({
      user: req.user?.username,
      body: req.body,
    }));
    origin = await s.listen();
    const r = await fetch(`${origin}/api/v1/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: F.users.alice.password }),
    });
    creds = credentialsSchema.parse(await r.json());
  });
  afterAll(() => s.shutdown());

  const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body } : {}),
    });

  it("accepts a request signed exactly like the document's curl example (openssl, echo -en)", async () => {
    const script = `
      API_TOKEN="${creds.apiToken}"; API_SECRET_KEY="${creds.apiSecretKey}"; NONCE=\`date +%s\`
      SIGNATURE=$(echo -en "POST\\n${origin}/api/v1/test/echo\\n{\\"tokens\\": {\\"ALBUMONE\\":1, \\"ALBUMTWO\\":1}}\\n\${API_TOKEN}\\n\${NONCE}" \\
          | openssl dgst -sha256 -hmac "\${API_SECRET_KEY}" -binary | base64)
      curl -s -X POST \\
          -H "Content-Type: application/json" \\
          -H "X-TOKENLY-AUTH-API-TOKEN: \${API_TOKEN}" \\
          -H "X-TOKENLY-AUTH-NONCE: \${NONCE}" \\
          -H "X-TOKENLY-AUTH-SIGNATURE: \${SIGNATURE}" \\
          -d '{"tokens": {"ALBUMONE":1, "ALBUMTWO":1}}' \\
          ${origin}/api/v1/test/echo`;
    const { stdout } = await run('bash', ['-c', script]);
    expect(JSON.parse(stdout)).toEqual({ user: 'alice', body: { tokens: { ALBUMONE: 1, ALBUMTWO: 1 } } });
  });

  it('accepts the compact re-encoding of the body as well as the raw text', async () => {
    const raw = '{ "a" : 1,  "b": [1, 2] }';
    const compact = JSON.stringify(JSON.parse(raw));
    for (const signed of [raw, compact]) {
      const r = await call(
        'POST',
        '/api/v1/test/echo',
        signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, signed),
        raw,
      );
      expect(r.status).toBe(200);
    }
  });

  it('accepts a repeated identical request (same second, same signature)', async () => {
    const h = signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, '{"x":1}');
    expect((await call('POST', '/api/v1/test/echo', h, '{"x":1}')).status).toBe(200);
    expect((await call('POST', '/api/v1/test/echo', h, '{"x":1}')).status).toBe(200);
  });

  it.each([
    [
      'a wrong secret',
      () => signHeaders({ ...creds, apiSecretKey: `K${'x'.repeat(40)}` }, 'POST', `${origin}/api/v1/test/echo`, '{}'),
      /Invalid signature/,
    ],
    [
      'an unknown token',
      () => signHeaders({ ...creds, apiToken: 'Tunknowntoken123' }, 'POST', `${origin}/api/v1/test/echo`, '{}'),
      /Unknown or expired/,
    ],
    [
      'a missing header',
      () => {
        const h = signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, '{}');
        delete h['x-tokenly-auth-nonce'];
        return h;
      },
      /Missing authentication headers/,
    ],
    [
      'a signature for another URL',
      () => signHeaders(creds, 'POST', `${origin}/api/v1/test/other`, '{}'),
      /Invalid signature/,
    ],
    [
      'a signature for another body',
      () => signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, '{"y":2}'),
      /Invalid signature/,
    ],
    [
      'a nonce 301 s in the past',
      () => signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, '{}', Math.floor(Date.now() / 1000) - 301),
      /nonce/,
    ],
    [
      'a nonce 301 s in the future',
      () => signHeaders(creds, 'POST', `${origin}/api/v1/test/echo`, '{}', Math.floor(Date.now() / 1000) + 301),
      /nonce/,
    ],
  ])('refuses %s with 403', async (_what, headers, message) => {
    const r = await call('POST', '/api/v1/test/echo', headers(), '{}');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toMatch(message);
  });

  it('rebuilds the signed URL from a configured PUBLIC_URL (behind a proxy)', async () => {
    const p = await testServer(backend, { PUBLIC_URL: 'https://music.example.org' });
    try {
      p.app.post('/api/v1/test/echo', { preValidation: p.ctx.requireUser }, async () => ({ ok: true }));
      const login = await p.app.inject({
        method: 'POST',
        url: '/api/v1/account/login',
        payload: { username: 'alice', password: F.users.alice.password },
      });
      const c = credentialsSchema.parse(login.json());
      const good = signHeaders(c, 'POST', 'https://music.example.org/api/v1/test/echo', '{}');
      expect(
        (
          await p.app.inject({
            method: 'POST',
            url: '/api/v1/test/echo',
            headers: { ...good, 'content-type': 'application/json' },
            payload: '{}',
          })
        ).statusCode,
      ).toBe(200);
      const local = signHeaders(c, 'POST', 'http://localhost:80/api/v1/test/echo', '{}');
      expect(
        (
          await p.app.inject({
            method: 'POST',
            url: '/api/v1/test/echo',
            headers: { ...local, 'content-type': 'application/json' },
            payload: '{}',
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      await p.shutdown();
    }
  });
  it('accepts the logout curl example, a GET signed over {} (last: it ends every session)', async () => {
    const { creds: c2 } = {
      creds: credentialsSchema.parse(
        await (
          await call(
            'POST',
            '/api/v1/account/login',
            {},
            JSON.stringify({ username: 'alice', password: F.users.alice.password }),
          )
        ).json(),
      ),
    };
    const script = `
      API_TOKEN="${c2.apiToken}"; API_SECRET_KEY="${c2.apiSecretKey}"; NONCE=\`date +%s\`
      SIGNATURE=$(echo -en "GET\\n${origin}/api/v1/account/logout\\n{}\\n\${API_TOKEN}\\n\${NONCE}" \\
          | openssl dgst -sha256 -hmac "\${API_SECRET_KEY}" -binary | base64)
      curl -s -o /dev/null -w '%{http_code}' -X GET -H "Content-Type: application/json" \\
          -H "X-TOKENLY-AUTH-API-TOKEN: \${API_TOKEN}" -H "X-TOKENLY-AUTH-NONCE: \${NONCE}" \\
          -H "X-TOKENLY-AUTH-SIGNATURE: \${SIGNATURE}" ${origin}/api/v1/account/logout`;
    expect((await run('bash', ['-c', script])).stdout).toBe('200');
  });
});
