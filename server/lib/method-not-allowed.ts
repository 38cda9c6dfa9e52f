import type { FastifyInstance } from 'fastify';

/**
 * Fastify answers 404 for a known path called with the wrong method; the document wants 405 with an
 * Allow header. Routes are recorded as they are added, and a 404 is checked against them.
 */
export function trackRoutes(app: FastifyInstance): (path: string) => string[] {
  const routes: { re: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (opts) => {
    if (opts.url.includes('*')) return; // catch-alls (the app's static files) say nothing about methods
    const re = new RegExp(
      `^${opts.url
        .split('/')
        .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}/?$`,
    );
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    routes.push({ re, methods: methods.map((m) => m.toUpperCase()) });
  });
  return (path) => {
    const allowed = new Set<string>();
    for (const r of routes) if (r.re.test(path)) r.methods.forEach((m) => allowed.add(m));
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  };
}
