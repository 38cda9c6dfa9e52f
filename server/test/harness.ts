import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { connect, type Db } from '../db/connection.js';
import type { Mailer, OutgoingMail } from '../mail.js';
import { buildSignedString } from '@contract/signing.js';
import { checkLedger, formatLedgerReport } from '../money/index.js';
import { mediaDirs } from '../storage/files.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F, fixturePlan } from './fixture.js';
import { PG_TEMPLATE_DB } from './global-setup.js';

export type Backend = 'pglite' | 'postgres';

/** The backends API tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is given. */
export function backends(): Backend[] {
  if (inject('postgresTemplateUrl')) return ['pglite', 'postgres'];
  if (process.env.CI) {
    throw new Error('CI must run the API tests on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run)');
  }
  return ['pglite'];
}

/** A fresh database copied from the migrated, fixture-loaded template. */
export async function freshDb(backend: Backend): Promise<{ db: Db; drop(): Promise<void>; url?: string }> {
  if (backend === 'pglite') {
    const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const db = await connect({ loadDataDir: dump });
    return { db, drop: () => db.close() };
  }
  const base = inject('postgresTemplateUrl');
  const name = `tokenly_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const db = await connect({ databaseUrl: u.toString(), poolSize: 20 });
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestServer extends BuiltApp {
  db: Db;
  config: Config;
  mail: OutgoingMail[];
  dataDir: string;
  /** the PostgreSQL database's URL (another server on the same database connects to it) */
  dbUrl?: string;
  /** listen on a random loopback port (for real HTTP clients such as curl); returns the origin */
  listen(): Promise<string>;
  shutdown(): Promise<void>;
}

export async function testServer(
  backend: Backend,
  env: Record<string, string> = {},
  opts: { worker?: boolean; connectionIdleMs?: number } = {},
): Promise<TestServer> {
  const { db, drop, url: dbUrl } = await freshDb(backend);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-data-'));
  const audioDir = mediaDirs(dataDir).audio;
  fs.mkdirSync(audioDir, { recursive: true });
  for (const song of fixturePlan().songs) fs.copyFileSync(inject('fixtureMp3'), path.join(audioDir, `${song.id}.mp3`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    WEB_ROOT: '',
    RATE_LIMIT_PER_MIN: '100000',
    AUTH_RATE_LIMIT_PER_MIN: '100000',
    ...env,
  });
  const mail: OutgoingMail[] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m) };
  const built = await buildApp(config, {
    db,
    mailer,
    logger: false,
    worker: opts.worker ?? false,
    ...(opts.connectionIdleMs ? { connectionIdleMs: opts.connectionIdleMs } : {}),
  });
  return {
    ...built,
    db,
    config,
    mail,
    dataDir,
    ...(dbUrl ? { dbUrl } : {}),
    async listen() {
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = built.app.server.address();
      if (!addr || typeof addr === 'string') throw new Error('no address');
      // What http://HOST:PORT means once the port is known (a configured PUBLIC_URL stays).
      if (!env.PUBLIC_URL) config.publicOrigin = `http://127.0.0.1:${addr.port}`;
      return `http://127.0.0.1:${addr.port}`;
    },
    async shutdown() {
      // Every API test file ends with the ledger's audit: whatever it did, the books must balance.
      const report = await checkLedger(db);
      // Responses a test did not read to the end (audio) would hold the server open until they time out.
      built.app.server.closeAllConnections();
      await built.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (report.problems.length > 0) throw new Error(formatLedgerReport(report));
    },
  };
}

/** Signs like the document's curl examples (openssl dgst -sha256 -hmac ... | base64). */
export function signHeaders(
  creds: { apiToken: string; apiSecretKey: string },
  method: string,
  url: string,
  params = '{}',
  nonce = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const sig = crypto
    .createHmac('sha256', creds.apiSecretKey)
    .update(buildSignedString({ method, url, params, apiToken: creds.apiToken, nonce }))
    .digest('base64');
  return {
    'x-tokenly-auth-api-token': creds.apiToken,
    'x-tokenly-auth-nonce': String(nonce),
    'x-tokenly-auth-signature': sig,
  };
}

/** A logged-in client of a listening test server that signs every request like the curl examples. */
export async function signedClient(origin: string, username: string, password: string) {
  const login = await fetch(`${origin}/api/v1/account/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login of ${username} failed: ${login.status}`);
  const creds = (await login.json()) as { id: string; apiToken: string; apiSecretKey: string };
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const url = new URL(path, origin);
    const params = method === 'GET' ? JSON.stringify(Object.fromEntries(url.searchParams)) : body ? body : '{}';
    return fetch(url, {
      method,
      headers: {
        'content-type': 'application/json',
        ...signHeaders(creds, method, `${url.origin}${url.pathname}`, params),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    });
  };
  return { creds, call };
}

/** The fixture listener alice made the artist of the Blue Whales' profile, and logged in. */
export async function aliceAsArtist(s: { db: Db }, origin: string) {
  await s.db.query('update artist_profiles set user_id = $1 where id = $2', [
    stableUuid('user:alice'),
    F.artists.whales,
  ]);
  return signedClient(origin, 'alice', F.users.alice.password);
}

/** A new listener registered with the fixture's invitation code, then logged in. */
export async function registeredClient(origin: string, username: string, password: string) {
  const reg = await fetch(`${origin}/api/v1/account/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, email: `${username}@example.com`, code: F.invite }),
  });
  if (reg.status !== 200) throw new Error(`registration of ${username} failed: ${reg.status}`);
  return signedClient(origin, username, password);
}
