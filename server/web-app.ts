import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { API_PREFIXES } from './lib/urls.js';
import { catalogPreloads } from './storage/page-preloads.js';

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

/**
 * The built app and what no route answers: a known path with the wrong method is a 405 with Allow,
 * every other page path gets the app's page (it routes, and shows its own 404), an API path a 404.
 * At the root (fastify-plugin): the not-found handler and `reply.sendFile` are the whole server's.
 */
export const webApp = fp(
  async (app: FastifyInstance, opts: { webRoot: string | undefined; allowedMethods: (path: string) => string[] }) => {
    const webRoot = opts.webRoot && fs.existsSync(path.join(opts.webRoot, 'index.html')) ? opts.webRoot : undefined;
    app.setNotFoundHandler((req, reply) => {
      const urlPath = req.url.split('?')[0] ?? '/';
      const allow = opts.allowedMethods(urlPath);
      if (allow.length > 0 && !allow.includes(req.method)) {
        reply.header('allow', allow.join(', '));
        return reply.code(405).send({ message: `Method ${req.method} is not allowed here; use ${allow.join(', ')}` });
      }
      const isApi = API_PREFIXES.some((p) => urlPath.startsWith(p));
      // Source maps are not served (nor answered with the app's page).
      if (webRoot && !isApi && !urlPath.endsWith('.map') && (req.method === 'GET' || req.method === 'HEAD')) {
        reply.header('cache-control', 'no-cache');
        reply.header('content-security-policy', SPA_CSP);
        return reply.type('text/html; charset=utf-8').sendFile('index.html');
      }
      return reply.code(404).send({ message: `Not found: ${req.method} ${urlPath}` });
    });
    if (!webRoot) return;

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
  },
);
