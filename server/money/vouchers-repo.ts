import { pgErrorCode, type Db, type Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { randomAlnum } from '../lib/random.js';
import { issueCredits } from './ledger-repo.js';

export const VOUCHER_CODE = /^[A-Z0-9-]{4,40}$/;

export async function createVoucher(
  db: Queryable,
  v: { code?: string | undefined; creditsSat: number; uses: number | null; expiresAt?: Date | undefined },
): Promise<string> {
  const code = (v.code ?? randomAlnum(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')).toUpperCase();
  if (!VOUCHER_CODE.test(code)) throw new HttpError(422, 'voucher codes are 4 to 40 letters, digits or dashes');
  if (!Number.isSafeInteger(v.creditsSat) || v.creditsSat <= 0)
    throw new HttpError(422, '--credits must be more than 0');
  if (v.uses !== null && (!Number.isSafeInteger(v.uses) || v.uses < 1 || v.uses > 2_000_000_000))
    throw new HttpError(422, '--uses must be a whole number from 1, or "unlimited"');
  const r = await db.query(
    `insert into vouchers (code, credits_sat, uses_left, expires_at) values ($1, $2, $3, $4)
     on conflict (code) do nothing returning code`,
    [code, v.creditsSat, v.uses, v.expiresAt?.toISOString() ?? null],
  );
  if (r.rows.length === 0) throw new HttpError(409, `the voucher code ${code} exists already`);
  return code;
}

/**
 * Redeems a code for the user: one use taken and the credits issued to the wallet, in one
 * transaction. The use is taken by a conditional update of the voucher's row, so that concurrent
 * redemptions of a single-use code queue on it and only the first succeeds.
 */
export async function redeemVoucher(db: Db, userId: string, rawCode: string): Promise<{ balanceSat: number }> {
  const code = rawCode.trim().toUpperCase();
  try {
    return await db.transaction(async (tx) => {
      const done = await tx.query('select 1 from voucher_redemptions where code = $1 and user_id = $2', [code, userId]);
      if (done.rows.length > 0) throw new HttpError(409, 'code: you have already redeemed this voucher');
      const v = await tx.query<{ credits_sat: number }>(
        `update vouchers set uses_left = case when uses_left is null then null else uses_left - 1 end
          where code = $1 and (uses_left is null or uses_left > 0) and (expires_at is null or expires_at > now())
          returning credits_sat`,
        [code],
      );
      const voucher = v.rows[0];
      if (!voucher) throw await whyNot(tx, code);
      const r = await issueCredits(tx, userId, voucher.credits_sat, {
        kind: 'voucher',
        externalRef: `voucher:${code}:${userId}`,
        memo: `Voucher ${code}`,
      });
      if (!r) throw new HttpError(409, 'code: you have already redeemed this voucher');
      await tx.query('insert into voucher_redemptions (code, user_id, entry_id) values ($1, $2, $3)', [
        code,
        userId,
        r.entryId,
      ]);
      return { balanceSat: r.balanceSat };
    });
  } catch (err) {
    // The same user redeeming twice at once: the primary key decides.
    if (pgErrorCode(err) === '23505') throw new HttpError(409, 'code: you have already redeemed this voucher');
    throw err;
  }
}

async function whyNot(tx: Queryable, code: string): Promise<HttpError> {
  const r = await tx.query<{ used_up: boolean; expired: boolean }>(
    `select uses_left = 0 as used_up, expires_at <= now() as expired from vouchers where code = $1`,
    [code],
  );
  const v = r.rows[0];
  if (!v) return new HttpError(404, 'code: there is no voucher with this code; check its spelling');
  if (v.expired) return new HttpError(410, 'code: this voucher has expired');
  return new HttpError(409, 'code: this voucher has been used up');
}
