import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect, type Db } from '../db/connection.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, freshDb, signHeaders } from '../test/harness.js';
import { issueCredits } from './index.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      WEB_ROOT: '',
      LOG_LEVEL: 'fatal',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${origin}/api/v1/genres`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, origin };
    await sleep(100);
  }
  throw new Error('the server did not start in 30 s');
}

async function prepare(db: Db): Promise<void> {
  const alice = await db.query<{ id: string }>("select id from users where username = 'alice'");
  await db.transaction((tx) => issueCredits(tx, alice.rows[0]!.id, 40e8, { kind: 'grant' }));
  await db.query("insert into vouchers (code, credits_sat, uses_left) values ('CRASH-ONCE', 100000000, 1)");
}

describe.each(backends())('the ledger after kill -9 during a burst of paid listens (%s)', (backend) => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const c of cleanups) await c();
  });

  it('leaves every entry balanced and every paid grant with its entry: `ledger check` is clean', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-money-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (backend === 'postgres') {
      const fresh = await freshDb('postgres');
      cleanups.push(fresh.drop);
      await prepare(fresh.db);
      env.DATABASE_URL = fresh.url!;
    } else {
      const db = await connect({
        pgliteDir: path.join(dataDir, 'db'),
        loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]),
      });
      await prepare(db);
      await db.close();
    }
    const server = await startServer(env);
    children.push(server.child);
    const login = await fetch(`${server.origin}/api/v1/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: F.users.alice.password }),
    });
    const creds = (await login.json()) as { apiToken: string; apiSecretKey: string };
    const songs = fixturePlan().songs.filter((s) => s.publicStreamable && s.albumId !== F.albums.removed);
    const call = (url: string, body = '{}') =>
      fetch(`${server.origin}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signHeaders(creds, 'POST', `${server.origin}${url}`, body) },
        body,
      }).then(
        (r) => r.status,
        () => 0,
      );
    // A burst of listens and redemptions, and the process killed in the middle of it.
    const burst = Array.from({ length: 120 }, (_, i) =>
      i % 10 === 0
        ? call('/api/v1/credits/redeem', JSON.stringify({ code: 'CRASH-ONCE' }))
        : call(`/api/v1/stream/${songs[i % songs.length]!.id}`),
    );
    await sleep(150);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s === 0).length, 'some requests were cut off by the kill').toBeGreaterThan(0);

    const check = await run('node_modules/.bin/tsx', ['server/admin/cli.ts', 'ledger', 'check'], {
      env: { ...process.env, ...env, PORT: '1', HOST: '127.0.0.1' },
    }).catch((err: { code: number; stdout: string; stderr: string }) => err);
    expect(check.stderr, 'ledger check reports no discrepancy').toBe('');
    expect(check.stdout).toMatch(/^ledger check: clean/);
  }, 120_000);
});
