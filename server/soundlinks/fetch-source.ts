import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isForbiddenAddress } from './address-rules.js';

/** A failure a person can act on; `permanent` ones are not retried. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** The address rule lives in address-rules.ts (ipaddr.js: every notation of an address). */
export { isForbiddenAddress };

/**
 * What an artist is told about any failed fetch of a link, whatever went wrong: the detail
 * (upstream status, connection refused, timeout, refused address) would make the job's message a
 * port-scanning oracle. The detail stays in the server's log.
 */
export const FETCH_FAILED = 'The link could not be fetched';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** the address rule (tests widen it to reach a loopback test server); default isForbiddenAddress */
  forbidden?: (ip: string) => boolean;
}

/** Resolves a host once and checks every address, so that what is checked is what is connected to. */
async function safeAddress(
  host: string,
  forbidden: (ip: string) => boolean,
): Promise<{ address: string; family: number }> {
  const literal = host.replace(/^\[|\]$/g, '');
  const found = net.isIP(literal)
    ? [{ address: literal, family: net.isIP(literal) }]
    : await dns.lookup(host, { all: true }).catch(() => {
        throw new SourceError(`The link's host ${host} cannot be found`, false);
      });
  if (found.length === 0 || found.some((a) => forbidden(a.address))) {
    throw new SourceError('Links to private, loopback or link-local addresses are not allowed', true);
  }
  return found[0]!;
}

function getOnce(url: URL, pinned: { address: string; family: number }, limits: FetchLimits, signal: AbortSignal) {
  return new Promise<{ status: number; location?: string; body?: Buffer }>((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.get(
      url,
      {
        signal,
        headers: { 'user-agent': 'tokenly-soundlinks/1', accept: 'audio/*, */*' },
        // Connect to the address that was checked, never to a second lookup's answer.
        lookup: (_h, _o, cb) => cb(null, pinned.address, pinned.family),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ status, location: res.headers.location });
        }
        if (status !== 200) {
          res.resume();
          return reject(new SourceError(`The link answered HTTP ${status}`, status >= 400 && status < 500));
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > limits.maxBytes) {
          res.destroy();
          return reject(new SourceError(`The file is too large (limit ${Math.round(limits.maxBytes / 1e6)} MB)`, true));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > limits.maxBytes) {
            res.destroy();
            reject(new SourceError(`The file is too large (limit ${Math.round(limits.maxBytes / 1e6)} MB)`, true));
          } else chunks.push(c);
        });
        res.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new SourceError(`The download broke off: ${e.message}`, false)));
      },
    );
    req.on('error', (e) =>
      reject(e instanceof SourceError ? e : new SourceError(`The link cannot be reached: ${e.message}`, false)),
    );
  });
}

/** Downloads a public http(s) link with the SSRF rules, re-checking every redirect. */
export async function fetchPublicSource(src: string, limits: FetchLimits): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = parseHttpUrl(src);
  for (let hop = 0; hop <= (limits.maxRedirects ?? 5); hop++) {
    const pinned = await safeAddress(url.hostname, limits.forbidden ?? isForbiddenAddress);
    const r = await getOnce(url, pinned, limits, signal).catch((e: unknown) => {
      if (signal.aborted) throw new SourceError(`The download took longer than ${limits.timeoutMs / 1000} s`, false);
      throw e;
    });
    if (r.body) return r.body;
    url = parseHttpUrl(new URL(r.location!, url).toString());
  }
  throw new SourceError('The link redirects too many times', true);
}

export function parseHttpUrl(src: string): URL {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new SourceError('src is not a valid URL', true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourceError('src must be an http or https link', true);
  if (url.username || url.password) throw new SourceError('src must not carry a user name or password', true);
  return url;
}
