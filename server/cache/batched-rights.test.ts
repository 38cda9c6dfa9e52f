import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema, streamAuthSchema, tcaResponseSchema } from '@contract/listener.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, registeredClient, signedClient, testServer, type TestServer } from '../test/harness.js';

const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
type Client = Awaited<ReturnType<typeof signedClient>>;
const TCA = JSON.stringify({ tokens: { OCEAN: 1 } });

/**
 * Rights asked by many requests at the same moment: on PostgreSQL they share one statement
 * (db/batch.ts); each listener still gets the answer of their own holdings, grants and session.
 */
describe.each(backends())('rights asked by many at once (%s)', (backend) => {
  let s: TestServer;
  let alice: Client;
  let bob: Client;
  const tca = async (c: Client) => {
    const r = await c.call('POST', '/api/v1/tca/status', TCA);
    return r.status === 200 ? tcaResponseSchema.parse(await r.json()).access : r.status;
  };
  const authorize = async (c: Client, id: string) => {
    const r = await c.call('POST', `/api/v1/stream/${id}`);
    return r.status === 200 ? streamAuthSchema.parse(await r.json()) : r.status;
  };
  const balance = async (c: Client) =>
    balanceSchema.parse(await (await c.call('GET', '/api/v1/credits/balance?refresh=1')).json()).balanceSat;

  beforeAll(async () => {
    s = await testServer(backend);
    const origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
    bob = await registeredClient(origin, 'bob', 'bob-password-long-1');
  });
  afterAll(() => s.shutdown());

  it('answers each listener from their own holdings and grants, charging nobody twice', async () => {
    expect(await authorize(alice, song('Electric Eel'))).toMatchObject({ authorized: true, token: 'OCEAN' });
    const bobPaid = await authorize(bob, song('Electric Sheep'));
    expect(bobPaid).toMatchObject({ authorized: true, authType: 'credits', chargedSat: 200_000_000 });
    const bobBalance = await balance(bob);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => [
        tca(alice),
        tca(bob),
        authorize(alice, song('Electric Eel')),
        authorize(bob, song('Electric Sheep')),
      ]).flat(),
    );
    for (let i = 0; i < answers.length; i += 4) {
      expect(answers[i]).toEqual({ OCEAN: true });
      expect(answers[i + 1]).toEqual({ OCEAN: false });
      expect(answers[i + 2]).toMatchObject({ authorized: true, authType: 'token', token: 'OCEAN', chargedSat: 0 });
      expect(answers[i + 3]).toMatchObject({
        authorized: true,
        authType: 'credits',
        chargedSat: 0,
        balanceSat: bobBalance,
      });
    }
    expect(await balance(bob)).toBe(bobBalance);
  });

  it('refuses a session that ended while another listener asks at the same moment', async () => {
    expect((await bob.call('GET', '/api/v1/account/logout')).status).toBe(200);
    const answers = await Promise.all([
      tca(bob),
      authorize(bob, song('Electric Sheep')),
      tca(alice),
      authorize(alice, song('Electric Eel')),
    ]);
    expect(answers.slice(0, 2)).toEqual([403, 403]);
    expect(answers[2]).toEqual({ OCEAN: true });
    expect(answers[3]).toMatchObject({ authorized: true, token: 'OCEAN', chargedSat: 0 });
  });
});
