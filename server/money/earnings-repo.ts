import type { Earnings } from '@contract/money.js';
import type { Queryable } from '../db/connection.js';

/**
 * An artist's earnings: the account's balance, what was earned (stream credits net of refunds) and
 * paid out, and per day and per song the listens (grants of the artist's songs, paid or unlocked),
 * unique listeners and the credits earned from them.
 */
export async function artistEarnings(
  db: Queryable,
  artist: { id: string; name: string },
  opts: { days: number; feePercent: number },
): Promise<Earnings> {
  const key = `earnings:${artist.id}`;
  const totals = await db.query<{ balance_sat: number; lifetime_sat: number; paid_out_sat: number }>(
    `select coalesce((select balance_sat from ledger_accounts where key = $1), 0) as balance_sat,
            coalesce(sum(p.amount_sat) filter (where e.kind in ('stream', 'refund')), 0)::bigint as lifetime_sat,
            coalesce(-sum(p.amount_sat) filter (where e.kind = 'payout'), 0)::bigint as paid_out_sat
       from ledger_accounts a join postings p on p.account_id = a.id join journal_entries e on e.id = p.entry_id
      where a.key = $1`,
    [key],
  );
  // One row per listen, with what it earned (nothing when unlocked by a token, free, or refunded).
  const listens = `
    select g.song_id, g.user_id, g.created_at,
           coalesce((select sum(p.amount_sat) from postings p join ledger_accounts a on a.id = p.account_id
                      where a.key = $1 and p.entry_id = g.entry_id
                        and not exists (select 1 from journal_entries r where r.reverses_entry_id = g.entry_id)), 0) as earned
      from stream_grants g join songs s on s.id = g.song_id
     where s.artist_profile_id = $2`;
  const days = await db.query<{ day: string; plays: number; listeners: number; credits_sat: number }>(
    `with l as (${listens})
     select to_char(d.day, 'YYYY-MM-DD') as day, count(l.song_id)::int as plays,
            count(distinct l.user_id)::int as listeners, coalesce(sum(l.earned), 0)::bigint as credits_sat
       from generate_series((now() at time zone 'UTC')::date - ($3::int - 1), (now() at time zone 'UTC')::date, interval '1 day') d(day)
       left join l on (l.created_at at time zone 'UTC')::date = d.day::date
      group by d.day order by d.day`,
    [key, artist.id, opts.days],
  );
  const songs = await db.query<{
    song_id: string;
    name: string;
    album: string;
    plays: number;
    listeners: number;
    credits_sat: number;
  }>(
    `with l as (${listens})
     select s.id as song_id, s.name, al.name as album, count(l.song_id)::int as plays,
            count(distinct l.user_id)::int as listeners, coalesce(sum(l.earned), 0)::bigint as credits_sat
       from songs s join albums al on al.id = s.album_id left join l on l.song_id = s.id
      where s.artist_profile_id = $2 and s.removed_at is null
      group by s.id, s.name, al.name order by credits_sat desc, plays desc, s.name limit 200`,
    [key, artist.id],
  );
  const payouts = await db.query<{ id: number; amount_sat: number; memo: string; created_at: Date }>(
    `select e.id, p.amount_sat, e.memo, e.created_at from journal_entries e
       join postings p on p.entry_id = e.id join ledger_accounts a on a.id = p.account_id and a.key = 'payouts'
      where e.kind = 'payout' and e.artist_profile_id = $1 order by e.id desc limit 50`,
    [artist.id],
  );
  const t = totals.rows[0]!;
  return {
    artistProfileId: artist.id,
    name: artist.name,
    balanceSat: Number(t.balance_sat),
    lifetimeSat: Number(t.lifetime_sat),
    paidOutSat: Number(t.paid_out_sat),
    feePercent: opts.feePercent,
    days: days.rows.map((d) => ({
      day: d.day,
      plays: d.plays,
      listeners: d.listeners,
      creditsSat: Number(d.credits_sat),
    })),
    songs: songs.rows.map((s) => ({
      songId: s.song_id,
      name: s.name,
      album: s.album,
      plays: s.plays,
      listeners: s.listeners,
      creditsSat: Number(s.credits_sat),
    })),
    payouts: payouts.rows.map((p) => ({
      id: p.id,
      amountSat: p.amount_sat,
      reference: p.memo,
      createdAt: new Date(p.created_at).toISOString(),
    })),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Every movement of the artist's earnings in a month (UTC), as CSV with a header row. */
export async function monthlyStatement(db: Queryable, artistId: string, month: string): Promise<string> {
  const r = await db.query<{
    id: number;
    created_at: Date;
    kind: string;
    song: string | null;
    memo: string;
    amount_sat: number;
    balance_after_sat: number;
  }>(
    `select e.id, e.created_at, e.kind, s.name as song, e.memo, p.amount_sat, p.balance_after_sat
       from ledger_accounts a join postings p on p.account_id = a.id join journal_entries e on e.id = p.entry_id
       left join songs s on s.id = e.song_id
      where a.key = $1 and e.created_at >= ($2 || '-01')::timestamp at time zone 'UTC'
        and e.created_at < (($2 || '-01')::timestamp + interval '1 month') at time zone 'UTC'
      order by e.id`,
    [`earnings:${artistId}`, month],
  );
  const lines = [['date', 'entry', 'kind', 'song', 'description', 'credits', 'sat', 'balance_after_sat'].join(',')];
  for (const x of r.rows) {
    lines.push(
      [
        new Date(x.created_at).toISOString(),
        x.id,
        x.kind,
        x.song ?? '',
        x.memo,
        x.amount_sat / 1e8,
        x.amount_sat,
        x.balance_after_sat,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
