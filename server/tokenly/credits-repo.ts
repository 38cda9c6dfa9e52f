import type { Queryable } from '../db/connection.js';

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
