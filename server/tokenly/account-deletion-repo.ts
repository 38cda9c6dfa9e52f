import type { Db, Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { earnings, lockAccount, postEntry, wallet } from '../money/index.js';

/** Why an account cannot be deleted yet; the message is shown as is on the settings page. */
export class DeletionRefused extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}

async function artistProfileOf(tx: Queryable, userId: string): Promise<{ id: string } | undefined> {
  const r = await tx.query<{ id: string }>('select id from artist_profiles where user_id = $1 for update', [userId]);
  return r.rows[0];
}

/**
 * An artist account goes only once nothing is owed to it and nothing of it is on sale: its earnings
 * are paid out and its released albums are taken down (drafts and taken-down albums may stay).
 */
async function refuseWhileArtistIsLive(tx: Queryable, profileId: string): Promise<void> {
  const owed = await lockAccount(tx, earnings(profileId));
  if (owed > 0)
    throw new DeletionRefused(
      'Your artist earnings have not all been paid out yet. Ask for a payout first, then delete the account.',
    );
  const live = await tx.query<{ n: number }>(
    `select count(*)::int as n from albums
      where artist_profile_id = $1 and removed_at is null and status <> 'draft'`,
    [profileId],
  );
  const n = live.rows[0]?.n ?? 0;
  if (n > 0)
    throw new DeletionRefused(
      `You have ${n} released or scheduled album${n === 1 ? '' : 's'}. Take ${n === 1 ? 'it' : 'them'} down from your artist dashboard first, then delete the account.`,
    );
}

/**
 * Deletes the account in one transaction. Its listening data goes with the user row (sessions and
 * their keys, reset codes, the profile and playlist documents, token holdings, stream grants, the
 * listening history, likes, saved albums, follows, uploads). Its ledger stays, anonymised: the
 * entries and the wallet account lose their link to the user (on delete set null), every entry still
 * sums to zero, and the wallet's unspent credits are retired to issuance by one more entry, so no
 * balance is left that nobody can spend. An artist profile is detached and deactivated (its name
 * stays on the books and on taken-down albums; its bio, website and picture go).
 * Returns the credits (sat) that were retired.
 */
export async function deleteAccount(db: Db, userId: string): Promise<{ retiredSat: number }> {
  return db.transaction(async (tx) => {
    const user = await tx.query('select id from users where id = $1 for update', [userId]);
    if (user.rows.length === 0) throw new HttpError(404, 'Account not found');
    const profile = await artistProfileOf(tx, userId);
    if (profile) await refuseWhileArtistIsLive(tx, profile.id);
    const retiredSat = await lockAccount(tx, wallet(userId));
    if (retiredSat > 0)
      await postEntry(tx, { kind: 'adjust', userId, memo: 'Account deleted: unspent credits retired' }, [
        { account: wallet(userId), amountSat: -retiredSat },
        { account: { kind: 'issuance' }, amountSat: retiredSat },
      ]);
    if (profile)
      await tx.query(
        `update artist_profiles set user_id = null, active = false, featured = false, bio = '', website = '',
                picture_path = null where id = $1`,
        [profile.id],
      );
    await tx.query('delete from users where id = $1', [userId]);
    return { retiredSat };
  });
}
