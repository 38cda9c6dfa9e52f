import type { Queryable } from '../db/connection.js';
import { accountKey, earnings, postEntry, wallet, type Leg } from './ledger-repo.js';

/**
 * The platform's fee is the percentage rounded down to a whole sat; the artist gets the rest, so
 * the integer remainder of the split always goes to the artist.
 */
export function splitPrice(priceSat: number, feePercent: number): { feeSat: number; artistSat: number } {
  const feeSat = Number((BigInt(priceSat) * BigInt(feePercent)) / 100n);
  return { feeSat, artistSat: priceSat - feeSat };
}

export interface PaidStream {
  userId: string;
  songId: string;
  songName: string;
  priceSat: number;
  /** null: a song with no artist profile, whose whole price goes to the platform */
  artistProfileId: string | null;
  feePercent: number;
  createdAt?: Date;
}

/**
 * Moves a song's price from the listener's wallet to the artist's earnings and the platform's fee,
 * in the caller's transaction (the one that writes the grant). The caller has checked the balance
 * with the wallet locked; a short wallet still throws InsufficientFunds.
 */
export async function payForStream(tx: Queryable, p: PaidStream): Promise<{ entryId: number; balanceSat: number }> {
  const { feeSat, artistSat } = p.artistProfileId
    ? splitPrice(p.priceSat, p.feePercent)
    : { feeSat: p.priceSat, artistSat: 0 };
  const legs: Leg[] = [
    { account: wallet(p.userId), amountSat: -p.priceSat },
    { account: { kind: 'fees' }, amountSat: feeSat },
  ];
  if (p.artistProfileId) legs.push({ account: earnings(p.artistProfileId), amountSat: artistSat });
  const r = await postEntry(
    tx,
    {
      kind: 'stream',
      userId: p.userId,
      artistProfileId: p.artistProfileId,
      songId: p.songId,
      memo: `Stream of ${p.songName}`,
      ...(p.createdAt ? { createdAt: p.createdAt } : {}),
    },
    legs,
  );
  return { entryId: r!.entryId, balanceSat: r!.balances.get(accountKey(wallet(p.userId)))! };
}
