import type { App } from '../lib/validation.js';
import type { RouteOptions } from '../tokenly/context.js';
import { encodedDir, soundlinksRoutes } from './routes.js';
import { startWorker, type WorkerOptions } from './worker.js';

export interface SoundlinksOptions extends RouteOptions {
  /** run the encoding worker here (as configured by SOUNDLINKS_WORKERS); tests turn it off */
  runWorker: boolean;
  /** the file behind one of this server's own links, read from disk instead of fetched */
  ownFile: WorkerOptions['ownFile'];
}

/**
 * The embedded Soundlinks service: its two endpoints (or the relay to SOUNDLINKS_URL) and the
 * encoding worker, which starts when the server is ready and stops when it closes.
 */
export async function soundlinks(app: App, { ctx, runWorker, ownFile }: SoundlinksOptions): Promise<void> {
  const { db, config } = ctx;
  let worker: ReturnType<typeof startWorker> | undefined;
  app.addHook('onReady', async () => {
    if (!runWorker || config.soundlinksWorkers <= 0) return;
    worker = startWorker({
      db,
      outDir: encodedDir(config.dataDir),
      watermarkKey: config.watermarkKey,
      concurrency: config.soundlinksWorkers,
      leaseSec: config.soundlinksLeaseSec,
      log: app.log,
      ownFile,
    });
  });
  app.addHook('onClose', async () => worker?.stop());
  soundlinksRoutes(app, { db, config, origin: ctx.origin, onQueued: () => worker?.poke() });
}
