import { describe, expect, it } from 'vitest';
import { connect } from '../db/connection.js';
import { listMigrations, migrate } from '../db/migrate.js';
import { checkLedger } from './index.js';

const split = (sql: string) =>
  sql
    .replace(/--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);

describe('migration 005 on a database with single-entry credit rows', () => {
  it('turns every credit_ledger row into a balanced journal entry without changing a balance', async () => {
    const db = await connect({});
    try {
      await db.exec(
        'create table schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
      );
      for (const m of listMigrations().filter((x) => x.version < 5)) {
        for (const stmt of split(m.sql)) await db.query(stmt);
        await db.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      }
      const u = (name: string) =>
        db.query<{ id: string }>(
          "insert into users (username, email, password_hash) values ($1, $1 || '@x.test', 'x') returning id",
          [name],
        );
      const [ann, bob] = [(await u('ann')).rows[0]!.id, (await u('bob')).rows[0]!.id];
      const al = await db.query<{ id: string }>("insert into albums (name, artist) values ('A', 'B') returning id");
      const so = await db.query<{ id: string }>(
        "insert into songs (album_id, name, artist, price_sat) values ($1, 'S', 'B', 300) returning id",
        [al.rows[0]!.id],
      );
      const songId = so.rows[0]!.id;
      await db.query('insert into credit_balances (user_id, balance_sat) values ($1, 700), ($2, 0)', [ann, bob]);
      const rows = await db.query<{ id: number }>(
        `insert into credit_ledger (user_id, amount_sat, balance_after_sat, kind, song_id, memo) values
           ($1, 1000, 1000, 'grant', null, 'Welcome'), ($1, -300, 700, 'stream', $2, 'Stream of S') returning id`,
        [ann, songId],
      );
      await db.query(
        `insert into stream_grants (user_id, song_id, auth_type, ledger_id, expires_at) values
           ($1, $2, 'credits', $3, now()), ($4, $2, 'credits', null, now())`,
        [ann, songId, rows.rows[1]!.id, bob],
      );
      expect(await migrate(db)).toContain('005_ledger.sql');

      const accounts = await db.query<{ key: string; balance_sat: number }>(
        'select key, balance_sat from ledger_accounts order by key',
      );
      expect(Object.fromEntries(accounts.rows.map((a) => [a.key, a.balance_sat]))).toEqual({
        [`wallet:${ann}`]: 700,
        [`wallet:${bob}`]: 0,
        fees: 300,
        issuance: -1000,
        payouts: 0,
      });
      const entries = await db.query<{ id: number; kind: string }>('select id, kind from journal_entries order by id');
      expect(entries.rows).toEqual([
        { id: rows.rows[0]!.id, kind: 'grant' },
        { id: rows.rows[1]!.id, kind: 'stream' },
      ]);
      const grants = await db.query<{ auth_type: string; entry_id: number | null }>(
        'select auth_type, entry_id from stream_grants order by auth_type',
      );
      expect(grants.rows).toEqual([
        { auth_type: 'credits', entry_id: rows.rows[1]!.id },
        { auth_type: 'free', entry_id: null },
      ]);
      expect((await checkLedger(db)).problems).toEqual([]);
      // new entries continue after the migrated ids
      const next = await db.query<{ id: number }>("insert into journal_entries (kind) values ('adjust') returning id");
      expect(next.rows[0]!.id).toBeGreaterThan(rows.rows[1]!.id);
    } finally {
      await db.close();
    }
  });
});
