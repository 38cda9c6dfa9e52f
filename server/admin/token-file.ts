import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a running server keeps the token the CLI presents to it. A module of its own so that the
 * CLI, when it goes through the running server, loads neither the routes nor the database code.
 */
export const adminTokenFile = (dataDir: string) => path.join(dataDir, 'admin-token');

/** The token the CLI presents to a running server; readable only by the server's own user. */
export function ensureAdminToken(dataDir: string): string {
  const file = adminTokenFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
