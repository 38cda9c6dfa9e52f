import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

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

/** Addresses a fetch from the server must never reach: loopback, private, link-local and the like. */
export function isForbiddenAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isForbiddenAddress(v6.slice(7));
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  );
}

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
