import { payForStream } from '../../money/index.js';
import type { Queryable } from '../connection.js';
import type { CatalogPlan } from './catalog-writer.js';

export interface Listener {
  id: string;
  tokens: string[];
  plays: number;
}

const DAY_MS = 86_400_000;
const GRANT_HOURS = 6;

/**
 * A listening history made of real journal entries, grants and listens, spread over the last three weeks:
 * each play of a song the listener holds a token of is unlocked (and moves nothing); every other
 * play is paid exactly as the stream authorization pays it, split between artist and platform.
 */
export async function seedListeningHistory(
  tx: Queryable,
  plan: CatalogPlan,
  listeners: Listener[],
  opts: { feePercent: number; preferArtist?: string },
): Promise<void> {
  const playable = plan.songs.filter((s) => s.publicStreamable);
  // Deterministic: the same demo on every fresh start.
  let seed = 0x2f6b_1d3;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const plays: { at: number; listener: Listener; song: (typeof playable)[number] }[] = [];
  const now = Date.now();
  for (const listener of listeners) {
    for (let i = 0; i < listener.plays; i++) {
      // Half the plays go to one artist's songs, so that their earnings page has something to show.
      const pool =
        opts.preferArtist && rand() < 0.5 ? playable.filter((s) => s.artistProfileId === opts.preferArtist) : playable;
      const song = pool[Math.floor(rand() * pool.length)]!;
      plays.push({ at: now - Math.floor((0.05 + rand() * 20.9) * DAY_MS), listener, song });
    }
  }
  plays.sort((a, b) => a.at - b.at);
  let balance = new Map<string, number>();
  const wallets = await tx.query<{ user_id: string; balance_sat: number }>(
    "select user_id, balance_sat from ledger_accounts where kind = 'wallet' and user_id = any($1::uuid[])",
    [listeners.map((l) => l.id)],
  );
  balance = new Map(wallets.rows.map((w) => [w.user_id, w.balance_sat]));
  for (const p of plays) {
    const createdAt = new Date(p.at);
    const token = p.song.tokens.find((t) => p.listener.tokens.includes(t));
    let entryId: number | null = null;
    if (!token) {
      if ((balance.get(p.listener.id) ?? 0) < p.song.priceSat) continue;
      const paid = await payForStream(tx, {
        userId: p.listener.id,
        songId: p.song.id,
        songName: p.song.name,
        priceSat: p.song.priceSat,
        artistProfileId: p.song.artistProfileId,
        feePercent: opts.feePercent,
        createdAt,
      });
      entryId = paid.entryId;
      balance.set(p.listener.id, paid.balanceSat);
    }
    await tx.query(
      `insert into stream_grants (user_id, song_id, auth_type, token, entry_id, created_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        p.listener.id,
        p.song.id,
        token ? 'token' : 'credits',
        token ?? null,
        entryId,
        createdAt.toISOString(),
        new Date(p.at + GRANT_HOURS * 3_600_000).toISOString(),
      ],
    );
    // The listen itself, as the player's play event records it: home's Recently played and Jump
    // back in, the week's popular songs and the demo's render order read these.
    await tx.query(
      `insert into listening_history (user_id, song_id, source, context_kind, context_id, played_at)
       values ($1, $2, 'play', 'album', $3, $4)`,
      [p.listener.id, p.song.id, p.song.albumId, createdAt.toISOString()],
    );
  }
}
