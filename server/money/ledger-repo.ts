import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';

/** The largest balance any account may reach (JavaScript's exact integers, 2^53 - 1 sat). */
export const MAX_BALANCE_SAT = Number.MAX_SAFE_INTEGER;

export type AccountKind = 'wallet' | 'earnings' | 'fees' | 'issuance' | 'payouts';
export type EntryKind = 'welcome' | 'grant' | 'voucher' | 'purchase' | 'stream' | 'refund' | 'payout' | 'adjust';

export type Account =
  | { kind: 'wallet'; userId: string }
  | { kind: 'earnings'; artistProfileId: string }
  | { kind: 'fees' | 'issuance' | 'payouts' };

export interface Leg {
  account: Account;
  amountSat: number;
}

export interface EntryInput {
  kind: EntryKind;
  userId?: string | null;
  artistProfileId?: string | null;
  songId?: string | null;
  reversesEntryId?: number | null;
  externalRef?: string | null;
  memo?: string;
  /** back-dated entries of the demo history; otherwise now() */
  createdAt?: Date;
}

export const wallet = (userId: string): Account => ({ kind: 'wallet', userId });
export const earnings = (artistProfileId: string): Account => ({ kind: 'earnings', artistProfileId });

export function accountKey(a: Account): string {
  if (a.kind === 'wallet') return `wallet:${a.userId}`;
  if (a.kind === 'earnings') return `earnings:${a.artistProfileId}`;
  return a.kind;
}

// Accounts are always locked in this order (a listener's wallet, then artists, then the platform's
// own accounts), so that two entries touching the same accounts never wait for each other in a cycle.
const LOCK_ORDER: Record<AccountKind, number> = { wallet: 0, earnings: 1, fees: 2, issuance: 3, payouts: 4 };

export async function ensureAccount(tx: Queryable, a: Account): Promise<void> {
  await tx.query(
    `insert into ledger_accounts (key, kind, user_id, artist_profile_id) values ($1, $2, $3, $4)
     on conflict (key) do nothing`,
    [accountKey(a), a.kind, a.kind === 'wallet' ? a.userId : null, a.kind === 'earnings' ? a.artistProfileId : null],
  );
}

/**
 * Creates the account if need be and locks its row for the rest of the transaction, in one
 * statement (an upsert locks the row it finds, as a select for update would).
 */
async function upsertLocked(
  tx: Queryable,
  a: Account,
): Promise<{ id: number; kind: AccountKind; balance_sat: number }> {
  const r = await tx.query<{ id: number; kind: AccountKind; balance_sat: number }>(
    `insert into ledger_accounts (key, kind, user_id, artist_profile_id) values ($1, $2, $3, $4)
     on conflict (key) do update set key = excluded.key returning id, kind, balance_sat`,
    [accountKey(a), a.kind, a.kind === 'wallet' ? a.userId : null, a.kind === 'earnings' ? a.artistProfileId : null],
  );
  return r.rows[0]!;
}

/** Locks an account row for the rest of the transaction and answers its balance. */
export async function lockAccount(tx: Queryable, a: Account): Promise<number> {
  return (await upsertLocked(tx, a)).balance_sat;
}

export async function balanceOf(db: Queryable, a: Account): Promise<number> {
  const r = await db.query<{ balance_sat: number }>('select balance_sat from ledger_accounts where key = $1', [
    accountKey(a),
  ]);
  return r.rows[0]?.balance_sat ?? 0;
}

export class InsufficientFunds extends HttpError {
  constructor(
    readonly account: Account,
    readonly balanceSat: number,
  ) {
    super(409, account.kind === 'wallet' ? 'Not enough credits' : `Not enough in the ${account.kind} account`);
  }
}

/**
 * Writes one journal entry and its postings, in the caller's transaction, and moves each account's
 * balance. The legs must sum to zero. A wallet or earnings account never goes below zero
 * (InsufficientFunds) and no balance passes 2^53 - 1 sat (422); either error leaves the caller to
 * roll back. With an externalRef that was already booked, nothing is written and null is answered.
 */
export async function postEntry(
  tx: Queryable,
  entry: EntryInput,
  legs: Leg[],
): Promise<{ entryId: number; balances: Map<string, number> } | null> {
  const live = legs.filter((l) => l.amountSat !== 0);
  for (const l of live) {
    if (!Number.isSafeInteger(l.amountSat)) throw new HttpError(422, 'amounts must be whole numbers of sat');
  }
  const sum = live.reduce((s, l) => s + BigInt(l.amountSat), 0n);
  if (sum !== 0n) throw new Error(`journal entry ${entry.kind} does not balance: its postings sum to ${sum}`);
  const e = await tx.query<{ id: number }>(
    `insert into journal_entries (kind, user_id, artist_profile_id, song_id, reverses_entry_id, external_ref, memo, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()))
     on conflict (external_ref) do nothing returning id`,
    [
      entry.kind,
      entry.userId ?? null,
      entry.artistProfileId ?? null,
      entry.songId ?? null,
      entry.reversesEntryId ?? null,
      entry.externalRef ?? null,
      entry.memo ?? '',
      entry.createdAt?.toISOString() ?? null,
    ],
  );
  const entryId = e.rows[0]?.id;
  if (entryId === undefined) return null;
  const balances = new Map<string, number>();
  const ordered = [...live].sort((a, b) => LOCK_ORDER[a.account.kind] - LOCK_ORDER[b.account.kind]);
  for (const leg of ordered) {
    const key = accountKey(leg.account);
    const row = await upsertLocked(tx, leg.account);
    // The row is locked: the arithmetic below cannot race. Beyond 2^53 a sum is inexact, but it
    // still compares as too large.
    const after = row.balance_sat + leg.amountSat;
    if (after < 0 && row.kind !== 'issuance') throw new InsufficientFunds(leg.account, row.balance_sat);
    if (Math.abs(after) > MAX_BALANCE_SAT)
      throw new HttpError(
        422,
        `This would take a balance past ${MAX_BALANCE_SAT} sat, the most an account can hold; nothing was changed`,
      );
    await tx.query(
      `with moved as (update ledger_accounts set balance_sat = $4 where id = $2)
       insert into postings (entry_id, account_id, amount_sat, balance_after_sat) values ($1, $2, $3, $4)`,
      [entryId, row.id, leg.amountSat, after],
    );
    balances.set(key, after);
  }
  return { entryId, balances };
}

/** Credits coming in from issuance (welcome credits, operator grants, vouchers, purchases). */
export async function issueCredits(
  tx: Queryable,
  userId: string,
  amountSat: number,
  entry: Omit<EntryInput, 'userId'>,
): Promise<{ entryId: number; balanceSat: number } | null> {
  if (!Number.isSafeInteger(amountSat) || amountSat <= 0)
    throw new HttpError(422, 'the amount must be a whole, positive number of sat');
  const r = await postEntry(tx, { ...entry, userId }, [
    { account: wallet(userId), amountSat },
    { account: { kind: 'issuance' }, amountSat: -amountSat },
  ]);
  return r && { entryId: r.entryId, balanceSat: r.balances.get(accountKey(wallet(userId)))! };
}
