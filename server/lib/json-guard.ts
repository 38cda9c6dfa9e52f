import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, isClientError } from './errors.js';

/** Deeper bodies are refused before they are parsed or re-serialised (the signature check re-encodes them). */
export const MAX_JSON_DEPTH = 64;

/** Counts nesting outside strings: a body thousands of levels deep is refused without recursion. */
export function checkJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new HttpError(400, `The JSON body is nested more than ${max} levels deep`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored (PostgreSQL text and jsonb refuse both), or undefined. */
export function badText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain control characters or lone surrogates (found NUL, \\u0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain control characters or lone surrogates (found a lone surrogate)';
  return undefined;
}

const where = (path: string) => (path === '' ? 'body' : path);

/**
 * Refuses what the database or the object model cannot keep, naming where it is: NUL characters
 * and lone surrogates in keys or values, and "__proto__" keys (which vanish from a parsed object).
 */
export function checkJsonValue(v: unknown, path = ''): void {
  if (typeof v === 'string') {
    const why = badText(v);
    if (why) throw new HttpError(422, `${where(path)}: text ${why}`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkJsonValue(x, `${path}[${i}]`));
    return;
  }
  if (v && typeof v === 'object') {
    for (const key of Object.keys(v)) {
      const at = path === '' ? key : `${path}.${key}`;
      const why = badText(key);
      if (why) throw new HttpError(422, `${where(path)}: a key ${why}`);
      if (key === '__proto__') throw new HttpError(422, `${where(path)}: the key "__proto__" is reserved`);
      checkJsonValue((v as Record<string, unknown>)[key], at);
    }
  }
}

/** Path and query parameters: the same rule for text (a NUL in /profiles/{username} is a 400, not a 500). */
export function checkParams(part: string, values: unknown): void {
  if (!values || typeof values !== 'object') return;
  for (const [k, v] of Object.entries(values)) {
    for (const s of Array.isArray(v) ? v : [v]) {
      const why = typeof s === 'string' ? badText(s) : undefined;
      if (why) throw new HttpError(400, `${k}: the ${part} parameter ${why}`);
    }
  }
}

/**
 * The publisher's SDK shows the server's words only from an `errors` list: every error answer
 * carries `"errors": [message]` beside `"message"`. (An onSend hook: it sees every error answer.)
 */
export function withErrorsList(payload: unknown, contentType: unknown): unknown {
  if (typeof payload !== 'string' || !String(contentType ?? '').includes('json')) return payload;
  try {
    const body = JSON.parse(payload) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return payload;
    const b = body as Record<string, unknown>;
    if (typeof b.message !== 'string' || 'errors' in b) return payload;
    return JSON.stringify({ ...b, errors: [b.message] });
  } catch {
    return payload;
  }
}

/**
 * JSON bodies kept as their raw text (protected requests are signed over it, byte for byte), with
 * text the database cannot keep refused where it comes in, by name (a 4xx, never a 500); error
 * answers of the Tokenly Music API carry `errors` too (the publisher's SDK reads only that).
 */
export const jsonGuard = fp(async (app: FastifyInstance) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    req.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      checkJsonDepth(text);
      parsed = JSON.parse(text);
    } catch (err) {
      if (isClientError(err)) return done(err, undefined);
      return done(new HttpError(400, `Malformed JSON body: ${(err as Error).message}`), undefined);
    }
    try {
      checkJsonValue(parsed);
      done(null, parsed);
    } catch (err) {
      done(err as HttpError, undefined);
    }
  });
  // Callback-style hooks (they run on every request: no promise each).
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      checkParams('path', req.params);
      checkParams('query', req.query);
    } catch (err) {
      return done(err as HttpError);
    }
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) =>
    done(
      null,
      reply.statusCode >= 400 && req.url.startsWith('/api/')
        ? withErrorsList(payload, reply.getHeader('content-type'))
        : payload,
    ),
  );
});
