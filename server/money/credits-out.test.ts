import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earningsSchema, statementSchema } from '@contract/money.js';
import { balanceSchema, streamAuthSchema } from '@contract/listener.js';
import { runAdmin } from '../admin/commands.js';
import { fixturePlan } from '../test/fixture.js';
import { aliceAsArtist, backends, registeredClient, testServer, type TestServer } from '../test/harness.js';

const run = promisify(execFile);
const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
type Client = Awaited<ReturnType<typeof registeredClient>>;

describe.each(backends())('credits going out (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  let dan: Client;
  const earnings = async () => {
    const r = await alice.call('GET', '/api/v1/artist/earnings');
    expect(r.status).toBe(200);
    return earningsSchema.parse(await r.json());
  };
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
  const streamEntry = async (userId: string, songId: string) => {
    const r = await s.db.query<{ id: number }>(
      "select id from journal_entries where kind = 'stream' and user_id = $1 and song_id = $2 order by id desc limit 1",
      [userId, songId],
    );
    return r.rows[0]!.id;
  };

  beforeAll(async () => {
    s = await testServer(backend, { PLATFORM_FEE_PERCENT: '15' });
    origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
    dan = await registeredClient(origin, 'dan', 'dan-password-1');
  });
  afterAll(() => s.shutdown());

  it("shows an artist each paid listen of their songs, per day and per song, at the artist's share", async () => {
    const empty = await earnings();
    expect(empty).toMatchObject({ name: 'The Blue Whales', balanceSat: 0, lifetimeSat: 0, feePercent: 15 });
    expect(empty.days).toHaveLength(30);
    for (const name of ['Tide Pool', 'Electric Eel'])
      expect((await dan.call('POST', `/api/v1/stream/${song(name)}`)).status).toBe(200);
    // alice holds OCEAN: her listen is unlocked by the token, counted as a play, and earns nothing
    const own = streamAuthSchema.parse(await (await alice.call('POST', `/api/v1/stream/${song('Tide Pool')}`)).json());
    expect(own.authType).toBe('token');
    const e = await earnings();
    // 1 and 2 credits, 85 % each
    expect(e).toMatchObject({ balanceSat: 255_000_000, lifetimeSat: 255_000_000, paidOutSat: 0 });
    const today = e.days.at(-1)!;
    expect(today).toMatchObject({ plays: 3, listeners: 2, creditsSat: 255_000_000 });
    expect(e.songs.find((x) => x.name === 'Tide Pool')).toMatchObject({
      plays: 2,
      listeners: 2,
      creditsSat: 85_000_000,
    });
    expect(e.songs.find((x) => x.name === 'Whale Song')).toMatchObject({ plays: 0, creditsSat: 0 });
  });

  it('offers no card purchase and refuses the webhook when payments are not configured', async () => {
    expect(await (await fetch(`${origin}/api/v1/credits/options`)).json()).toEqual({ checkoutUrl: null });
    const hook = await fetch(`${origin}/api/v1/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: '{"id":"evt_1"}',
    });
    expect(hook.status).toBe(404);
  });

  it('answers 403 to a listener without a profile and 422 to bad query values', async () => {
    expect((await dan.call('GET', '/api/v1/artist/earnings')).status).toBe(403);
    expect((await alice.call('GET', '/api/v1/artist/earnings?days=0')).status).toBe(422);
    expect((await alice.call('GET', '/api/v1/artist/earnings?days=1.5')).status).toBe(422);
    expect((await alice.call('GET', '/api/v1/artist/earnings/statement?month=2026-13')).status).toBe(422);
  });

  it('refunds a stream exactly once, on both sides, and only streams', async () => {
    const entry = await streamEntry(dan.creds.id, song('Electric Eel'));
    // The refund is made beside the server (on PostgreSQL its cache hears of it by NOTIFY, a moment
    // later): the balance is read with refresh=1, straight from the ledger.
    const before = balanceSchema.parse(
      await (await dan.call('GET', '/api/v1/credits/balance?refresh=1')).json(),
    ).balanceSat;
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => runAdmin(s.db, { cmd: 'credits-refund', entry: String(entry) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = balanceSchema.parse(
      await (await dan.call('GET', '/api/v1/credits/balance?refresh=1')).json(),
    ).balanceSat;
    expect(after - before).toBe(200_000_000);
    expect(await earnings()).toMatchObject({ balanceSat: 85_000_000, lifetimeSat: 85_000_000 });
    await expect(runAdmin(s.db, { cmd: 'credits-refund', entry: String(entry) })).rejects.toThrow(/refunded already/);
    const welcome = await s.db.query<{ id: number }>("select id from journal_entries where kind = 'welcome' limit 1");
    await expect(runAdmin(s.db, { cmd: 'credits-refund', entry: String(welcome.rows[0]!.id) })).rejects.toThrow(
      /only streams/,
    );
    await expect(runAdmin(s.db, { cmd: 'credits-refund', entry: '99999999' })).rejects.toThrow(/no journal entry/);
    await expect(runAdmin(s.db, { cmd: 'credits-refund', entry: '-3' })).rejects.toThrow(/journal entry number/);
    // the refunded listen must be authorized (and paid) again
    const again = streamAuthSchema.parse(
      await (await dan.call('POST', `/api/v1/stream/${song('Electric Eel')}`)).json(),
    );
    expect(again.chargedSat).toBe(200_000_000);
  });

  it('pays out earnings, lists the payout in the monthly statement, and refuses bad payouts', async () => {
    const unknown = await runAdmin(s.db, { cmd: 'payouts-create', artist: 'Nobody Here' }).catch((e: Error) => e);
    expect(String(unknown)).toMatch(/no artist profile named "Nobody Here"/);
    for (const amount of ['-1', '0.123456789', 'lots', '0'])
      await expect(runAdmin(s.db, { cmd: 'payouts-create', artist: 'The Blue Whales', amount })).rejects.toThrow(
        /amount/,
      );
    await expect(runAdmin(s.db, { cmd: 'payouts-create', artist: 'The Blue Whales', amount: '500' })).rejects.toThrow(
      /less than 500/,
    );
    const out = await runAdmin(s.db, {
      cmd: 'payouts-create',
      artist: 'the blue whales',
      amount: '1',
      reference: 'Bank transfer, March',
    });
    expect(out).toMatch(/1 credits to The Blue Whales; earnings left 1.55$/);
    const e = await earnings();
    expect(e).toMatchObject({ balanceSat: 155_000_000, lifetimeSat: 255_000_000, paidOutSat: 100_000_000 });
    expect(e.payouts[0]).toMatchObject({ amountSat: 100_000_000, reference: 'Bank transfer, March' });
    const month = new Date().toISOString().slice(0, 7);
    const st = statementSchema.parse(
      await (await alice.call('GET', `/api/v1/artist/earnings/statement?month=${month}`)).json(),
    );
    expect(st.filename).toBe(`the-blue-whales-earnings-${month}.csv`);
    const rows = st.csv.trim().split('\r\n');
    expect(rows[0]).toBe('date,entry,kind,song,description,credits,sat,balance_after_sat');
    expect(rows.filter((r) => r.includes(',stream,'))).toHaveLength(3);
    expect(rows.filter((r) => r.includes(',refund,'))).toHaveLength(1);
    expect(rows.at(-1)).toMatch(/,payout,,"Bank transfer, March",-1,-100000000,155000000$/);
    const old = statementSchema.parse(
      await (await alice.call('GET', '/api/v1/artist/earnings/statement?month=2001-01')).json(),
    );
    expect(old.csv.trim().split('\r\n')).toHaveLength(1);
  });

  it('parses the money commands on the command line, with exit codes for bad input', async () => {
    expect(await admin('vouchers', 'create', '--credits', '2.5', '--uses', 'unlimited', '--code', 'cli-code')).toEqual({
      code: 0,
      out: 'voucher CLI-CODE: 2.5 credits, unlimited uses',
    });
    const bad = await admin('vouchers', 'create', '--credits', '-1');
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--credits must be a positive number/);
    expect((await admin('vouchers', 'create')).out).toMatch(/needs --credits/);
    expect(await admin('payouts', 'create', 'Nobody')).toEqual({ code: 1, out: 'no artist profile named "Nobody"' });
    expect((await admin('credits', 'refund', 'abc')).code).toBe(2);
  }, 60_000);

  it('`ledger check` prints the totals when clean and exits non-zero on a discrepancy', async () => {
    const clean = await admin('ledger', 'check');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^ledger check: clean/);
    expect(clean.out).toMatch(/earnings\s+\d+ accounts?\s+1.55 credits/);
    await s.db.query("update ledger_accounts set balance_sat = balance_sat + 1 where key = 'fees'");
    const orphan = await s.db.query<{ id: number }>(
      "insert into journal_entries (kind, user_id, song_id) values ('stream', $1, $2) returning id",
      [dan.creds.id, song('Whale Song')],
    );
    try {
      const bad = await admin('ledger', 'check');
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/^ledger check: 4 discrepancies/);
      expect(bad.out).toMatch(/account fees has a balance of \d+ sat but its postings sum to \d+/);
      expect(bad.out).toMatch(new RegExp(`stream entry ${orphan.rows[0]!.id} has no grant`));
      expect(bad.out).toMatch(/balances of all accounts sum to 1 sat instead of 0/);
    } finally {
      await s.db.query("update ledger_accounts set balance_sat = balance_sat - 1 where key = 'fees'");
      await s.db.query('delete from journal_entries where id = $1', [orphan.rows[0]!.id]);
    }
  }, 60_000);
});
