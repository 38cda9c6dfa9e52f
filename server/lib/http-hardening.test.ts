import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { precompressDir } from './precompress.js';
import { fixturePlan } from '../test/fixture.js';

/** Headers, compression, source maps and slow clients (issue 13, items 7, 8 and 9). */
describe.each(backends())('HTTP hardening (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-web-'));
  const script = `console.log(${JSON.stringify('x'.repeat(100))});\n`.repeat(400);
  beforeAll(async () => {
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), `<!doctype html><title>t</title>${'<!-- pad -->'.repeat(200)}`);
    fs.writeFileSync(path.join(web, 'assets', 'main-abc.js'), script);
    fs.writeFileSync(path.join(web, 'assets', 'main-abc.js.map'), '{"version":3,"sources":["secret.ts"]}');
    expect(await precompressDir(web)).toBe(2);
    s = await testServer(backend, { WEB_ROOT: web }, { connectionIdleMs: 600 });
    origin = await s.listen();
  });
  afterAll(async () => {
    await s.shutdown();
    fs.rmSync(web, { recursive: true, force: true });
  });
  const get = (p: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url: p, headers });

  it.each([
    ['br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => zlib.gunzipSync(b)],
  ])('serves the precompressed build as %s, with Vary: Accept-Encoding', async (enc, decode) => {
    const r = await get('/assets/main-abc.js', { 'accept-encoding': enc });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe(enc);
    expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    expect(r.rawPayload.length).toBeLessThan(script.length / 10);
    expect(decode(r.rawPayload).toString()).toBe(script);
  });

  it('serves the plain file to a client that accepts no compression', async () => {
    const r = await get('/assets/main-abc.js');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toBe(script);
  });

  it('does not serve source maps', async () => {
    const r = await get('/assets/main-abc.js.map');
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('secret.ts');
  });

  it('compresses JSON answers above 1 KB for clients that ask', async () => {
    const ids = fixturePlan()
      .songs.slice(0, 8)
      .map((x) => x.id)
      .join(',');
    const plain = await get(`/api/v1/music/songs?ids=${ids}`);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const r = await get(`/api/v1/music/songs?ids=${ids}`, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(zlib.gunzipSync(r.rawPayload).toString())).toEqual(plain.json());
    const small = await get('/api/v1/soundlinks/config', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends nosniff and Referrer-Policy everywhere, keeps the CSP on the page, and HSTS only over HTTPS', async () => {
    for (const p of ['/', '/api/v1/genres', '/assets/main-abc.js', '/api/v1/nothing']) {
      const r = await get(p);
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      expect(r.headers['referrer-policy'], p).toBe('same-origin');
      expect(r.headers['strict-transport-security'], p).toBeUndefined();
    }
    expect(String((await get('/')).headers['content-security-policy'])).toMatch(/default-src 'self'/);
    // Behind a TLS proxy on loopback (trusted): the request came over HTTPS.
    const tls = await get('/api/v1/genres', { 'x-forwarded-proto': 'https' });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('closes a connection that sent headers and then stalled', async () => {
    const sock = net.connect(Number(new URL(origin).port), '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    sock.write(
      'POST /api/v1/account/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"use',
    );
    const closed = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 5000);
      sock.once('close', () => (clearTimeout(t), resolve(true)));
    });
    sock.destroy();
    expect(closed).toBe(true);
  });
});
