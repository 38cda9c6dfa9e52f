import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDeletedSchema } from '@contract/account-settings.js';
import { balanceSchema } from '@contract/listener.js';
import { checkLedger, createPayout } from '../money/index.js';
import { F, fixturePlan } from '../test/fixture.js';
import {
  aliceAsArtist,
  backends,
  registeredClient,
  signedClient,
  testServer,
  type TestServer,
} from '../test/harness.js';

type Client = Awaited<ReturnType<typeof signedClient>>;
const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
const del = (c: Client, currentPassword: string) =>
  c.call('POST', '/api/v1/account/delete', JSON.stringify({ currentPassword }));
const message = async (r: Response) => ((await r.json()) as { message: string }).message;

/** Deleting an account from the settings page (issue 17, item 6). */
describe.each(backends())('account deletion (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  const PW = 'quiet-harbor-lantern-7';
  const count = async (sql: string, args: unknown[]) =>
    (await s.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, args)).rows[0]!.n;

  beforeAll(async () => {
    s = await testServer(backend, { PLATFORM_FEE_PERCENT: '15' });
    origin = await s.listen();
  });
  afterAll(() => s.shutdown());

  it('refuses a wrong password and keeps everything', async () => {
    const c = await registeredClient(origin, 'wanda', PW);
    const r = await del(c, 'not-my-password');
    expect(r.status).toBe(403);
    expect(await message(r)).toMatch(/^currentPassword: /);
    expect((await c.call('GET', '/api/v1/account/sessions')).status).toBe(200);
    await expect(signedClient(origin, 'wanda', PW)).resolves.toBeTruthy();
  });

  it('deletes the listening data, anonymises the ledger, retires the unspent credits; the name is free again', async () => {
    const c = await registeredClient(origin, 'leo', PW);
    const other = await signedClient(origin, 'leo', PW);
    const id = c.creds.id;
    expect((await c.call('POST', `/api/v1/stream/${song('Tide Pool')}`)).status).toBe(200);
    const play = JSON.stringify({ songId: song('Tide Pool'), context: { kind: 'album', id: F.albums.ocean } });
    expect((await c.call('POST', '/api/v1/me/plays', play)).status).toBe(200);
    for (const path of [`songs/${song('Whale Song')}`, `albums/${F.albums.ocean}`, `artists/${F.artists.whales}`])
      expect((await c.call('PUT', `/api/v1/me/library/${path}`)).status).toBe(200);
    const doc = JSON.stringify({ road: [{ id: song('Tide Pool') }] });
    expect((await c.call('PUT', '/api/v1/playlists', doc)).status).toBe(200);
    const left = balanceSchema.parse(await (await c.call('GET', '/api/v1/credits/balance')).json()).balanceSat;
    expect(left).toBeGreaterThan(0);
    const entries = (
      await s.db.query<{ id: number }>('select id from journal_entries where user_id = $1 order by id', [id])
    ).rows.map((r) => r.id);
    expect(entries.length).toBeGreaterThanOrEqual(2); // welcome credits and the paid stream

    const r = await del(c, PW);
    expect(r.status).toBe(200);
    expect(accountDeletedSchema.parse(await r.json())).toEqual({ deleted: true, retiredSat: left });

    // Every session is over at once, and the password no longer signs in.
    expect((await c.call('GET', '/api/v1/account/sessions')).status).toBe(403);
    expect((await other.call('GET', '/api/v1/me/library')).status).toBe(403);
    await expect(signedClient(origin, 'leo', PW)).rejects.toThrow(/403/);
    for (const table of [
      'users where id = $1',
      'api_sessions where user_id = $1',
      'listening_history where user_id = $1',
      'liked_songs where user_id = $1',
      'saved_albums where user_id = $1',
      'followed_artists where user_id = $1',
      'playlists where user_id = $1',
      'user_profiles where user_id = $1',
      'stream_grants where user_id = $1',
      'journal_entries where user_id = $1',
      'ledger_accounts where user_id = $1',
    ])
      expect(await count(table, [id]), table).toBe(0);
    // The entries stay, without the user; the wallet is empty and the books still balance.
    expect(await count('journal_entries where id = any($1::bigint[]) and user_id is null', [entries])).toBe(
      entries.length,
    );
    const walletLeft = await s.db.query<{ balance_sat: number }>(
      'select balance_sat from ledger_accounts where key = $1',
      [`wallet:${id}`],
    );
    expect(Number(walletLeft.rows[0]!.balance_sat)).toBe(0);
    expect(await count("journal_entries where kind = 'adjust' and memo like 'Account deleted%'", [])).toBe(1);
    expect((await checkLedger(s.db)).problems).toEqual([]);

    const again = await registeredClient(origin, 'leo', 'another-long-phrase-3');
    expect(again.creds.id).not.toBe(id);
  });

  it('refuses an artist while earnings are owed or albums are out, then detaches the profile', async () => {
    const alice = await aliceAsArtist(s, origin);
    const fan = await registeredClient(origin, 'fan', PW);
    expect((await fan.call('POST', `/api/v1/stream/${song('Tide Pool')}`)).status).toBe(200);

    const owed = await del(alice, F.users.alice.password);
    expect(owed.status).toBe(409);
    expect(await message(owed)).toMatch(/earnings have not all been paid out/);

    await createPayout(s.db, F.artists.whales, undefined, 'test payout');
    const out = await del(alice, F.users.alice.password);
    expect(out.status).toBe(409);
    expect(await message(out)).toMatch(/released or scheduled album.*Take (it|them) down/);
    expect((await alice.call('GET', '/api/v1/account/sessions')).status).toBe(200);

    await s.db.query('update albums set removed_at = now() where artist_profile_id = $1', [F.artists.whales]);
    const ok = await del(alice, F.users.alice.password);
    expect(ok.status).toBe(200);
    const profile = await s.db.query<{ user_id: string | null; active: boolean; name: string }>(
      'select user_id, active, name from artist_profiles where id = $1',
      [F.artists.whales],
    );
    expect(profile.rows[0]).toEqual({ user_id: null, active: false, name: 'The Blue Whales' });
    // The artist's books stay: the earnings account, at zero, with its stream and payout entries.
    expect(
      await count("journal_entries where artist_profile_id = $1 and kind in ('stream', 'payout')", [F.artists.whales]),
    ).toBe(3);
    await expect(signedClient(origin, 'alice', F.users.alice.password)).rejects.toThrow(/403/);
  });
});
