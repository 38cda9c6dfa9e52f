import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { adminRoutes } from './admin/routes.js';
import { profileRoutes, releaseRoutes } from './artist/index.js';
import type { Config } from './config.js';
import { connect, type Db } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { errorAnswers } from './lib/error-answers.js';
import { compression, CONNECTION_IDLE_MS, hardening, rateLimits, REQUEST_TIMEOUT_MS } from './lib/http-hardening.js';
import { jsonGuard } from './lib/json-guard.js';
import { maintenanceGate } from './lib/maintenance.js';
import { trackRoutes } from './lib/method-not-allowed.js';
import { serverSecret } from './lib/settings-repo.js';
import { typed, useZod } from './lib/validation.js';
import { createMailer, type Mailer } from './mail.js';
import { moneyRoutes } from './money/index.js';
import { soundlinks } from './soundlinks/index.js';
import { grantedMediaRoutes } from './storage/grant-routes.js';
import { publicMediaRoutes } from './storage/media-routes.js';
import { ownMediaFile } from './storage/own-media.js';
import { sweeper } from './artist/sweeper.js';
import { uploadRoutes } from './artist/upload-routes.js';
import { accountRoutes } from './tokenly/account-routes.js';
import { accountDeletionRoutes } from './tokenly/account-deletion-routes.js';
import { accountSettingsRoutes } from './tokenly/account-settings-routes.js';
import { artistRoutes } from './artist/encoding-routes.js';
import { followChanges } from './cache/index.js';
import { makeContext, type AppContext } from './tokenly/context.js';
import { discoveryRoutes } from './tokenly/discovery-routes.js';
import { libraryRoutes } from './tokenly/library-routes.js';
import { listenerRoutes } from './tokenly/listener-routes.js';
import { publicRoutes } from './tokenly/public-routes.js';
import { documentRoutes } from './playlists/document-routes.js';
import { playlistsRoutes } from './playlists/playlists-routes.js';
import { playbackRoutes } from './playback/index.js';
import { webApp } from './web-app.js';

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** closes the server and, if buildApp opened it, the database */
  close(): Promise<void>;
}

export interface BuildOptions {
  /** an open, migrated database (tests); otherwise one is opened from the config and migrated */
  db?: Db;
  mailer?: Mailer;
  logger?: boolean;
  /** run the encoding worker (default: as configured by SOUNDLINKS_WORKERS) */
  worker?: boolean;
  /** how long a quiet connection is kept (default CONNECTION_IDLE_MS; tests shorten it) */
  connectionIdleMs?: number;
}

export async function openDatabase(config: Config): Promise<Db> {
  const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'db') });
  await migrate(db);
  return db;
}

function serverOptions(config: Config, opts: BuildOptions): FastifyServerOptions {
  // Secrets never reach the log: signatures, tokens and cookies are cut out.
  const redact = ['x-tokenly-auth-signature', 'x-tokenly-auth-api-token', 'authorization', 'cookie'];
  return {
    logger:
      opts.logger === false ? false : { level: config.logLevel, redact: redact.map((h) => `req.headers["${h}"]`) },
    trustProxy: config.trustProxy ? true : ['127.0.0.1', '::1'],
    bodyLimit: 64 * 1024,
    // Stalled clients are closed (uploads extend their socket's idle limit to their own).
    connectionTimeout: opts.connectionIdleMs ?? CONNECTION_IDLE_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
  };
}

/**
 * The server as a list of plugins. First the pipeline every request goes through (root scope,
 * fastify-plugin: its hooks, error handler and limits reach every route), then the route plugins,
 * each registered the same way (`api.register(routes, { ctx })`, encapsulated), then the app.
 */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<BuiltApp> {
  const ownsDb = !opts.db;
  const db = opts.db ?? (await openDatabase(config));
  const app = Fastify(serverOptions(config, opts));
  const api = typed(app);
  const mailer = opts.mailer ?? createMailer(config.smtpUrl, config.dataDir, (m) => app.log.info(m));
  const ctx = makeContext(db, config, mailer, await serverSecret(db, 'media', config.mediaSecret));
  const stopFollowing = await followChanges(db, ctx.caches, ctx.sessions);
  app.addHook('onClose', () => stopFollowing());

  await app.register(hardening);
  useZod(app);
  const allowedMethods = trackRoutes(app);
  await app.register(jsonGuard);
  await app.register(maintenanceGate, { db });
  await app.register(rateLimits, { maxPerMinute: config.rateLimits.global });
  await app.register(compression);
  await app.register(errorAnswers);

  await api.register(publicRoutes, { ctx });
  await api.register(accountRoutes, { ctx });
  await api.register(accountSettingsRoutes, { ctx });
  await api.register(accountDeletionRoutes, { ctx });
  await api.register(listenerRoutes, { ctx });
  await api.register(discoveryRoutes, { ctx });
  await api.register(libraryRoutes, { ctx });
  await api.register(documentRoutes, { ctx });
  await api.register(playlistsRoutes, { ctx });
  await api.register(playbackRoutes, { ctx });
  await api.register(adminRoutes, { ctx });
  await api.register(soundlinks, { ctx, runWorker: opts.worker !== false, ownFile: ownMediaFile(ctx) });
  await api.register(sweeper, { ctx });
  await api.register(publicMediaRoutes, { ctx });
  await api.register(grantedMediaRoutes, { ctx });
  await api.register(uploadRoutes, { ctx });
  await api.register(artistRoutes, { ctx });
  await api.register(profileRoutes, { ctx });
  await api.register(releaseRoutes, { ctx });
  await api.register(moneyRoutes, { ctx });

  await app.register(webApp, { webRoot: config.webRoot, allowedMethods });
  // Workers, sweepers and schedules start in their plugins' onReady hooks (listen, inject or ready).

  return {
    app,
    ctx,
    async close() {
      await app.close();
      if (ownsDb) await db.close();
    },
  };
}
