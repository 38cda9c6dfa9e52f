import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mySongListSchema, streamAuthSchema } from '@contract/listener.js';
import { runAdmin } from '../admin/commands.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
type Client = Awaited<ReturnType<typeof signedClient>>;

/** What "tokens revoke" and "log out" end (issue 13, item 4). */
describe.each(backends())('revocation and logout (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const authorize = async (c: Client, id: string) =>
    streamAuthSchema.parse(await (await c.call('POST', `/api/v1/stream/${id}`)).json());
  const status = async (url: string) => (await fetch(url, { headers: { range: 'bytes=0-15' } })).status;

  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it('ends token grants, their stream links and download links when the token is revoked', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const eel = song('Electric Eel');
    const first = await authorize(alice, eel);
    expect(first).toMatchObject({ authorized: true, authType: 'token', token: 'OCEAN' });
    const download = mySongListSchema.parse(await (await alice.call('GET', '/api/v1/music/mysongs')).json())[0]!
      .downloadUrl!;
    expect(await status(first.streamUrl!)).toBe(206);
    expect(await status(download)).toBe(206);

    await runAdmin(s.db, { cmd: 'tokens-revoke', username: 'alice', token: 'OCEAN' });
    expect(await status(first.streamUrl!)).toBe(403);
    expect(await status(download)).toBe(403);
    // Reusing the grant re-checks the holding: the listen is paid (or refused) like anyone's.
    const again = await authorize(alice, eel);
    expect(again.authType).not.toBe('token');

    await runAdmin(s.db, { cmd: 'tokens-grant', username: 'alice', token: 'OCEAN', amount: 1 });
  });

  it('ends the live media links of the user at "log out everywhere"; the paid listen stays paid', async () => {
    const alice = await signedClient(origin, 'alice', F.users.alice.password);
    const sheep = song('Electric Sheep');
    const paid = await authorize(alice, sheep);
    expect(paid.authorized).toBe(true);
    expect(await status(paid.streamUrl!)).toBe(206);
    expect((await alice.call('GET', '/api/v1/account/logout')).status).toBe(200);
    expect(await status(paid.streamUrl!)).toBe(403);
    const back = await signedClient(origin, 'alice', F.users.alice.password);
    const after = await authorize(back, sheep);
    expect(after).toMatchObject({ authorized: true, chargedSat: 0 });
    expect(await status(after.streamUrl!)).toBe(206);
  });

  it(`ends a session unused for SESSION_IDLE_DAYS (default 30), and keeps one in use alive`, async () => {
    const idle = await signedClient(origin, 'alice', F.users.alice.password);
    const used = await signedClient(origin, 'alice', F.users.alice.password);
    await s.db.query(`update api_sessions set last_used_at = now() - interval '31 days' where api_token = $1`, [
      idle.creds.apiToken,
    ]);
    await s.db.query(`update api_sessions set last_used_at = now() - interval '29 days' where api_token = $1`, [
      used.creds.apiToken,
    ]);
    const r = await idle.call('GET', '/api/v1/credits/balance');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toMatch(/expired/);
    expect((await used.call('GET', '/api/v1/credits/balance')).status).toBe(200);
    await new Promise((res) => setTimeout(res, 100));
    const row = await s.db.query<{ fresh: boolean }>(
      `select last_used_at > now() - interval '1 minute' as fresh from api_sessions where api_token = $1`,
      [used.creds.apiToken],
    );
    expect(row.rows[0]!.fresh).toBe(true);
  });
});
