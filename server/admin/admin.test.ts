import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';
import { parseCredits } from './commands.js';

const run = promisify(execFile);

describe('credit amounts', () => {
  it.each([
    ['25', 2_500_000_000],
    ['2.5', 250_000_000],
    ['0.00000001', 1],
  ])('parses %s credits exactly', (text, sat) => expect(parseCredits(text)).toBe(sat));
  it.each(['-1', '1e3', 'abc', '0', '1.123456789'])('refuses %s', (text) => expect(() => parseCredits(text)).toThrow());
});

describe.each(backends())('operator commands through the running server (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const admin = async (...args: string[]) => {
    const env = {
      ...process.env,
      DATA_DIR: s.dataDir,
      HOST: '127.0.0.1',
      PORT: new URL(origin).port,
      DATABASE_URL: '',
    };
    try {
      const r = await run(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', ...args], { env });
      return { code: 0, out: r.stdout.trim() };
    } catch (err) {
      const e = err as { code: number; stderr: string };
      return { code: e.code, out: e.stderr.trim() };
    }
  };
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it('creates invitation codes that register works with', async () => {
    const r = await admin('invite', 'create', '--code', 'FRIENDS-2026', '--uses', '2');
    expect(r).toEqual({ code: 0, out: 'invitation code FRIENDS-2026 (2 uses)' });
    const reg = await fetch(`${origin}/api/v1/account/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'friend',
        password: 'friend-password',
        email: 'friend@test.com',
        code: 'friends-2026',
      }),
    });
    expect(reg.status).toBe(200);
    expect((await admin('invite', 'create', '--code', 'FRIENDS-2026')).code).toBe(1);
  }, 60_000);

  it('grants credits through the ledger and grants and revokes tokens', async () => {
    expect(await admin('credits', 'grant', 'alice', '2.5', '--memo', 'Thanks')).toEqual({
      code: 0,
      out: 'granted 2.5 credits to alice; balance 12.5',
    });
    expect((await admin('tokens', 'grant', 'alice', 'robots', '3')).out).toBe('alice now holds 3 ROBOTS');
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const tca = await alice.call('POST', '/api/v1/tca/status', JSON.stringify({ tokens: { ROBOTS: 3 } }));
    expect(await tca.json()).toEqual({ access: { ROBOTS: true } });
    expect((await admin('tokens', 'revoke', 'alice', 'ROBOTS')).out).toBe('alice no longer holds ROBOTS');
    const after = await alice.call('POST', '/api/v1/tca/status', JSON.stringify({ tokens: { ROBOTS: 1 } }));
    expect(await after.json()).toEqual({ access: { ROBOTS: false } });
    const list = await admin('users', 'list');
    expect(list.out).toMatch(/^alice\talice@example.com\t12.5 credits\tOCEAN:1$/m);
  }, 60_000);

  it('explains bad commands and unknown users', async () => {
    expect(await admin('credits', 'grant', 'nobody', '5')).toEqual({ code: 1, out: 'no user named "nobody"' });
    const bad = await admin('credits', 'grant', 'alice', '-5');
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/positive number of credits/);
    expect((await admin('frobnicate')).out).toMatch(/unknown command/);
  }, 60_000);

  it('refuses the admin endpoint without the token', async () => {
    const r = await fetch(`${origin}/admin/v1/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': 'guess' },
      body: JSON.stringify({ cmd: 'users-list' }),
    });
    expect(r.status).toBe(403);
  });

  it('makes a user an artist directly', async () => {
    const r = await admin('artists', 'create', 'alice', '--name', 'Alice and the Owls');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^alice is now the artist "Alice and the Owls" \(profile [0-9a-f-]{36}\)$/);
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const me = await (await alice.call('GET', '/api/v1/artist/me')).json();
    expect(me).toMatchObject({ artist: { name: 'Alice and the Owls' } });
    expect((await admin('artists', 'create', 'alice', '--name', 'Twice')).code).toBe(1);
    expect((await admin('artists', 'create', 'alice')).out).toMatch(/--name/);
  }, 60_000);
});
