import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { Mailer } from '../mail.js';
import { createCaches, type AppCaches } from '../cache/index.js';
import { forbidden } from '../lib/errors.js';
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
  /**
   * preValidation of the routes that may take a session seen in the last 2 s whatever the method:
   * a read-only question (the TCA check), or a route whose own statement checks that the session
   * is still live (a repeated stream authorization) and that calls `confirmSession` before
   * anything that may spend. Elsewhere it is `requireUser`.
   */
  requireSeenUser(request: FastifyRequest): Promise<void>;
  /** Reads the request's session from the database (PostgreSQL): 403 once it has ended. */
  confirmSession(request: FastifyRequest): Promise<void>;
  sessions: SessionCache;
  /** per-user answer caches, kept fresh by the database's change notifications (server/cache/) */
  caches: AppCaches;
  /** the public answer caches: emptied when a release changes what listeners may see */
  catalogCaches: { clear(): void }[];
  invalidateCatalog(): void;
}

/** What every route plugin is registered with: `app.register(routes, { ctx })`. */
export interface RouteOptions {
  ctx: AppContext;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function makeContext(db: Db, config: Config, mailer: Mailer, mediaSecret: string): AppContext {
  const sessions = new SessionCache(2000, config.sessionIdleDays);
  const catalogCaches: { clear(): void }[] = [];
  const caches = createCaches(db);
  return {
    caches,
    catalogCaches,
    invalidateCatalog: () => catalogCaches.forEach((c) => c.clear()),
    sessions,
    db,
    config,
    mailer,
    mediaSecret,
    origin: () => config.publicOrigin,
    async requireUser(request) {
      // On PostgreSQL another server may have ended the session a moment ago: what may spend or
      // change something reads it from the database (reads may use a session seen in the last 2 s).
      const fresh = !caches.rightsFromCache && !SAFE_METHODS.has(request.method);
      request.user = await verifyHmac(db, request, config.publicUrl, sessions, Date.now(), fresh);
    },
    async requireSeenUser(request) {
      request.user = await verifyHmac(db, request, config.publicUrl, sessions, Date.now(), false);
    },
    async confirmSession(request) {
      // On the embedded database this process is the only writer: its session cache is current.
      if (caches.rightsFromCache) return;
      const user = userOf(request);
      const row = await sessions.lookup(db, user.apiToken, true);
      if (row?.user_id !== user.id) throw forbidden('Unknown or expired API token: log in again');
    },
  };
}

export function userOf(request: FastifyRequest): AuthUser {
  if (!request.user) throw new Error('route is missing the requireUser hook');
  return request.user;
}
