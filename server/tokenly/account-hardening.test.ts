import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedUser } from '../db/seed/users.js';
import { F } from '../test/fixture.js';
import { backends, testServer, type TestServer } from '../test/harness.js';

/** Enumeration, password strength and the per-account login backoff (issue 13, items 6 and 8). */
describe.each(backends())('account hardening (%s)', (backend) => {
  let s: TestServer;
  let address = 0;
  const post = async (url: string, payload: object, remoteAddress = `10.1.0.${++address % 250}`) => {
    const r = await s.app.inject({ method: 'POST', url, payload, remoteAddress });
    return { status: r.statusCode, body: r.json() as Record<string, unknown>, headers: r.headers };
  };
  const mailTo = async (to: string, since: number) => {
    for (let i = 0; i < 100; i++) {
      const m = s.mail.slice(since).find((x) => x.to === to);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  };
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  it('refuses a registration with an existing email without saying so, and mails the owner', async () => {
    const before = s.mail.length;
    const r = await post('/api/v1/account/register', {
      username: 'copycat',
      password: 'long-enough-pass',
      email: F.users.alice.email.toUpperCase(),
      code: F.invite,
    });
    expect(r.status).toBe(409);
    expect(String(r.body.message)).toMatch(/^email: /);
    expect(String(r.body.message)).not.toMatch(/exists|already has|taken/);
    const notice = await mailTo(F.users.alice.email.toUpperCase(), before);
    expect(notice?.subject).toBe('Someone tried to register with your address');
    expect(notice?.text).toContain(`${s.config.publicOrigin}/forgot-password`);
    const made = await s.db.query("select 1 from users where username = 'copycat'");
    expect(made.rows).toHaveLength(0);
  });

  it('answers a reset request before doing its work, alike for known and unknown addresses', async () => {
    const before = s.mail.length;
    const known = await post('/api/v1/password/reset-email', { email: F.users.alice.email });
    const unknown = await post('/api/v1/password/reset-email', { email: 'nobody@nowhere.test' });
    expect(known.body).toEqual(unknown.body);
    expect(known.status).toBe(unknown.status);
    expect(await mailTo(F.users.alice.email, before)).toBeDefined();
    expect(s.mail.slice(before).map((m) => m.to)).toEqual([F.users.alice.email]);
  });

  it.each([
    ['1234567890', 'numbers1'],
    ['password12', 'numbers2'],
    ['qwertyuiop', 'keyboard'],
    ['leroyjenkins99', 'leroyjenkins99'],
  ])('refuses the weak password %s with a helpful message', async (password, username) => {
    const r = await post('/api/v1/account/register', {
      username,
      password,
      email: `${username}@test.com`,
      code: F.invite,
    });
    expect(r.status).toBe(422);
    expect(String(r.body.message)).toMatch(/^password is too easy to guess \(.+\): use a longer one/);
  });

  it('refuses a weak new password at reset too, and keeps seeded demo passwords working for login', async () => {
    const weak = await post('/api/v1/password/reset', {
      email: F.users.alice.email,
      token: 'X',
      password: 'password12',
    });
    expect(weak.status).toBe(422);
    expect(String(weak.body.message)).toMatch(/^password is too easy to guess/);
    await createSeedUser(s.db, { username: 'demo', password: 'demo-password', email: 'demo@test.com' });
    expect((await post('/api/v1/account/login', { username: 'demo', password: 'demo-password' })).status).toBe(200);
  });

  it.each([
    ['an account', 'alice'],
    ['a name no account has (alike: no oracle)', 'nobody-at-all'],
  ])('backs off logins to %s after repeated failures, from any address', async (_what, username) => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post('/api/v1/account/login', { username, password: 'wrong-guess-123' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
    expect(statuses[5]).toBe(429);
    const blocked = await post('/api/v1/account/login', { username, password: F.users.alice.password });
    expect(blocked.status).toBe(429);
    expect(String(blocked.body.message)).toMatch(/^Too many failed logins for this account: try again in \d+ seconds$/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Once the wait is over, the right password logs in and starts the count afresh.
    await s.db.query(`update login_failures set blocked_until = now() - interval '1 second'`);
    if (username === 'alice') {
      expect((await post('/api/v1/account/login', { username, password: F.users.alice.password })).status).toBe(200);
      expect((await s.db.query(`select 1 from login_failures where name = 'alice'`)).rows).toHaveLength(0);
    }
  });
});
