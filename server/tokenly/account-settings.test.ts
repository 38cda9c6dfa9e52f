import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSessionListSchema, passwordChangedSchema } from '@contract/account-settings.js';
import { backends, registeredClient, signedClient, testServer, type TestServer } from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;
const sessions = async (c: Client) =>
  accountSessionListSchema.parse(await (await c.call('GET', '/api/v1/account/sessions')).json());
const post = (c: Client, path: string, body: object) => c.call('POST', path, JSON.stringify(body));
const message = async (r: Response) => ((await r.json()) as { message: string }).message;

/** The account settings page's endpoints (issue 17, item 6). */
describe.each(backends())('account settings (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const PW = 'quiet-harbor-lantern-7';

  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it('refuses a wrong current password (403) and a weak new one (422), changing nothing', async () => {
    const c = await registeredClient(origin, 'wendy', PW);
    const wrong = await post(c, '/api/v1/account/password', {
      currentPassword: 'nope',
      newPassword: 'a-new-long-phrase-9',
    });
    expect(wrong.status).toBe(403);
    expect(await message(wrong)).toMatch(/^currentPassword: .*not your current password/);
    const weak = await post(c, '/api/v1/account/password', { currentPassword: PW, newPassword: 'password123' });
    expect(weak.status).toBe(422);
    expect(await message(weak)).toMatch(/^newPassword: /);
    const short = await post(c, '/api/v1/account/password', { currentPassword: PW, newPassword: 'short' });
    expect(short.status).toBe(422);
    expect(await message(short)).toMatch(/newPassword.*at least 10/);
    // The old password still logs in; the session that was refused still works.
    await expect(signedClient(origin, 'wendy', PW)).resolves.toBeTruthy();
    expect((await c.call('GET', '/api/v1/account/sessions')).status).toBe(200);
  });

  it('changes the password: other sessions end at once, this one keeps working, the new password logs in', async () => {
    const here = await registeredClient(origin, 'pat', PW);
    const other = await signedClient(origin, 'pat', PW);
    expect((await other.call('GET', '/api/v1/account/sessions')).status).toBe(200);
    const r = await post(here, '/api/v1/account/password', {
      currentPassword: PW,
      newPassword: 'amber-fjord-trellis-42',
    });
    expect(r.status).toBe(200);
    expect(passwordChangedSchema.parse(await r.json()).endedSessions).toBeGreaterThanOrEqual(2);
    expect((await other.call('GET', '/api/v1/account/sessions')).status).toBe(403);
    const left = await sessions(here);
    expect(left).toHaveLength(1);
    expect(left[0]!.current).toBe(true);
    await expect(signedClient(origin, 'pat', PW)).rejects.toThrow(/403/);
    await expect(signedClient(origin, 'pat', 'amber-fjord-trellis-42')).resolves.toBeTruthy();
  });

  it('changes the email after the password check; a taken address (any case) is a 409', async () => {
    const c = await registeredClient(origin, 'erin', PW);
    await registeredClient(origin, 'frank', PW);
    const taken = await post(c, '/api/v1/account/email', { currentPassword: PW, email: 'FRANK@example.com' });
    expect(taken.status).toBe(409);
    expect(await message(taken)).toMatch(/^email: /);
    const bad = await post(c, '/api/v1/account/email', { currentPassword: PW, email: 'not-an-address' });
    expect(bad.status).toBe(422);
    expect(await message(bad)).toMatch(/email must be a valid email/);
    const wrong = await post(c, '/api/v1/account/email', { currentPassword: 'wrong-one', email: 'erin2@example.com' });
    expect(wrong.status).toBe(403);
    const ok = await post(c, '/api/v1/account/email', { currentPassword: PW, email: 'Erin.New@example.com' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ email: 'Erin.New@example.com' });
    await expect(signedClient(origin, 'erin.new@example.com', PW)).resolves.toBeTruthy();
  });

  it('lists live sessions without tokens or secrets; ending one makes its signed requests 403 at once', async () => {
    const a = await registeredClient(origin, 'sam', PW);
    const b = await signedClient(origin, 'sam', PW);
    const c = await signedClient(origin, 'sam', PW);
    const res = await a.call('GET', '/api/v1/account/sessions');
    const text = await res.text();
    for (const secret of [a, b, c].flatMap((x) => [x.creds.apiToken, x.creds.apiSecretKey]))
      expect(text).not.toContain(secret);
    const list = accountSessionListSchema.parse(JSON.parse(text));
    expect(list.length).toBe(4); // registration's session too
    expect(list.filter((x) => x.current)).toHaveLength(1);
    for (const x of list) expect(Object.keys(x).sort()).toEqual(['createdAt', 'current', 'id', 'lastUsedAt']);

    const mineFromB = (await sessions(b)).find((x) => x.current)!;
    expect((await b.call('GET', '/api/v1/account/sessions')).status).toBe(200); // cached now
    expect((await a.call('DELETE', `/api/v1/account/sessions/${mineFromB.id}`)).status).toBe(200);
    expect((await b.call('GET', '/api/v1/account/sessions')).status).toBe(403);
    expect((await a.call('DELETE', `/api/v1/account/sessions/${mineFromB.id}`)).status).toBe(404);
    expect((await a.call('DELETE', '/api/v1/account/sessions/not-an-id')).status).toBe(422);

    // Another user cannot end sam's session by its id.
    const other = await registeredClient(origin, 'tess', PW);
    const cId = (await sessions(c)).find((x) => x.current)!.id;
    expect((await other.call('DELETE', `/api/v1/account/sessions/${cId}`)).status).toBe(404);
    expect((await c.call('GET', '/api/v1/account/sessions')).status).toBe(200);

    const ended = await post(a, '/api/v1/account/sessions/end-others', {});
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ endedSessions: 2 });
    expect((await c.call('GET', '/api/v1/account/sessions')).status).toBe(403);
    expect(await sessions(a)).toHaveLength(1);
  });
});
