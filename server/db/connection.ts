import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
}

/**
 * `prepare`: a name for a hot statement of fixed text, prepared once per connection on PostgreSQL
 * so that it is not planned again on every call (the embedded database ignores it).
 */
export interface QueryOptions {
  prepare?: string;
}

/** What repositories need: a query function. A transaction handle has the same shape. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Calls onMessage with the payload of each NOTIFY on `channel` (after the sender's commit); calls
   * onGap when some may have been missed (the listening connection was lost; it reconnects).
   * Answers the function that stops listening.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// int8 (bigint) and numeric come back as strings from node-postgres; PGlite gives numbers.
// Both adapters answer with numbers so repositories see one shape. Credits are kept in sat, far
// below 2^53 (90 million credits), and checked where they are summed.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  /**
   * Connections of their own for the named statements: each is planned once per connection
   * (force_generic_plan), where the default would plan a batch's statement again on every call
   * (its custom plans look cheaper than one for arrays of unknown length). Other statements keep
   * the default, planned for their values.
   */
  private readonly prepared: pg.Pool;
  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {
    this.prepared = new pg.Pool({ connectionString: url, max: 4, options: '-c plan_cache_mode=force_generic_plan' });
    this.prepared.on('error', () => undefined);
  }

  async query<T>(sql: string, params: unknown[] = [], opts?: QueryOptions): Promise<QueryResult<T>> {
    const r = opts?.prepare
      ? await this.prepared.query({ name: opts.prepare, text: sql, values: params })
      : await this.pool.query(sql, params);
    return { rows: r.rows as T[] };
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Queryable = {
        query: async <R>(sql: string, params: unknown[] = []) => ({
          rows: (await client.query(sql, params)).rows as R[],
        }),
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  /** A connection of its own (not the pool's), reconnected a second after it is lost. */
  async listen(channel: string, onMessage: (payload: string) => void, onGap: () => void) {
    let client: pg.Client | undefined;
    let stopped = false;
    const open = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.url });
      const lost = () => {
        if (client !== c || stopped) return;
        client = undefined;
        onGap();
        void c.end().catch(() => undefined);
        setTimeout(() => void open().catch(() => undefined), 1000).unref();
      };
      c.on('error', lost);
      c.on('end', lost);
      c.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
      client = c;
      try {
        await c.connect();
        await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      } catch (err) {
        lost();
        throw err;
      }
      // What changed while no connection listened is unknown.
      onGap();
    };
    await open();
    return async () => {
      stopped = true;
      await client?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.prepared.end()]);
  }
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  constructor(readonly pglite: PGlite) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
    const r = await this.pglite.query<T>(sql, params);
    return { rows: r.rows };
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (t) =>
      fn({ query: async <R>(sql: string, params: unknown[] = []) => ({ rows: (await t.query<R>(sql, params)).rows }) }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  /** One process has the embedded database: a notification arrives as its sender's commit returns. */
  async listen(channel: string, onMessage: (payload: string) => void) {
    const stop = await this.pglite.listen(channel, onMessage);
    return () => stop();
  }

  async close(): Promise<void> {
    await this.pglite.close();
  }
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** folder of the embedded database; undefined keeps it in memory */
  pgliteDir?: string | undefined;
  /** a gzipped dump to start the embedded database from (tests) */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function connect(opts: ConnectOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    const db = new PostgresDb(pool, opts.databaseUrl);
    await db.query('select 1');
    return db;
  }
  if (opts.pgliteDir) fs.mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
  const pglite = new PGlite({
    ...(opts.pgliteDir ? { dataDir: opts.pgliteDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await pglite.waitReady;
  return new PgliteDb(pglite);
}

/** A Postgres error code, when err is one (23505 unique violation, 40001 serialization failure...). */
export function pgErrorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
