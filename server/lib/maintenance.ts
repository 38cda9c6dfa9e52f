import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/connection.js';
import { HttpError } from './errors.js';
import { maintenanceProbe } from './settings-repo.js';
import { API_PREFIXES } from './urls.js';

/** In maintenance the APIs answer 503; operator commands stay open (they switch it off again). */
export const maintenanceGate = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const inMaintenance = maintenanceProbe(opts.db);
  app.addHook('onRequest', async (req) => {
    if (!API_PREFIXES.some((p) => req.url.startsWith(p)) || req.url.startsWith('/admin/')) return;
    if (await inMaintenance()) {
      throw new HttpError(503, "We're temporarily offline for maintenance. Please try again later.", {
        'retry-after': '60',
      });
    }
  });
});
