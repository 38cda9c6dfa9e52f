import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { Mailer } from '../mail.js';
import { SessionCache, verifyHmac, type AuthUser } from './hmac-auth.js';

/** What every route module receives: the database, configuration and services. */
export interface AppContext {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** secret for signed media URLs, shared by every server on one database */
  mediaSecret: string;
  /** the configured public origin (PUBLIC_URL or http://HOST:PORT); never taken from the request */
  origin(request?: FastifyRequest): string;
  /** preValidation hook of protected routes: checks the HMAC signature and sets request.user */
  requireUser(request: FastifyRequest): Promise<void>;
  sessions: SessionCache;
  /** the public answer caches: emptied when a release changes what listeners may see */
  catalogCaches: { clear(): void }[];
  invalidateCatalog(): void;
}

/** What every route plugin is registered with: `app.register(routes, { ctx })`. */
export interface RouteOptions {
  ctx: AppContext;
}

export function makeContext(db: Db, config: Config, mailer: Mailer, mediaSecret: string): AppContext {
  const sessions = new SessionCache(2000, config.sessionIdleDays);
  const catalogCaches: { clear(): void }[] = [];
  return {
    catalogCaches,
    invalidateCatalog: () => catalogCaches.forEach((c) => c.clear()),
    sessions,
    db,
    config,
    mailer,
    mediaSecret,
    origin: () => config.publicOrigin,
    async requireUser(request) {
      request.user = await verifyHmac(db, request, config.publicUrl, sessions);
    },
  };
}

export function userOf(request: FastifyRequest): AuthUser {
  if (!request.user) throw new Error('route is missing the requireUser hook');
  return request.user;
}
