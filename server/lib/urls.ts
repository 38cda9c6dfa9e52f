import type { FastifyRequest } from 'fastify';

/** Paths of the APIs and media (everything else is the app's pages). */
export const API_PREFIXES = ['/api/', '/v3/', '/media/', '/admin/'];

/**
 * The origin clients use: the configured PUBLIC_URL, else the scheme and host of the request
 * (forwarded ones when the proxy is trusted). Default ports are dropped, as URL.origin does.
 */
export function requestOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return originOf(publicUrl, publicUrl);
  const host = request.host || 'localhost';
  const protocol = request.protocol;
  return originOf(`${protocol}://${host}`, `${protocol}://localhost`);
}

/** Parsed origins, kept (signed requests ask on every request; few distinct hosts are ever seen). */
const origins = new Map<string, string>();
function originOf(url: string, fallback: string): string {
  let origin = origins.get(url);
  if (origin !== undefined) return origin;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = fallback;
  }
  // A Host header is the client's choice: the map is bounded, not a store of every value sent.
  if (origins.size >= 1000) origins.clear();
  origins.set(url, origin);
  return origin;
}

/** The path part of the URL the client called, exactly as sent (no query string). */
export function requestPath(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}
