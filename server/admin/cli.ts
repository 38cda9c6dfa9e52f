/**
 * `npm run admin -- <command>`: operator commands. With the embedded database they go through the
 * running server (PGlite allows one process); with DATABASE_URL, or when no server runs, they open
 * the database themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { HttpError, toHttpError } from '../lib/errors.js';
import type { AdminCommand } from './commands.js';
import { adminTokenFile } from './token-file.js';

const USAGE = `Usage: npm run admin -- <command>

  invite create [--code CODE] [--uses N|unlimited]   create an invitation code (default: 1 use)
  credits grant USERNAME AMOUNT [--memo TEXT]         add credits (e.g. 25 or 2.5) to a user's balance
  tokens grant USERNAME TOKEN [AMOUNT]                give a user a token (default amount 1)
  tokens revoke USERNAME TOKEN                        take a token away from a user
  users list                                          list users with their credits and tokens
  maintenance on|off                                  the API answers 503 while on
  artists create USERNAME --name NAME                 give a user an artist profile (whatever ARTIST_SIGNUP says)
  vouchers create --credits N [--uses N|unlimited] [--expires DATE] [--code CODE]
                                                      create a voucher code listeners redeem for credits
  payouts create ARTIST [--amount N] [--reference TEXT]
                                                      move an artist's earnings (all, or N credits) to payouts
  credits refund ENTRY                                reverse a paid stream (journal entry number), once
  ledger check                                        audit the ledger; exits non-zero on any discrepancy

Environment: DATA_DIR, DATABASE_URL, HOST and PORT as for the server.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined) throw new HttpError(422, `${name} needs a value`);
  args.splice(i, 2);
  return v;
}

function parse(argv: string[]): AdminCommand {
  const args = [...argv];
  const code = flag(args, '--code');
  const uses = flag(args, '--uses');
  const memo = flag(args, '--memo');
  const name = flag(args, '--name');
  const credits = flag(args, '--credits');
  const expires = flag(args, '--expires');
  const amount = flag(args, '--amount');
  const reference = flag(args, '--reference');
  const [a, b, ...rest] = args;
  const need = (n: number) => {
    if (rest.length < n) throw new HttpError(422, `"${a} ${b}" needs ${n} argument${n > 1 ? 's' : ''}\n\n${USAGE}`);
  };
  if (a === 'invite' && b === 'create') {
    if (uses !== undefined && uses !== 'unlimited' && !/^\d+$/.test(uses))
      throw new HttpError(422, '--uses must be a number or "unlimited"');
    return {
      cmd: 'invite-create',
      code,
      uses: uses === undefined ? undefined : uses === 'unlimited' ? null : Number(uses),
    };
  }
  if (a === 'credits' && b === 'grant')
    return (need(2), { cmd: 'credits-grant', username: rest[0]!, amount: rest[1]!, memo });
  if (a === 'tokens' && b === 'grant') {
    need(2);
    if (rest[2] !== undefined && !/^\d+$/.test(rest[2]))
      throw new HttpError(422, 'the token amount must be a whole number');
    return { cmd: 'tokens-grant', username: rest[0]!, token: rest[1]!, amount: rest[2] ? Number(rest[2]) : undefined };
  }
  if (a === 'tokens' && b === 'revoke') return (need(2), { cmd: 'tokens-revoke', username: rest[0]!, token: rest[1]! });
  if (a === 'users' && b === 'list') return { cmd: 'users-list' };
  if (a === 'artists' && b === 'create') {
    need(1);
    if (!name) throw new HttpError(422, '"artists create" needs --name NAME');
    return { cmd: 'artists-create', username: rest[0]!, name };
  }
  if (a === 'vouchers' && b === 'create') {
    if (credits === undefined) throw new HttpError(422, `vouchers create needs --credits N\n\n${USAGE}`);
    if (uses !== undefined && uses !== 'unlimited' && !/^\d+$/.test(uses))
      throw new HttpError(422, '--uses must be a number or "unlimited"');
    return {
      cmd: 'vouchers-create',
      credits,
      code,
      expires,
      uses: uses === undefined ? undefined : uses === 'unlimited' ? null : Number(uses),
    };
  }
  if (a === 'payouts' && b === 'create')
    return (need(1), { cmd: 'payouts-create', artist: rest[0]!, amount, reference });
  if (a === 'credits' && b === 'refund') return (need(1), { cmd: 'credits-refund', entry: rest[0]! });
  if (a === 'ledger' && b === 'check') return { cmd: 'ledger-check' };
  if (a === 'maintenance' && (b === 'on' || b === 'off')) return { cmd: 'maintenance', on: b === 'on' };
  throw new HttpError(422, a ? `unknown command "${argv.join(' ')}"\n\n${USAGE}` : USAGE);
}

async function viaServer(
  host: string,
  port: number,
  dataDir: string,
  command: AdminCommand,
): Promise<string | undefined> {
  const file = adminTokenFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  let res: Response;
  try {
    res = await fetch(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/admin/v1/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': fs.readFileSync(file, 'utf8').trim() },
      body: JSON.stringify(command),
    });
  } catch {
    return undefined; // no server running: open the database directly
  }
  const body = (await res.json()) as { output?: string; message?: string };
  if (!res.ok) throw new HttpError(res.status, body.message ?? `the server answered ${res.status}`);
  return body.output;
}

async function main(): Promise<void> {
  const command = parse(process.argv.slice(2));
  const config = loadConfig();
  if (!config.databaseUrl) {
    const out = await viaServer(config.host, config.port, config.dataDir, command);
    if (out !== undefined) return void console.log(out);
  }
  // Loaded only here: a command that goes through the running server starts without the database code.
  const [{ connect }, { migrate }, { runAdmin }] = await Promise.all([
    import('../db/connection.js'),
    import('../db/migrate.js'),
    import('./commands.js'),
  ]);
  const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'db') });
  try {
    await migrate(db);
    console.log(await runAdmin(db, command));
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(toHttpError(err)?.statusCode === 422 ? 2 : 1);
});
