import type { Queryable } from '../db/connection.js';
import { satToFloat } from '../tokenly/format.js';

export interface LedgerReport {
  problems: string[];
  totals: { kind: string; accounts: number; balanceSat: number }[];
  entries: number;
  postings: number;
}

const LIMIT = 20;

/**
 * The audit of `npm run admin -- ledger check`: every entry sums to zero, every balance equals the
 * sum of its postings (and its last posting's running balance), no balance is negative except
 * issuance's, every paid grant has its stream entry and every stream entry its grant, and every
 * refund reverses a stream.
 */
export async function checkLedger(db: Queryable): Promise<LedgerReport> {
  const problems: string[] = [];
  const add = (rows: Record<string, unknown>[], say: (r: Record<string, unknown>) => string) => {
    for (const r of rows.slice(0, LIMIT)) problems.push(say(r));
    if (rows.length > LIMIT) problems.push(`… and ${rows.length - LIMIT} more of the same`);
  };
  const q = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;

  add(
    await q(`select e.id, sum(p.amount_sat)::text as total from journal_entries e join postings p on p.entry_id = e.id
              group by e.id having sum(p.amount_sat) <> 0 order by e.id`),
    (r) => `entry ${r.id} does not balance: its postings sum to ${r.total} sat`,
  );
  add(
    await q(`select a.key, a.balance_sat, coalesce(sum(p.amount_sat), 0)::text as total
               from ledger_accounts a left join postings p on p.account_id = a.id
              group by a.id having a.balance_sat <> coalesce(sum(p.amount_sat), 0) order by a.id`),
    (r) => `account ${r.key} has a balance of ${r.balance_sat} sat but its postings sum to ${r.total}`,
  );
  add(
    await q(`select a.key, a.balance_sat, p.balance_after_sat from ledger_accounts a
               join postings p on p.id = (select max(id) from postings where account_id = a.id)
              where p.balance_after_sat <> a.balance_sat order by a.id`),
    (r) => `account ${r.key} has a balance of ${r.balance_sat} sat but its last posting left ${r.balance_after_sat}`,
  );
  add(
    await q(`select key, balance_sat from ledger_accounts where kind <> 'issuance' and balance_sat < 0 order by id`),
    (r) => `account ${r.key} is negative: ${r.balance_sat} sat`,
  );
  add(
    await q(`select g.id from stream_grants g left join journal_entries e on e.id = g.entry_id
              where g.auth_type = 'credits' and (e.id is null or e.kind <> 'stream' or e.song_id <> g.song_id
                    or e.user_id is distinct from g.user_id) order by g.created_at`),
    (r) => `paid grant ${r.id} has no stream entry of its listener and song`,
  );
  add(
    await q(`select g.id from stream_grants g where g.auth_type <> 'credits' and g.entry_id is not null`),
    (r) => `grant ${r.id} is not a paid one but points at a journal entry`,
  );
  add(
    await q(`select e.id from journal_entries e where e.kind = 'stream' and e.user_id is not null
                and not exists (select 1 from stream_grants g where g.entry_id = e.id) order by e.id`),
    (r) => `stream entry ${r.id} has no grant`,
  );
  add(
    await q(`select e.id from journal_entries e left join journal_entries o on o.id = e.reverses_entry_id
              where e.kind = 'refund' and e.reverses_entry_id is not null and (o.kind is distinct from 'stream'
                 or exists (select 1 from postings p where p.entry_id = o.id and not exists (
                      select 1 from postings r where r.entry_id = e.id and r.account_id = p.account_id
                         and r.amount_sat = -p.amount_sat))) order by e.id`),
    (r) => `refund ${r.id} does not exactly reverse a stream entry`,
  );

  const totals = await db.query<{ kind: string; accounts: number; balance_sat: number }>(
    `select kind, count(*)::int as accounts, coalesce(sum(balance_sat), 0)::bigint as balance_sat
       from ledger_accounts group by kind order by kind`,
  );
  const sum = totals.rows.reduce((s, t) => s + BigInt(t.balance_sat), 0n);
  if (sum !== 0n) problems.push(`the balances of all accounts sum to ${sum} sat instead of 0`);
  const counts = await db.query<{ entries: number; postings: number }>(
    'select (select count(*)::int from journal_entries) as entries, (select count(*)::int from postings) as postings',
  );
  return {
    problems,
    totals: totals.rows.map((t) => ({ kind: t.kind, accounts: t.accounts, balanceSat: Number(t.balance_sat) })),
    entries: counts.rows[0]!.entries,
    postings: counts.rows[0]!.postings,
  };
}

export function formatLedgerReport(r: LedgerReport): string {
  const lines = [
    r.problems.length === 0 ? 'ledger check: clean' : `ledger check: ${r.problems.length} discrepancies`,
    ...r.problems.map((p) => `  ! ${p}`),
    `  ${r.entries} journal entries, ${r.postings} postings`,
    ...r.totals.map(
      (t) =>
        `  ${t.kind.padEnd(9)} ${String(t.accounts).padStart(6)} account${t.accounts === 1 ? ' ' : 's'} ${String(satToFloat(t.balanceSat)).padStart(16)} credits`,
    ),
  ];
  return lines.join('\n');
}
