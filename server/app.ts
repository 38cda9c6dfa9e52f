import fs from 'node:fs';
import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { adminRoutes } from './admin/routes.js';
import type { Config } from './config.js';
import { connect, type Db } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { HttpError } from './lib/errors.js';
import {
  compressAnswers,
  CONNECTION_IDLE_MS,
  REQUEST_TIMEOUT_MS,
  securityHeaders,
  slowClientTimeouts,
} from './lib/http-hardening.js';
import { checkJsonDepth, checkJsonValue, checkParams, withErrorsList } from './lib/json-guard.js';
import { maintenanceProbe } from './lib/settings-repo.js';
import { trackRoutes } from './lib/method-not-allowed.js';
import { serverSecret } from './lib/settings-repo.js';
import { SchemaError, typed, useZod } from './lib/validation.js';
import { createMailer, type Mailer } from './mail.js';
import { grantedMediaRoutes } from './storage/grant-routes.js';
import { catalogPreloads } from './storage/page-preloads.js';
import { publicMediaRoutes } from './storage/media-routes.js';
import { accountRoutes } from './tokenly/account-routes.js';
import { accountSettingsRoutes } from './tokenly/account-settings-routes.js';
import { makeContext, type AppContext } from './tokenly/context.js';
import { listenerRoutes } from './tokenly/listener-routes.js';
import { publicRoutes } from './tokenly/public-routes.js';
import { encodedDir, soundlinksRoutes } from './soundlinks/routes.js';
import { startWorker } from './soundlinks/worker.js';
import { songMedia } from './storage/media-access-repo.js';
import { verifyMediaUrl } from './storage/signed-urls.js';
import { mediaDirs, sweepStale } from './storage/files.js';
import { uploadsDir } from './storage/uploads-repo.js';
import { sweepUploads } from './storage/upload-sweep.js';
import { ownUploadFile, uploadRoutes } from './storage/upload-routes.js';
import { artistRoutes } from './tokenly/artist-routes.js';
import { artistDomainRoutes } from './artist/index.js';
import { moneyRoutes } from './money/index.js';
import { discoveryRoutes } from './tokenly/discovery-routes.js';
import { libraryRoutes } from './tokenly/library-routes.js';
import { playbackRoutes } from './playback/index.js';

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

const API_PREFIXES = ['/api/', '/v3/', '/media/', '/admin/'];
const SPA_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function openDatabase(config: Config): Promise<Db> {
  const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'db') });
  await migrate(db);
  return db;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<BuiltApp> {
  const ownsDb = !opts.db;
  const db = opts.db ?? (await openDatabase(config));
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // Secrets never reach the log: signatures, tokens and cookies are cut out.
            redact: [
              'req.headers["x-tokenly-auth-signature"]',
              'req.headers["x-tokenly-auth-api-token"]',
              'req.headers.authorization',
              'req.headers.cookie',
            ],
          },
    trustProxy: config.trustProxy ? true : ['127.0.0.1', '::1'],
    bodyLimit: 64 * 1024,
    // Stalled clients are closed (uploads extend their socket's idle limit to their own).
    connectionTimeout: opts.connectionIdleMs ?? CONNECTION_IDLE_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  slowClientTimeouts(app);
  securityHeaders(app);
  useZod(app);
  const allowedMethods = trackRoutes(app);

  // Keep the body's raw text: protected requests are signed over it, byte for byte.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    req.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      checkJsonDepth(text);
      parsed = JSON.parse(text);
    } catch (err) {
      if (err instanceof HttpError) return done(err, undefined);
      return done(new HttpError(400, `Malformed JSON body: ${(err as Error).message}`), undefined);
    }
    try {
      checkJsonValue(parsed);
      done(null, parsed);
    } catch (err) {
      done(err as HttpError, undefined);
    }
  });
  // Text the database cannot keep is refused where it comes in, by name (a 4xx, never a 500).
  app.addHook('preValidation', async (req) => {
    checkParams('path', req.params);
    checkParams('query', req.query);
  });
  // The Tokenly Music API's error answers carry `errors` too (the publisher's SDK reads only that).
  app.addHook('onSend', async (req, reply, payload) =>
    reply.statusCode >= 400 && req.url.startsWith('/api/')
      ? withErrorsList(payload, reply.getHeader('content-type'))
      : payload,
  );

  const mailer = opts.mailer ?? createMailer(config.smtpUrl, config.dataDir, (m) => app.log.info(m));
  const ctx = makeContext(db, config, mailer, await serverSecret(db, 'media', config.mediaSecret));

  const inMaintenance = maintenanceProbe(db);
  app.addHook('onRequest', async (req) => {
    // Operator commands stay open: they are how maintenance is switched off again.
    if (!API_PREFIXES.some((p) => req.url.startsWith(p)) || req.url.startsWith('/admin/')) return;
    if (await inMaintenance()) {
      throw new HttpError(503, "We're temporarily offline for maintenance. Please try again later.", {
        'retry-after': '60',
      });
    }
  });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimits.global,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      message: `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} seconds`,
    }),
  });

  await compressAnswers(app);

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      reply.headers(err.headers);
      return reply.code(err.statusCode).send({ message: err.message });
    }
    const e = err as FastifyError;
    if (e instanceof SchemaError || e.validation || e.code === 'FST_ERR_VALIDATION') {
      return reply.code(422).send({ message: e.message });
    }
    if (e.statusCode === 429) return reply.code(429).send({ message: e.message });
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ message: 'The request body is too large' });
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ message: 'Send the body as JSON with Content-Type: application/json' });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ message: e.message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ message: 'We had a problem with our server. Try again later.' });
  });

  const webRoot = config.webRoot && fs.existsSync(path.join(config.webRoot, 'index.html')) ? config.webRoot : undefined;
  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '/';
    const allow = allowedMethods(urlPath);
    if (allow.length > 0 && !allow.includes(req.method)) {
      reply.header('allow', allow.join(', '));
      return reply.code(405).send({ message: `Method ${req.method} is not allowed here; use ${allow.join(', ')}` });
    }
    const isApi = API_PREFIXES.some((p) => urlPath.startsWith(p));
    // Source maps are not served (nor answered with the app's page).
    if (webRoot && !isApi && !urlPath.endsWith('.map') && (req.method === 'GET' || req.method === 'HEAD')) {
      // Client-side routes: every other page path gets the app, which routes (and shows its own 404).
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', SPA_CSP);
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ message: `Not found: ${req.method} ${urlPath}` });
  });

  publicRoutes(app, ctx);
  accountRoutes(app, ctx);
  accountSettingsRoutes(app, ctx);
  listenerRoutes(app, ctx);
  discoveryRoutes(app, ctx);
  libraryRoutes(typed(app), ctx);
  playbackRoutes(typed(app), ctx);
  adminRoutes(app, db, config.dataDir);

  const worker =
    opts.worker !== false && config.soundlinksWorkers > 0
      ? startWorker({
          db,
          outDir: encodedDir(config.dataDir),
          watermarkKey: config.watermarkKey,
          concurrency: config.soundlinksWorkers,
          leaseSec: config.soundlinksLeaseSec,
          log: app.log,
          // A signed download link of this server is read from disk, not fetched over the network.
          // One of ours that is gone (a deleted upload) fails the job: it is never fetched instead.
          ownFile: async (url) => {
            const upload = await ownUploadFile(db, config.dataDir, ctx.mediaSecret, url);
            if (upload) return upload;
            const m = /^\/media\/download\/([0-9a-f-]{36})$/.exec(url.pathname);
            if (!m) return undefined;
            const q = Object.fromEntries(url.searchParams);
            if (!verifyMediaUrl(ctx.mediaSecret, 'download', m[1]!, q).ok) return undefined;
            const file = (await songMedia(db, m[1]!))?.audio_path;
            return file ? path.join(mediaDirs(config.dataDir).audio, path.basename(file)) : 'gone';
          },
        })
      : undefined;
  soundlinksRoutes(app, { db, config, origin: ctx.origin, onQueued: () => worker?.poke() });
  // Half-written files of a crashed run (never served: hidden names), abandoned upload tickets and
  // forgotten verify uploads: not kept forever either. Swept at the start and every 10 minutes.
  const sweep = () =>
    Promise.all([
      sweepStale(encodedDir(config.dataDir), '.tmp'),
      sweepStale(uploadsDir(config.dataDir), '.part'),
      sweepUploads(db, config.dataDir),
    ]).catch((err: unknown) => app.log.warn({ err }, 'sweeping stale files failed'));
  void sweep();
  const sweeper = setInterval(() => void sweep(), 10 * 60_000).unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
  publicMediaRoutes(app, config.dataDir);
  grantedMediaRoutes(app, db, config.dataDir, ctx.mediaSecret);
  uploadRoutes(app, db, config.dataDir, ctx.mediaSecret, config.uploadIdleTimeoutSec * 1000);
  artistRoutes(app, ctx);
  artistDomainRoutes(app, ctx);
  moneyRoutes(app, ctx);

  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build's .br and .gz files, chosen by Accept-Encoding (with Vary); source maps are not served.
      preCompressed: true,
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      setHeaders(reply, file) {
        const rel = path.relative(webRoot, file);
        reply.header(
          'cache-control',
          rel.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        );
      },
    });
    const preloads = catalogPreloads(webRoot);
    app.get('/', (_req, reply) => {
      if (preloads) reply.header('link', preloads);
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', SPA_CSP);
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }

  return {
    app,
    ctx,
    async close() {
      await app.close();
      await worker?.stop();
      if (ownsDb) await db.close();
    },
  };
}
