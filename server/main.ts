import { ConfigError, loadConfig, type Config } from './config.js';
import { isClusterPrimary, runPrimary, webConcurrency } from './cluster.js';

async function start(config: Config): Promise<void> {
  // Loaded here, not at the top: a cluster's primary only hands out connections and never loads
  // the app, the database driver or the audio code (issue 19: its memory).
  const [{ buildApp, openDatabase }, { startLoudnessBackfill }, { prepareDemoData }] = await Promise.all([
    import('./app.js'),
    import('./audio/loudness-backfill.js'),
    import('./db/seed/demo.js'),
  ]);
  const db = await openDatabase(config);
  const built = await buildApp(config, { db });
  const { app } = built;
  const finishSeed = await prepareDemoData(db, config, app.log);

  // songs with audio and no loudness measure yet (older data, new releases), measured off the main thread
  const backfill = startLoudnessBackfill(db, config.dataDir, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await built.close();
    await finishSeed.stop();
    await backfill.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Tokenly Music is at http://${config.host}:${config.port}/ (API at /api/v1, Soundlinks at /v3/sl)`);
  finishSeed.start();
}

let config: Config;
let processes = 1;
try {
  processes = webConcurrency();
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Configuration error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
if (processes > 1 && isClusterPrimary()) runPrimary(processes);
else
  start(config).catch((err: unknown) => {
    console.error('The server could not start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
