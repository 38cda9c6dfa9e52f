import { pgErrorCode, type Db } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { accountKey, earnings, InsufficientFunds, lockAccount, postEntry, type Account } from './ledger-repo.js';

async function artistProfile(db: Db, nameOrId: string): Promise<{ id: string; name: string }> {
  const r = await db.query<{ id: string; name: string }>(
    `select id, name from artist_profiles where id::text = lower($1) or lower(name) = lower($1) order by created_at limit 2`,
    [nameOrId],
  );
  if (r.rows.length === 0) throw new HttpError(404, `no artist profile named "${nameOrId}"`);
  return r.rows[0]!;
}

/** Moves an artist's earnings (all of them, or amountSat) to payouts: the money has left. */
export async function createPayout(
  db: Db,
  artist: string,
  amountSat: number | undefined,
  reference: string,
): Promise<{ entryId: number; amountSat: number; name: string; balanceSat: number }> {
  const profile = await artistProfile(db, artist);
  if (reference.length > 200) throw new HttpError(422, '--reference is at most 200 characters');
  return db.transaction(async (tx) => {
    const account = earnings(profile.id);
    const balance = await lockAccount(tx, account);
    const amount = amountSat ?? balance;
    if (amount <= 0) throw new HttpError(409, `${profile.name} has no earnings to pay out`);
    if (amount > balance)
      throw new HttpError(409, `${profile.name} has ${balance / 1e8} credits of earnings, less than ${amount / 1e8}`);
    const r = await postEntry(tx, { kind: 'payout', artistProfileId: profile.id, memo: reference || 'Payout' }, [
      { account, amountSat: -amount },
      { account: { kind: 'payouts' }, amountSat: amount },
    ]);
    return {
      entryId: r!.entryId,
      amountSat: amount,
      name: profile.name,
      balanceSat: r!.balances.get(accountKey(account))!,
    };
  });
}

/**
 * Reverses a paid stream exactly once, on both sides: the listener gets the price back, the artist's
 * earnings and the platform's fee give back their shares, and the grant ends.
 */
export async function refundEntry(db: Db, entryId: number): Promise<{ refundId: number; amountSat: number }> {
  if (!Number.isSafeInteger(entryId) || entryId <= 0) throw new HttpError(422, 'ENTRY must be a journal entry number');
  try {
    return await db.transaction(async (tx) => {
      const e = await tx.query<{
        kind: string;
        user_id: string | null;
        artist_profile_id: string | null;
        song_id: string | null;
        memo: string;
      }>('select kind, user_id, artist_profile_id, song_id, memo from journal_entries where id = $1', [entryId]);
      const entry = e.rows[0];
      if (!entry) throw new HttpError(404, `no journal entry ${entryId}`);
      if (entry.kind !== 'stream')
        throw new HttpError(422, `entry ${entryId} is a ${entry.kind}, not a stream: only streams are refunded`);
      const done = await tx.query<{ id: number }>('select id from journal_entries where reverses_entry_id = $1', [
        entryId,
      ]);
      if (done.rows[0]) throw new HttpError(409, `entry ${entryId} was refunded already (entry ${done.rows[0].id})`);
      const p = await tx.query<{
        key: string;
        kind: Account['kind'];
        user_id: string | null;
        artist_profile_id: string | null;
        amount_sat: number;
      }>(
        `select a.key, a.kind, a.user_id, a.artist_profile_id, p.amount_sat
           from postings p join ledger_accounts a on a.id = p.account_id where p.entry_id = $1`,
        [entryId],
      );
      const legs = p.rows.map((r) => ({ account: toAccount(r), amountSat: -r.amount_sat }));
      const amount = p.rows.filter((r) => r.kind === 'wallet').reduce((s, r) => s - r.amount_sat, 0);
      const r = await postEntry(
        tx,
        {
          kind: 'refund',
          userId: entry.user_id,
          artistProfileId: entry.artist_profile_id,
          songId: entry.song_id,
          reversesEntryId: entryId,
          memo: `Refund: ${entry.memo}`,
        },
        legs,
      ).catch((err: unknown) => {
        if (err instanceof InsufficientFunds && err.account.kind === 'earnings')
          throw new HttpError(
            409,
            `the artist's earnings were paid out meanwhile: entry ${entryId} cannot be refunded`,
          );
        throw err;
      });
      await tx.query('update stream_grants set expires_at = least(expires_at, now()) where entry_id = $1', [entryId]);
      return { refundId: r!.entryId, amountSat: amount };
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new HttpError(409, `entry ${entryId} was refunded already`);
    throw err;
  }
}

function toAccount(r: {
  key: string;
  kind: Account['kind'];
  user_id: string | null;
  artist_profile_id: string | null;
}): Account {
  if (r.kind === 'wallet') return { kind: 'wallet', userId: r.key.slice('wallet:'.length) };
  if (r.kind === 'earnings') return { kind: 'earnings', artistProfileId: r.key.slice('earnings:'.length) };
  return { kind: r.kind };
}
