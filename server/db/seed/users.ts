import type { Queryable } from '../connection.js';
import { hashPassword } from '../../lib/passwords.js';
import { issueCredits } from '../../money/index.js';
import { setTokenHolding } from '../../tokenly/credits-repo.js';
import { stableUuid } from './catalog-writer.js';

export interface SeedUser {
  username: string;
  password: string;
  email: string;
  credits?: number;
  tokens?: Record<string, number>;
}

/** Creates a user with its opening credits (as a ledger grant) and token holdings. */
export async function createSeedUser(tx: Queryable, u: SeedUser): Promise<string> {
  const id = stableUuid(`user:${u.username}`);
  await tx.query('insert into users (id, username, email, password_hash) values ($1, $2, $3, $4)', [
    id,
    u.username,
    u.email,
    await hashPassword(u.password),
  ]);
  // Dated before any seeded listening history, so that a history reads in order.
  const at = new Date(Date.now() - 30 * 86_400_000);
  if (u.credits)
    await issueCredits(tx, id, Math.round(u.credits * 1e8), {
      kind: 'welcome',
      memo: 'Welcome credits',
      createdAt: at,
    });
  for (const [token, amount] of Object.entries(u.tokens ?? {})) await setTokenHolding(tx, id, token, amount);
  return id;
}
