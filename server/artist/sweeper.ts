import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../tokenly/context.js';
import { encodedDir } from '../soundlinks/routes.js';
import { sweepStale } from '../storage/files.js';
import { sweepUploads } from './upload-sweep.js';
import { uploadsDir } from './uploads-repo.js';

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Half-written files of a crashed run (never served: hidden names), abandoned upload tickets and
 * forgotten verify uploads are not kept for ever: swept when the server is ready and every 10 minutes.
 */
export async function sweeper(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const { dataDir } = ctx.config;
  const sweep = () =>
    Promise.all([
      sweepStale(encodedDir(dataDir), '.tmp'),
      sweepStale(uploadsDir(dataDir), '.part'),
      sweepUploads(db, dataDir),
    ]).catch((err: unknown) => app.log.warn({ err }, 'sweeping stale files failed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    void sweep();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
