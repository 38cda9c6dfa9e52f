import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMaintenance } from '../lib/settings-repo.js';
import { backends, testServer, type TestServer } from '../test/harness.js';

describe.each(backends())('error answers (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(backend, { AUTH_RATE_LIMIT_PER_MIN: '3' });
    s.app.get('/api/v1/test/boom', async () => {
      throw new Error('secret internals at /srv/db.ts:42');
    });
  });
  afterAll(() => s.shutdown());

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const r = await s.app.inject({ method: 'DELETE', url: '/api/v1/music/catalog/albums' });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
    expect(r.json()).toEqual({
      message: expect.stringContaining('DELETE'),
      errors: [expect.stringContaining('DELETE')],
    });
    const login = await s.app.inject({ method: 'GET', url: '/api/v1/account/login' });
    expect(login.statusCode).toBe(405);
    expect(login.headers.allow).toBe('POST');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/nothing/here' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      message: 'Not found: GET /api/v1/nothing/here',
      errors: ['Not found: GET /api/v1/nothing/here'],
    });
  });

  it('answers malformed JSON with 400 and a body of the wrong type with 422 naming the field', async () => {
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/v1/account/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "alice", ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^Malformed JSON body/);
    const typed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/account/login',
      payload: { username: 5, password: 'x' },
    });
    expect(typed.statusCode).toBe(422);
    expect(typed.json().message).toMatch(/username/);
    const notObject = await s.app.inject({ method: 'POST', url: '/api/v1/account/login', payload: [1, 2] });
    expect(notObject.statusCode).toBe(422);
  });

  it('hides internals behind a plain 500', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret internals');
    expect(r.json()).toEqual({
      message: 'We had a problem with our server. Try again later.',
      errors: ['We had a problem with our server. Try again later.'],
    });
  });

  it('limits login attempts with 429 and Retry-After', async () => {
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/account/login',
        remoteAddress: '10.9.9.9',
        payload: { username: 'alice', password: 'nope-nope-nope' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().message).toMatch(/Too many requests/);
    // The public catalog is not held to the login limit.
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/genres', remoteAddress: '10.9.9.9' })).statusCode).toBe(
      200,
    );
  });

  it('answers 503 with Retry-After while the maintenance switch is on', async () => {
    await setMaintenance(s.db, true);
    await new Promise((r) => setTimeout(r, 2100));
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/music/catalog/albums' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('60');
    expect(r.json().message).toMatch(/maintenance/);
    await setMaintenance(s.db, false);
    await new Promise((r2) => setTimeout(r2, 2100));
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/music/catalog/albums' })).statusCode).toBe(200);
  });
});
