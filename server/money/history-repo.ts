import type { LedgerEntry } from '@contract/listener.js';
import type { Queryable } from '../db/connection.js';
import { pageEnvelope, satToFloat, type Paging } from '../tokenly/format.js';

type Row = {
  id: number;
  amount_sat: number;
  balance_after_sat: number;
  kind: LedgerEntry['kind'] | 'payout';
  song_id: string | null;
  song_name: string | null;
  artist_name: string | null;
  memo: string;
  external_ref: string | null;
  created_at: Date;
  total: number;
};

/** "Stream of Lamp Light — to Ivory Lane": where each movement of the wallet went or came from. */
function counterpart(r: Row): string {
  switch (r.kind) {
    case 'stream':
      return r.artist_name ? `to ${r.artist_name}` : 'to the platform';
    case 'refund':
      return r.artist_name ? `back from ${r.artist_name}` : 'back from the platform';
    case 'welcome':
      return 'Welcome credits';
    case 'voucher':
      return `Voucher ${r.external_ref?.split(':')[1] ?? ''}`.trim();
    case 'purchase':
      return 'Card payment';
    default:
      return 'Tokenly Music';
  }
}

/** The movements of a listener's wallet, newest first, each with its counterpart. */
export async function walletHistory(db: Queryable, userId: string, p: Paging) {
  const r = await db.query<Row>(
    `select e.id, p.amount_sat, p.balance_after_sat, e.kind, e.song_id, s.name as song_name,
            ap.name as artist_name, e.memo, e.external_ref, e.created_at, count(*) over ()::int as total
       from ledger_accounts a
       join postings p on p.account_id = a.id
       join journal_entries e on e.id = p.entry_id
       left join songs s on s.id = e.song_id
       left join artist_profiles ap on ap.id = e.artist_profile_id
      where a.key = $1
      order by e.id desc limit $2 offset $3`,
    [`wallet:${userId}`, p.limit, p.page * p.limit],
  );
  return pageEnvelope(
    p,
    r.rows[0]?.total ?? 0,
    r.rows.map((l) => ({
      id: l.id,
      amountFloat: satToFloat(l.amount_sat),
      amountSat: l.amount_sat,
      balanceAfterSat: l.balance_after_sat,
      kind: l.kind === 'payout' ? ('adjust' as const) : l.kind,
      songId: l.song_id,
      songName: l.song_name,
      memo: l.memo,
      createdAt: new Date(l.created_at).toISOString(),
      counterpart: counterpart(l),
    })),
  );
}
