import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../lib/errors.js';
import { authorizeStream } from '../tokenly/stream-repo.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, testServer, type TestServer } from '../test/harness.js';
import { checkLedger, createPayout, issueCredits, redeemVoucher, refundEntry, splitPrice } from './index.js';
import { creditPurchase } from './purchases-repo.js';

const FEE = 10;
const songs = fixturePlan().songs.filter((s) => s.publicStreamable && s.albumId !== F.albums.removed);
const op = fc.oneof(
  fc.record({ t: fc.constant('register' as const) }),
  fc.record({ t: fc.constant('grant' as const), user: fc.nat(), credits: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ t: fc.constant('voucher' as const), user: fc.nat(), code: fc.constantFrom('PROP-ONE', 'PROP-MANY') }),
  fc.record({ t: fc.constant('webhook' as const), user: fc.nat(), event: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ t: fc.constant('stream' as const), user: fc.nat(), song: fc.nat({ max: songs.length - 1 }) }),
  fc.record({ t: fc.constant('refund' as const), user: fc.nat() }),
  fc.record({ t: fc.constant('payout' as const), artist: fc.constantFrom('Mr. Chips', 'The Blue Whales') }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe.each(backends())('the ledger under concurrent interleavings (%s)', (backend) => {
  let s: TestServer;
  let run = 0;
  beforeAll(async () => {
    s = await testServer(backend);
  });
  afterAll(() => s.shutdown());

  const newUser = async (name: string) =>
    s.db.transaction(async (tx) => {
      const u = await tx.query<{ id: string }>(
        "insert into users (username, email, password_hash) values ($1, $1 || '@example.com', 'x') returning id",
        [name],
      );
      await issueCredits(tx, u.rows[0]!.id, 10e8, { kind: 'welcome' });
      return u.rows[0]!.id;
    });

  it('leaves ledger check clean, and each artist earns their share of the paid listens not refunded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        const prefix = `p${run}`;
        await s.db.query(
          `insert into vouchers (code, credits_sat, uses_left) values ($1, 200000000, 1), ($2, 100000000, null)`,
          [`PROP-ONE-${prefix}`, `PROP-MANY-${prefix}`],
        );
        const users = [await newUser(`${prefix}-a`), await newUser(`${prefix}-b`)];
        const who = (n: number) => users[n % users.length]!;
        const apply = async (o: Op, i: number): Promise<unknown> => {
          switch (o.t) {
            case 'register':
              return users.push(await newUser(`${prefix}-r${i}`));
            case 'grant':
              return s.db.transaction((tx) => issueCredits(tx, who(o.user), o.credits * 1e8, { kind: 'grant' }));
            case 'voucher':
              return redeemVoucher(s.db, who(o.user), `${o.code}-${prefix}`);
            case 'webhook':
              // the same event delivered again and again credits once
              return creditPurchase(s.db, {
                eventId: `evt_${prefix}_${o.event}`,
                userId: who(o.event),
                amountTotal: 300,
                currency: 'eur',
                creditsPerUnitSat: 1e8,
              });
            case 'stream':
              return authorizeStream(s.db, who(o.user), songs[o.song]!.id, { feePercent: FEE });
            case 'refund': {
              const e = await s.db.query<{ id: number }>(
                "select id from journal_entries where kind = 'stream' and user_id = $1 order by id desc limit 1",
                [who(o.user)],
              );
              return e.rows[0] ? refundEntry(s.db, e.rows[0].id) : undefined;
            }
            case 'payout':
              return createPayout(s.db, o.artist, 1e8, 'property test');
          }
        };
        const results = await Promise.allSettled(ops.map(apply));
        // Refusals (used codes, refunded twice, not enough earnings) are answers; anything else is a bug.
        for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof HttpError)) throw r.reason;

        const report = await checkLedger(s.db);
        expect(report.problems).toEqual([]);
        const paid = await s.db.query<{ artist_profile_id: string; price_sat: number }>(
          `select e.artist_profile_id, s.price_sat from journal_entries e join songs s on s.id = e.song_id
            where e.kind = 'stream' and e.artist_profile_id is not null
              and not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)`,
        );
        const expected = new Map<string, number>();
        for (const p of paid.rows)
          expected.set(
            p.artist_profile_id,
            (expected.get(p.artist_profile_id) ?? 0) + splitPrice(p.price_sat, FEE).artistSat,
          );
        const got = await s.db.query<{ artist_profile_id: string; earned: number }>(
          `select a.artist_profile_id, coalesce(sum(p.amount_sat) filter (where e.kind in ('stream', 'refund')), 0)::bigint as earned
             from ledger_accounts a join postings p on p.account_id = a.id join journal_entries e on e.id = p.entry_id
            where a.kind = 'earnings' group by a.artist_profile_id`,
        );
        const earned = new Map(got.rows.map((g) => [g.artist_profile_id, Number(g.earned)]));
        for (const id of new Set([...earned.keys(), ...expected.keys()]))
          expect(earned.get(id) ?? 0, `earnings of ${id}`).toBe(expected.get(id) ?? 0);
      }),
      { numRuns: 12 },
    );
  }, 90_000);
});
