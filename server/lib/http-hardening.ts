import zlib from 'node:zlib';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A client that stops sending (headers, or a body) is dropped after this long quiet (uploads set their own). */
export const CONNECTION_IDLE_MS = 30_000;
/** The whole request must have arrived by then (an upload may take 30 minutes, so this is the outer bound). */
export const REQUEST_TIMEOUT_MS = 31 * 60_000;
/** Headers must be complete this soon after a connection starts a request. */
export const HEADERS_TIMEOUT_MS = 15_000;

/**
 * Headers on every answer: no MIME sniffing, no referrer beyond this origin (signed media links
 * are credentials), and HSTS when the request came over HTTPS (directly or via a trusted proxy).
 */
export function securityHeaders(app: FastifyInstance): void {
  // Callback style, not async: this runs on every answer, and a promise per answer is measurable.
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    done(null, payload);
  });
}

/** JSON (and other text) answers above 1 KB are compressed for clients that ask (brotli at a cheap level, or gzip). */
export async function compressAnswers(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    // Audio and images are compressed already; static files of the build are served precompressed.
    customTypes: /^(application\/json|text\/)/,
  });
}

/** Stalled clients are closed: idle sockets, slow headers, never-ending requests. */
export function slowClientTimeouts(app: FastifyInstance): void {
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
}

/** Stalled clients closed and the security headers on every answer (at the root: fastify-plugin). */
export const hardening = fp(async (app: FastifyInstance) => {
  slowClientTimeouts(app);
  securityHeaders(app);
});

/** A global rate limit per client; a route may set a stricter one in `config.rateLimit`. */
export const rateLimits = fp(async (app: FastifyInstance, opts: { maxPerMinute: number }) => {
  await app.register(rateLimit, {
    global: true,
    max: opts.maxPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      message: `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} seconds`,
    }),
  });
});

/** Compression last: its onSend hook sees the final answer. */
export const compression = fp(compressAnswers);
