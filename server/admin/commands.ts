import type { Db } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { setMaintenance } from '../lib/settings-repo.js';
import { createInvite, listUsers, userIdByName } from './admin-repo.js';
import { randomAlnum } from '../lib/random.js';
import { balanceOf, issueCredits, wallet } from '../money/index.js';
import { setTokenHolding } from '../tokenly/credits-repo.js';
import { satToFloat } from '../tokenly/format.js';
import { createProfile } from '../artist/index.js';
import { isMoneyCommand, parseCredits, runMoneyAdmin, type MoneyCommand } from './money-commands.js';

export { parseCredits };

/** Operator commands: one function each, run by the CLI directly or through the running server. */
export type AdminCommand =
  | { cmd: 'invite-create'; code?: string | undefined; uses?: number | null | undefined }
  | { cmd: 'credits-grant'; username: string; amount: string; memo?: string | undefined }
  | { cmd: 'tokens-grant'; username: string; token: string; amount?: number | undefined }
  | { cmd: 'tokens-revoke'; username: string; token: string }
  | { cmd: 'users-list' }
  | { cmd: 'maintenance'; on: boolean }
  | { cmd: 'artists-create'; username: string; name: string }
  | MoneyCommand;

const TOKEN = /^[A-Z0-9.]{1,40}$/;

export async function runAdmin(db: Db, c: AdminCommand): Promise<string> {
  if (isMoneyCommand(c)) return runMoneyAdmin(db, c);
  switch (c.cmd) {
    case 'invite-create': {
      const code = (c.code ?? randomAlnum(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')).toUpperCase();
      if (!/^[A-Z0-9-]{4,40}$/.test(code))
        throw new HttpError(422, 'invitation codes are 4 to 40 letters, digits or dashes');
      const uses = c.uses === undefined ? 1 : c.uses;
      if (!(await createInvite(db, code, uses))) throw new HttpError(409, `the invitation code ${code} exists already`);
      return `invitation code ${code} (${uses === null ? 'unlimited uses' : `${uses} use${uses === 1 ? '' : 's'}`})`;
    }
    case 'credits-grant': {
      const sat = parseCredits(c.amount);
      const id = await userIdByName(db, c.username);
      const r = await db.transaction((tx) =>
        issueCredits(tx, id, sat, { kind: 'grant', memo: c.memo ?? 'Granted by an operator' }),
      );
      return `granted ${satToFloat(sat)} credits to ${c.username}; balance ${satToFloat(r!.balanceSat)}`;
    }
    case 'tokens-grant':
    case 'tokens-revoke': {
      const token = c.token.toUpperCase();
      if (!TOKEN.test(token)) throw new HttpError(422, `"${c.token}" is not a token name (letters, digits and dots)`);
      const amount = c.cmd === 'tokens-grant' ? (c.amount ?? 1) : 0;
      if (!Number.isSafeInteger(amount) || amount < 0)
        throw new HttpError(422, 'the token amount must be a whole number');
      const id = await userIdByName(db, c.username);
      await db.transaction((tx) => setTokenHolding(tx, id, token, amount));
      return amount > 0 ? `${c.username} now holds ${amount} ${token}` : `${c.username} no longer holds ${token}`;
    }
    case 'users-list': {
      const users = await listUsers(db);
      const lines = await Promise.all(
        users.map(async (u) => {
          const credits = satToFloat(await balanceOf(db, wallet(u.id)));
          return `${u.username}\t${u.email}\t${credits} credits\t${u.tokens ?? '-'}`;
        }),
      );
      return ['username\temail\tcredits\ttokens', ...lines].join('\n');
    }
    case 'maintenance':
      await setMaintenance(db, c.on);
      return `maintenance mode ${c.on ? 'on: the API answers 503 (within 2 s on every server)' : 'off'}`;
    case 'artists-create': {
      const name = String(c.name ?? '').trim();
      if (!name || name.length > 100) throw new HttpError(422, '--name must be the artist name (1 to 100 characters)');
      const id = await userIdByName(db, c.username);
      const p = await createProfile(db, id, { name, bio: '', website: '', genre: '', tags: [], marketsCatalog: '' });
      return `${c.username} is now the artist "${name}" (profile ${p.id})`;
    }
  }
}
