import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { buildSignedString, NONCE_WINDOW_SEC, queryParamsJson } from '@contract/signing.js';
import type { Queryable } from '../db/connection.js';
import { forbidden } from '../lib/errors.js';
import { requestOrigin, requestPath } from '../lib/urls.js';
import { phpJsonForceObject } from './php-json.js';
import { liveSession, touchSession, type SessionRow } from './sessions-repo.js';

export interface AuthUser {
  id: string;
  username: string;
  email: string;
  apiToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the raw JSON text of the body, as sent (it is what the client signed) */
    rawBody?: string;
    /** set by the HMAC check on protected routes */
    user?: AuthUser;
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The PARAMS texts a client may have signed: the body as sent, its compact form, or "{}"; made one
 * at a time, so that the usual case (the body as sent) costs one HMAC and no re-encoding.
 */
export function* candidateParams(request: FastifyRequest): Generator<string> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') {
    const q = request.url.indexOf('?');
    const asJson = q === -1 ? '{}' : queryParamsJson(new URLSearchParams(request.url.slice(q + 1)));
    yield asJson;
    // PHP's json_encode of an empty array is "[]": accept it too, as the publisher's SDK sends it.
    if (asJson === '{}') yield '[]';
    return;
  }
  const raw = request.rawBody;
  if (raw === undefined || raw.trim() === '') {
    yield* ['{}', '[]'];
    return;
  }
  yield raw;
  if (request.body === undefined) return;
  // The body's depth was checked before it was parsed: re-encoding it cannot overflow the stack.
  const compact = JSON.stringify(request.body);
  if (compact !== raw) yield compact;
  // The publisher's PHP SDK signs json_encode($params, JSON_UNESCAPED_SLASHES | JSON_FORCE_OBJECT).
  const php = phpJsonForceObject(request.body);
  if (php !== raw && php !== compact) yield php;
}

function sign(secret: string, message: string): Buffer {
  return crypto.createHmac('sha256', secret).update(message, 'utf8').digest();
}

/**
 * Sessions looked up in the last moments, so that a burst of signed requests costs one query.
 * Logout and password reset on this server forget the user's sessions at once; another server on
 * the same database is told through the database's change notifications (server/cache/), and
 * notices within the ttl at worst. `fresh` lookups (what may spend or change something on
 * PostgreSQL, see context.ts) always read the database.
 */
export class SessionCache {
  private readonly map = new Map<string, { row: SessionRow; at: number }>();
  /** `idleDays`: a session unused this long is over (SESSION_IDLE_DAYS) */
  constructor(
    private readonly ttlMs = 2000,
    private readonly idleDays = 30,
  ) {}

  async lookup(db: Queryable, token: string, fresh = false): Promise<SessionRow | undefined> {
    const hit = this.map.get(token);
    if (!fresh && hit && Date.now() - hit.at < this.ttlMs) return hit.row;
    const row = await liveSession(db, token, this.idleDays);
    if (row) {
      // The statement said whether the last use is over an hour old: most lookups are one round trip.
      if (row.touch_due !== false) void touchSession(db, token).catch(() => undefined);
      if (this.map.size > 10_000) this.map.clear();
      this.map.set(token, { row, at: Date.now() });
    } else this.map.delete(token);
    return row;
  }

  forgetUser(userId: string): void {
    for (const [token, v] of this.map) if (v.row.user_id === userId) this.map.delete(token);
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Verifies the Tokenly HMAC headers of a request and returns its user; throws 403 otherwise.
 * Repeated identical signatures are accepted (honest clients send them within one second);
 * what spends something guards against replays itself.
 */
export async function verifyHmac(
  db: Queryable,
  request: FastifyRequest,
  publicUrl: string | undefined,
  sessions: SessionCache,
  now = Date.now(),
  fresh = false,
): Promise<AuthUser> {
  const token = header(request, 'x-tokenly-auth-api-token');
  const nonce = header(request, 'x-tokenly-auth-nonce');
  const signature = header(request, 'x-tokenly-auth-signature');
  if (!token || !nonce || !signature) {
    throw forbidden(
      'Missing authentication headers: X-TOKENLY-AUTH-API-TOKEN, X-TOKENLY-AUTH-NONCE and X-TOKENLY-AUTH-SIGNATURE are required',
    );
  }
  if (!/^\d{1,12}$/.test(nonce.trim())) throw forbidden('The nonce must be the Unix time in seconds');
  if (Math.abs(Number(nonce.trim()) - Math.floor(now / 1000)) > NONCE_WINDOW_SEC) {
    throw forbidden(`The nonce is more than ${NONCE_WINDOW_SEC} seconds away from the server's clock`);
  }
  let given: Buffer;
  try {
    given = Buffer.from(signature.trim(), 'base64');
  } catch {
    throw forbidden('The signature is not valid base64');
  }
  const session = await sessions.lookup(db, token.trim(), fresh);
  // An unknown token still costs an HMAC, so that timing does not tell tokens apart.
  const secret = session?.secret_key ?? 'K-no-such-session';
  const url = requestOrigin(request, publicUrl) + requestPath(request);
  let ok = false;
  // Stops at the first match: how many candidates were tried says only which form the client signed.
  for (const params of candidateParams(request)) {
    const expected = sign(
      secret,
      buildSignedString({ method: request.method, url, params, apiToken: token.trim(), nonce: nonce.trim() }),
    );
    ok = expected.length === given.length && crypto.timingSafeEqual(expected, given);
    if (ok) break;
  }
  if (!session) throw forbidden('Unknown or expired API token: log in again');
  if (!ok) throw forbidden('Invalid signature');
  return { id: session.user_id, username: session.username, email: session.email, apiToken: token.trim() };
}
