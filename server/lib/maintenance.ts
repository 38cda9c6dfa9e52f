import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/connection.js';
import { HttpError } from './errors.js';
import { maintenanceProbe } from './settings-repo.js';
import { API_PREFIXES } from './urls.js';

/** In maintenance the APIs answer 503; operator commands stay open (they switch it off again). */
export const maintenanceGate = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const inMaintenance = maintenanceProbe(opts.db);
  const offline = () =>
    new HttpError(503, "We're temporarily offline for maintenance. Please try again later.", { 'retry-after': '60' });
  // Callback style: on every request the switch read in the last 2 s answers without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    if (!API_PREFIXES.some((p) => req.url.startsWith(p)) || req.url.startsWith('/admin/')) return done();
    const known = inMaintenance.known();
    if (known !== undefined) return done(known ? offline() : undefined);
    inMaintenance().then(
      (on) => done(on ? offline() : undefined),
      (err: Error) => done(err),
    );
  });
});
