import type { FastifyRequest } from 'fastify';

/** Paths of the APIs and media (everything else is the app's pages). */
export const API_PREFIXES = ['/api/', '/v3/', '/media/', '/admin/'];

/**
 * The origin clients use: the configured PUBLIC_URL, else the scheme and host of the request
 * (forwarded ones when the proxy is trusted). Default ports are dropped, as URL.origin does.
 */
export function requestOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = request.host || 'localhost';
  try {
    return new URL(`${request.protocol}://${host}`).origin;
  } catch {
    return `${request.protocol}://localhost`;
  }
}

/** The path part of the URL the client called, exactly as sent (no query string). */
export function requestPath(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}
