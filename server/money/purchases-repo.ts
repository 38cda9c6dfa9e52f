import type { Db } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { isUuid } from '../tokenly/catalog-repo.js';
import { issueCredits } from './ledger-repo.js';

/**
 * Credits a completed card payment once per provider event id, however often it is delivered:
 * the event id is the journal entry's unique external reference.
 */
export async function creditPurchase(
  db: Db,
  p: {
    eventId: string;
    userId: string | null;
    amountTotal: number | null;
    currency: string | null;
    creditsPerUnitSat: number;
  },
): Promise<boolean> {
  if (!p.userId || !isUuid(p.userId))
    throw new HttpError(422, 'client_reference_id must be the id of the user who bought the credits');
  if (!Number.isSafeInteger(p.amountTotal) || p.amountTotal! <= 0)
    throw new HttpError(422, 'amount_total must be a positive whole number');
  // amount_total is in the currency's smallest unit (cents): credits per unit are per 100 of them.
  const sat = Number((BigInt(p.amountTotal!) * BigInt(p.creditsPerUnitSat)) / 100n);
  const user = await db.query('select 1 from users where id = $1', [p.userId]);
  if (user.rows.length === 0) throw new HttpError(422, 'client_reference_id names no user of this server');
  const r = await db.transaction((tx) =>
    issueCredits(tx, p.userId!, sat, {
      kind: 'purchase',
      externalRef: `stripe:${p.eventId}`,
      memo: `Card payment of ${(p.amountTotal! / 100).toFixed(2)} ${(p.currency ?? '').toUpperCase()}`.trim(),
    }),
  );
  return r !== null;
}
