import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema, ledgerPageSchema, streamAuthSchema } from '@contract/listener.js';
import { runAdmin } from '../admin/commands.js';
import { newApiSecret, newApiToken } from '../lib/random.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, registeredClient, signHeaders, testServer, type TestServer } from '../test/harness.js';
import { splitPrice } from './index.js';

const SECRET = 'whsec_test_money_secret';
const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
type Client = Awaited<ReturnType<typeof registeredClient>>;

describe('the split of a price', () => {
  it('rounds the fee down, so the integer remainder goes to the artist', () => {
    expect(splitPrice(200_000_000, 10)).toEqual({ feeSat: 20_000_000, artistSat: 180_000_000 });
    expect(splitPrice(7, 10)).toEqual({ feeSat: 0, artistSat: 7 });
    expect(splitPrice(19, 10)).toEqual({ feeSat: 1, artistSat: 18 });
    expect(splitPrice(Number.MAX_SAFE_INTEGER, 33).feeSat).toBe(2972375754064527);
  });
});

describe.each(backends())('credits coming in (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let ann: Client;
  const balance = async (c: Client) =>
    balanceSchema.parse(await (await c.call('GET', '/api/v1/credits/balance')).json()).balanceSat;
  const redeem = (c: Client, code: unknown) => c.call('POST', '/api/v1/credits/redeem', JSON.stringify({ code }));
  const webhook = (payload: string, header: string) =>
    fetch(`${origin}/api/v1/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
      body: payload,
    });
  const checkoutEvent = (id: string, userId: string, amountTotal = 500) =>
    JSON.stringify({
      id,
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          object: 'checkout.session',
          client_reference_id: userId,
          amount_total: amountTotal,
          currency: 'eur',
          payment_status: 'paid',
        },
      },
    });
  const sign = (payload: string, timestamp = Math.floor(Date.now() / 1000), secret = SECRET) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

  beforeAll(async () => {
    s = await testServer(backend, {
      STRIPE_WEBHOOK_SECRET: SECRET,
      CREDITS_CHECKOUT_URL: 'https://buy.stripe.com/test_link',
      CREDITS_PER_UNIT: '2',
    });
    origin = await s.listen();
    ann = await registeredClient(origin, 'ann', 'ann-password-1');
  });
  afterAll(() => s.shutdown());

  it('gives a new account its welcome credits from issuance, shown with their counterpart', async () => {
    expect(await balance(ann)).toBe(1_000_000_000);
    const h = ledgerPageSchema.parse(await (await ann.call('GET', '/api/v1/credits/history')).json());
    expect(h.items.map((i) => [i.kind, i.amountSat, i.counterpart])).toEqual([
      ['welcome', 1_000_000_000, 'Welcome credits'],
    ]);
  });

  it("splits a paid listen between the artist's earnings and the platform fee", async () => {
    const before = await s.db.query<{ key: string; balance_sat: number }>(
      "select key, balance_sat from ledger_accounts where key in ('fees', $1)",
      [`earnings:${F.artists.chips}`],
    );
    const was = Object.fromEntries(before.rows.map((r) => [r.key, r.balance_sat]));
    const r = streamAuthSchema.parse(await (await ann.call('POST', `/api/v1/stream/${song('Electric Sheep')}`)).json());
    expect(r).toMatchObject({ authorized: true, chargedSat: 200_000_000, balanceSat: 800_000_000 });
    const after = await s.db.query<{ key: string; balance_sat: number }>(
      "select key, balance_sat from ledger_accounts where key in ('fees', $1)",
      [`earnings:${F.artists.chips}`],
    );
    const now = Object.fromEntries(after.rows.map((x) => [x.key, x.balance_sat]));
    expect(now[`earnings:${F.artists.chips}`]! - (was[`earnings:${F.artists.chips}`] ?? 0)).toBe(180_000_000);
    expect(now.fees! - (was.fees ?? 0)).toBe(20_000_000);
    const h = ledgerPageSchema.parse(await (await ann.call('GET', '/api/v1/credits/history')).json());
    expect(h.items[0]).toMatchObject({ kind: 'stream', songName: 'Electric Sheep', counterpart: 'to Mr. Chips' });
    // A song without an artist profile pays the platform only; a token unlock moves nothing.
    const shanty = await ann.call('POST', `/api/v1/stream/${song('Unsigned Shanty')}`);
    expect(streamAuthSchema.parse(await shanty.json()).chargedSat).toBe(200_000_000);
    const h2 = ledgerPageSchema.parse(await (await ann.call('GET', '/api/v1/credits/history')).json());
    expect(h2.items[0]!.counterpart).toBe('to the platform');
  });

  it('redeems a voucher once, and says why a wrong, used, expired or repeated code fails', async () => {
    await runAdmin(s.db, { cmd: 'vouchers-create', credits: '5', code: 'SPRING-5', uses: 3 });
    const before = await balance(ann);
    const ok = await redeem(ann, 'spring-5');
    expect(ok.status).toBe(200);
    expect(balanceSchema.parse(await ok.json()).balanceSat).toBe(before + 500_000_000);
    const again = await redeem(ann, 'SPRING-5');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/already redeemed/);
    const wrong = await redeem(ann, 'NO-SUCH-CODE');
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/no voucher with this code/);
    await s.db.query(
      "insert into vouchers (code, credits_sat, uses_left, expires_at) values ('OLD-ONE', 1, 5, now() - interval '1 day')",
    );
    const expired = await redeem(ann, 'OLD-ONE');
    expect(expired.status).toBe(410);
    await runAdmin(s.db, { cmd: 'vouchers-create', credits: '1', code: 'ONE-SHOT', uses: 1 });
    const bob = await registeredClient(origin, 'bob', 'bob-password-1');
    expect((await redeem(bob, 'ONE-SHOT')).status).toBe(200);
    const used = await redeem(ann, 'ONE-SHOT');
    expect(used.status).toBe(409);
    expect(((await used.json()) as { message: string }).message).toMatch(/used up/);
    for (const bad of ['', 42, null]) expect((await redeem(ann, bad)).status).toBe(422);
    expect(await balance(ann)).toBe(before + 500_000_000);
  });

  it('credits a single-use code exactly once when 20 redeem it at the same moment', async () => {
    await runAdmin(s.db, { cmd: 'vouchers-create', credits: '3', code: 'RACE-ONCE', uses: 1 });
    // Twenty listeners with sessions made directly (twenty password hashes would only slow the test).
    const racers = await Promise.all(Array.from({ length: 20 }, (_, i) => sessionFor(s, origin, `racer${i}`)));
    const answers = await Promise.all(racers.map((c) => redeem(c, 'RACE-ONCE')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    const balances = await Promise.all(racers.map(balance));
    expect(balances.filter((b) => b === 300_000_000)).toHaveLength(1);
    expect(balances.filter((b) => b === 0)).toHaveLength(19);
    const redemptions = await s.db.query("select 1 from voucher_redemptions where code = 'RACE-ONCE'");
    expect(redemptions.rows).toHaveLength(1);
  });

  it('refuses vouchers with a bad amount or use count', async () => {
    for (const credits of ['-5', '1.123456789', '0', 'ten'])
      await expect(runAdmin(s.db, { cmd: 'vouchers-create', credits })).rejects.toThrow(/--credits/);
    await expect(runAdmin(s.db, { cmd: 'vouchers-create', credits: '1', uses: 0 })).rejects.toThrow(/--uses/);
    await expect(runAdmin(s.db, { cmd: 'vouchers-create', credits: '1', code: 'SPRING-5' })).rejects.toThrow(/exists/);
    await expect(runAdmin(s.db, { cmd: 'vouchers-create', credits: '1', expires: '2001-01-01' })).rejects.toThrow(
      /in the past/,
    );
  });

  it('credits a verified card payment once per event, however often it is delivered', async () => {
    const options = await (await fetch(`${origin}/api/v1/credits/options`)).json();
    expect(options).toEqual({ checkoutUrl: 'https://buy.stripe.com/test_link' });
    const before = await balance(ann);
    const payload = checkoutEvent('evt_paid_1', ann.creds.id, 500);
    const answers = await Promise.all([1, 2, 3].map(() => webhook(payload, sign(payload))));
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { credited: boolean }[];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(bodies.filter((b) => b.credited)).toHaveLength(1);
    // 5.00 EUR at 2 credits per unit
    expect(await balance(ann)).toBe(before + 1_000_000_000);
    const h = ledgerPageSchema.parse(await (await ann.call('GET', '/api/v1/credits/history')).json());
    expect(h.items[0]).toMatchObject({ kind: 'purchase', counterpart: 'Card payment' });
  });

  it('refuses forged, stale and unsigned webhooks and a payment for nobody, crediting nothing', async () => {
    const before = await balance(ann);
    const payload = checkoutEvent('evt_forged', ann.creds.id);
    const forged = await webhook(payload, sign(payload, undefined, 'whsec_someone_else'));
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { message: string }).message).toMatch(/signature was refused/);
    const stale = await webhook(payload, sign(payload, Math.floor(Date.now() / 1000) - 3600));
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { message: string }).message).toMatch(/tolerance/i);
    const tampered = await webhook(payload.replace('500', '50000'), sign(payload));
    expect(tampered.status).toBe(400);
    const unsigned = await fetch(`${origin}/api/v1/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    expect(unsigned.status).toBe(400);
    const nobody = checkoutEvent('evt_nobody', '00000000-0000-4000-8000-000000000000');
    expect((await webhook(nobody, sign(nobody))).status).toBe(422);
    const refund = JSON.stringify({ id: 'evt_other', object: 'event', type: 'charge.refunded', data: { object: {} } });
    expect(await (await webhook(refund, sign(refund))).json()).toEqual({ received: true, credited: false });
    expect(await balance(ann)).toBe(before);
  });

  it('refuses a balance change that would pass 2^53 - 1 sat, changing nothing', async () => {
    await runAdmin(s.db, { cmd: 'credits-grant', username: 'bob', amount: '90000000' });
    const before = await balance(await registeredClient(origin, 'carol', 'carol-password-1'));
    await expect(runAdmin(s.db, { cmd: 'credits-grant', username: 'bob', amount: '900000' })).rejects.toThrow(
      /past 9007199254740991 sat/,
    );
    const bobBalance = await s.db.query<{ balance_sat: number }>(
      "select a.balance_sat from ledger_accounts a join users u on a.key = 'wallet:' || u.id where u.username = 'bob'",
    );
    expect(bobBalance.rows[0]!.balance_sat).toBe(9_000_001_100_000_000);
    expect(before).toBe(1_000_000_000);
  });
});

/** A listener with a session, made in the database: signed like any client, without a login. */
async function sessionFor(s: TestServer, origin: string, username: string): Promise<Client> {
  const u = await s.db.query<{ id: string }>(
    "insert into users (username, email, password_hash) values ($1, $1 || '@example.com', 'x') returning id",
    [username],
  );
  const creds = {
    id: u.rows[0]!.id,
    apiToken: newApiToken(),
    apiSecretKey: newApiSecret(),
  };
  await s.db.query('insert into api_sessions (api_token, user_id, secret_key) values ($1, $2, $3)', [
    creds.apiToken,
    creds.id,
    creds.apiSecretKey,
  ]);
  const call = async (method: string, path: string, body?: string) => {
    const url = new URL(path, origin);
    const params = method === 'GET' ? JSON.stringify(Object.fromEntries(url.searchParams)) : (body ?? '{}');
    return fetch(url, {
      method,
      headers: {
        'content-type': 'application/json',
        ...signHeaders(creds, method, `${url.origin}${url.pathname}`, params),
      },
      ...(body === undefined ? {} : { body }),
    });
  };
  return { creds, call } as unknown as Client;
}
