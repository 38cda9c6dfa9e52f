import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsSchema } from '@contract/account.js';
import { backends, signHeaders, testServer, type TestServer } from '../test/harness.js';
import { F } from '../test/fixture.js';

describe.each(backends())('accounts (%s)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  const post = async (url: string, payload: unknown) => {
    const r = await s.app.inject({ method: 'POST', url, payload: payload as object, headers: { host: 'music.test' } });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };
  const logoutOk = async (creds: { apiToken: string; apiSecretKey: string }) => {
    const r = await s.app.inject({
      method: 'GET',
      url: '/api/v1/account/logout',
      headers: { host: 'music.test', ...signHeaders(creds, 'GET', 'http://music.test/api/v1/account/logout') },
    });
    return r.statusCode;
  };

  it('registers with an invitation code and answers with credentials shaped like the document', async () => {
    const r = await post('/api/v1/account/register', {
      username: 'leroyjenkins',
      password: 'ASecretP4$$w0RD',
      email: 'leroy@test.com',
      code: F.invite,
    });
    expect(r.status).toBe(200);
    const c = credentialsSchema.parse(r.body);
    expect(c.apiToken).toMatch(/^T[A-Za-z0-9]{15}$/);
    expect(c.apiSecretKey).toMatch(/^K[A-Za-z0-9]{40}$/);
    expect(c).toMatchObject({ username: 'leroyjenkins', email: 'leroy@test.com' });
    const row = await s.db.query<{ password_hash: string }>('select password_hash from users where username = $1', [
      'leroyjenkins',
    ]);
    expect(row.rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(row.rows[0]!.password_hash).not.toContain('ASecretP4');
  });

  it.each([
    [
      { username: 'newbie1', password: 'long-enough-pass', email: 'n1@test.com', code: 'WRONG' },
      422,
      /^code: .*invitation code/,
    ],
    [
      { username: 'leroyjenkins', password: 'long-enough-pass', email: 'other@test.com', code: F.invite },
      409,
      /^username: .*taken/,
    ],
    [
      { username: 'LEROYJENKINS', password: 'long-enough-pass', email: 'other@test.com', code: F.invite },
      409,
      /^username: .*taken/,
    ],
    [{ username: 'someone', password: 'long-enough-pass', email: 'LEROY@test.com', code: F.invite }, 409, /^email: /],
    [{ username: 'weakling', password: 'short', email: 'w@test.com', code: F.invite }, 422, /password.*at least 10/],
    [
      { username: 'weakling', password: 'aaaaaaaaaaaaaaa', email: 'w@test.com', code: F.invite },
      422,
      /password.*too simple/,
    ],
    [{ username: 'x', password: 'long-enough-pass', email: 'w@test.com', code: F.invite }, 422, /username/],
    [{ username: 'bademail', password: 'long-enough-pass', email: 'nope', code: F.invite }, 422, /email/],
    [{ username: 'nocode', password: 'long-enough-pass', email: 'nc@test.com' }, 422, /code/],
  ])('refuses registration %j with %i', async (body, status, message) => {
    const r = await post('/api/v1/account/register', body);
    expect(r.status).toBe(status);
    expect(String(r.body.message)).toMatch(message);
  });

  it('uses up a limited invitation code', async () => {
    const first = await post('/api/v1/account/register', {
      username: 'once1',
      password: 'long-enough-pass',
      email: 'once1@test.com',
      code: F.limitedInvite,
    });
    expect(first.status).toBe(200);
    const second = await post('/api/v1/account/register', {
      username: 'once2',
      password: 'long-enough-pass',
      email: 'once2@test.com',
      code: F.limitedInvite,
    });
    expect(second.status).toBe(422);
    const users = await s.db.query('select 1 from users where username = $1', ['once2']);
    expect(users.rows).toHaveLength(0);
  });

  it('logs in by username or email, refuses a wrong password with 403', async () => {
    const ok = await post('/api/v1/account/login', { username: 'alice', password: F.users.alice.password });
    expect(ok.status).toBe(200);
    expect(credentialsSchema.parse(ok.body).username).toBe('alice');
    expect(
      (await post('/api/v1/account/login', { username: 'ALICE@example.com', password: F.users.alice.password })).status,
    ).toBe(200);
    const bad = await post('/api/v1/account/login', { username: 'alice', password: 'wrong-password' });
    expect(bad).toEqual({
      status: 403,
      body: { message: 'Wrong username or password', errors: ['Wrong username or password'] },
    });
    const nobody = await post('/api/v1/account/login', { username: 'nobody', password: 'wrong-password' });
    expect(nobody).toEqual(bad);
    expect((await post('/api/v1/account/login', { username: 'alice' })).status).toBe(422);
  });

  it('logout ends every session of the user', async () => {
    const a = credentialsSchema.parse(
      (await post('/api/v1/account/login', { username: 'alice', password: F.users.alice.password })).body,
    );
    const b = credentialsSchema.parse(
      (await post('/api/v1/account/login', { username: 'alice', password: F.users.alice.password })).body,
    );
    expect(await logoutOk(a)).toBe(200);
    expect(await logoutOk(b)).toBe(403);
    expect(await logoutOk(a)).toBe(403);
  });

  it('resets a password with an emailed single-use token, and answers unknown addresses alike', async () => {
    await post('/api/v1/account/register', {
      username: 'forgetful',
      password: 'old-password-1',
      email: 'forget@test.com',
      code: F.invite,
    });
    // Mail sent before (the notice to an existing address's owner) is not part of this.
    const since = s.mail.length;
    const unknown = await post('/api/v1/password/reset-email', { email: 'nobody@test.com' });
    const known = await post('/api/v1/password/reset-email', { email: 'forget@test.com' });
    expect(known).toEqual(unknown);
    expect(known).toEqual({ status: 200, body: { success: true } });
    // The work is done after the answer: wait for it.
    for (let i = 0; i < 100 && s.mail.length === since; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 20));
    expect(s.mail.slice(since).map((m) => m.to)).toEqual(['forget@test.com']);
    const token = /reset code is ([A-Z0-9]+)/.exec(s.mail[since]!.text)![1]!;
    const stored = await s.db.query<{ token_hash: string }>('select token_hash from password_resets');
    expect(stored.rows.some((r) => r.token_hash.includes(token))).toBe(false);

    const wrong = await post('/api/v1/password/reset', {
      email: 'forget@test.com',
      token: 'NOTTHEONE',
      password: 'new-password-1',
    });
    expect(wrong.status).toBe(422);
    expect(String(wrong.body.message)).toMatch(/^token: /);
    const ok = await post('/api/v1/password/reset', { email: 'forget@test.com', token, password: 'new-password-1' });
    expect(ok).toEqual({ status: 200, body: { success: true } });
    expect(
      (await post('/api/v1/password/reset', { email: 'forget@test.com', token, password: 'new-password-2' })).status,
    ).toBe(422);
    expect((await post('/api/v1/account/login', { username: 'forgetful', password: 'old-password-1' })).status).toBe(
      403,
    );
    expect((await post('/api/v1/account/login', { username: 'forgetful', password: 'new-password-1' })).status).toBe(
      200,
    );
  });

  it('refuses an expired reset token', async () => {
    const since = s.mail.length;
    await post('/api/v1/password/reset-email', { email: F.users.alice.email });
    for (let i = 0; i < 100 && s.mail.length === since; i++) await new Promise((r) => setTimeout(r, 20));
    const token = /reset code is ([A-Z0-9]+)/.exec(s.mail.at(-1)!.text)![1]!;
    await s.db.query("update password_resets set expires_at = now() - interval '1 minute'");
    const r = await post('/api/v1/password/reset', { email: F.users.alice.email, token, password: 'brand-new-pass-1' });
    expect(r.status).toBe(422);
    expect((await post('/api/v1/account/login', { username: 'alice', password: F.users.alice.password })).status).toBe(
      200,
    );
  });
});
