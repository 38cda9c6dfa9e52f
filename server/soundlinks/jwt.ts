import jwt from 'jsonwebtoken';
import { HttpError } from '../lib/errors.js';

/** How far `iat` may be from the server's clock, either way. */
export const IAT_WINDOW_SEC = 300;

export interface SoundlinksClaims {
  iss: string;
  iat: number;
  mtd: string;
  url: string;
  arg: Record<string, unknown>;
}

/**
 * Verifies a Soundlinks request token: HS256 only (no `none`, no algorithm switching), signed with
 * the secret of the app named by `iss`, issued within the window, and made for this method and path
 * (so that a token cannot be replayed against another endpoint).
 */
export function verifySoundlinksToken(
  token: unknown,
  secretOf: (appId: string) => string | undefined,
  expect: { method: string; path: string },
  nowSec = Math.floor(Date.now() / 1000),
): SoundlinksClaims {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new HttpError(401, 'The body must be {"data": <JWT>} with a signed JWT');
  }
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') throw new HttpError(401, 'The JWT cannot be read');
  if (decoded.header.alg !== 'HS256')
    throw new HttpError(401, `The JWT must be signed with HS256, not ${decoded.header.alg}`);
  const iss = decoded.payload.iss;
  const secret = typeof iss === 'string' ? secretOf(iss) : undefined;
  if (!secret) throw new HttpError(401, 'Unknown app: iss must be your APP_ID');
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'], ignoreExpiration: false }) as jwt.JwtPayload;
  } catch {
    throw new HttpError(401, 'The JWT signature does not match the APP_SECRET of this app');
  }
  if (typeof claims.iat !== 'number' || Math.abs(claims.iat - nowSec) > IAT_WINDOW_SEC) {
    throw new HttpError(403, `The JWT's iat must be within ${IAT_WINDOW_SEC} seconds of the current time`);
  }
  if (typeof claims.mtd !== 'string' || claims.mtd !== expect.method) {
    throw new HttpError(403, `This JWT was made for method ${String(claims.mtd)}, not ${expect.method}`);
  }
  if (typeof claims.url !== 'string' || claims.url !== expect.path) {
    throw new HttpError(403, `This JWT was made for ${String(claims.url)}, not ${expect.path}`);
  }
  const arg = claims.arg ?? {};
  if (typeof arg !== 'object' || Array.isArray(arg)) throw new HttpError(422, 'arg must be an object of parameters');
  return { iss: iss as string, iat: claims.iat, mtd: claims.mtd, url: claims.url, arg: arg as Record<string, unknown> };
}

/** Signs a request token the way the document's Node example does (used by the app's server side). */
export function signSoundlinksToken(appId: string, secret: string, method: string, path: string, arg: object): string {
  return jwt.sign({ iss: appId, iat: Math.floor(Date.now() / 1000), mtd: method, url: path, arg }, secret, {
    algorithm: 'HS256',
  });
}
