import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';

export type LedgerKind = 'grant' | 'stream' | 'refund' | 'adjust';

/**
 * Adds (or, with a negative amount, takes) credits and writes the ledger row, in the caller's
 * transaction. A take larger than the balance changes nothing and returns null.
 */
export async function changeBalance(
  tx: Queryable,
  userId: string,
  amountSat: number,
  kind: LedgerKind,
  opts: { songId?: string; memo?: string } = {},
): Promise<{ ledgerId: number; balanceSat: number } | null> {
  if (!Number.isSafeInteger(amountSat)) throw new HttpError(422, 'amount must be a whole number of sat');
  await tx.query('insert into credit_balances (user_id, balance_sat) values ($1, 0) on conflict (user_id) do nothing', [
    userId,
  ]);
  // The conditional update is the lock: concurrent debits queue on the row and re-check the balance.
  const b = await tx.query<{ balance_sat: number }>(
    `update credit_balances set balance_sat = balance_sat + $2
      where user_id = $1 and balance_sat + $2 >= 0 returning balance_sat`,
    [userId, amountSat],
  );
  const balance = b.rows[0]?.balance_sat;
  if (balance === undefined) return null;
  const l = await tx.query<{ id: number }>(
    `insert into credit_ledger (user_id, amount_sat, balance_after_sat, kind, song_id, memo)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [userId, amountSat, balance, kind, opts.songId ?? null, opts.memo ?? ''],
  );
  return { ledgerId: l.rows[0]!.id, balanceSat: balance };
}

export async function balanceOf(db: Queryable, userId: string): Promise<number> {
  const r = await db.query<{ balance_sat: number }>('select balance_sat from credit_balances where user_id = $1', [
    userId,
  ]);
  return r.rows[0]?.balance_sat ?? 0;
}

/** Sets a holding of a token (amount 0 removes it). */
export async function setTokenHolding(tx: Queryable, userId: string, token: string, amount: number): Promise<void> {
  if (amount <= 0) {
    await tx.query('delete from token_holdings where user_id = $1 and token = $2', [userId, token.toUpperCase()]);
    return;
  }
  await tx.query(
    `insert into token_holdings (user_id, token, amount) values ($1, $2, $3)
     on conflict (user_id, token) do update set amount = excluded.amount, updated_at = now()`,
    [userId, token.toUpperCase(), amount],
  );
}
