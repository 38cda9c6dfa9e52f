/** What the benchmarks that drive a real server share: their numeric flags and a signed client. */
import crypto from 'node:crypto';
import { buildSignedString } from '@contract/signing.js';

/** `--name N` on the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export type SignedCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Requests signed with the session's HMAC key exactly as the document's curl examples sign them. */
export function signedCaller(origin: string, login: { apiToken: string; apiSecretKey: string }): SignedCall {
  return async function call<T>(method: string, p: string, body?: unknown): Promise<T> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const nonce = Math.floor(Date.now() / 1000);
    const signed = buildSignedString({
      method,
      url: origin + p,
      params: text ?? '{}',
      apiToken: login.apiToken,
      nonce,
    });
    const res = await fetch(origin + p, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-tokenly-auth-api-token': login.apiToken,
        'x-tokenly-auth-nonce': String(nonce),
        'x-tokenly-auth-signature': crypto.createHmac('sha256', login.apiSecretKey).update(signed).digest('base64'),
      },
      ...(text === undefined ? {} : { body: text }),
    });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/**
 * The app's submit of an encoding: the server signs the Soundlinks token, the browser sends
 * {"data": jwt} to the service, and reports the query credential back.
 */
export async function submitEncoding(
  call: SignedCall,
  origin: string,
  job: { id: string; src: string; artist: string },
): Promise<void> {
  const { data } = await call<{ data: string }>('POST', '/api/v1/soundlinks/sign', {
    mtd: 'POST',
    url: '/v3/sl/encoding',
    arg: { src: job.src, artist: job.artist },
  });
  const r = await fetch(`${origin}/v3/sl/encoding`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data }),
  });
  const { query } = (await r.json()) as { query: string };
  await call('POST', `/api/v1/artist/encodings/${job.id}/submitted`, { query });
}
