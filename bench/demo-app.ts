import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, openDatabase } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { prepareDemoData } from '../server/db/seed/demo.js';

/**
 * The real app on a fresh data directory with the demo users and catalog (no audio rendered, no
 * encoding workers, no rate limit): what the browser benchmarks load. `dispose` removes it all.
 */
export async function demoApp(prefix: string, port: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = loadConfig({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SOUNDLINKS_WORKERS: '0',
    RATE_LIMIT_PER_MIN: '1000000',
  });
  const db = await openDatabase(config);
  const { app, close } = await buildApp(config, { db });
  await prepareDemoData(db, config, app.log);
  return {
    db,
    app,
    listen: () => app.listen({ port, host: '127.0.0.1' }),
    async dispose() {
      await close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
