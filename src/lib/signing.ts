import { buildSignedString, signingUrl } from '@contract/signing';

function toBase64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

/** base64(HMAC-SHA256(secret, signed string)) with Web Crypto; the secret never leaves memory. */
export async function hmacSignature(secret: string, message: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toBase64(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
}

export interface SignInput {
  method: string;
  /** the absolute URL the browser will call (its query string is signed as PARAMS for GET) */
  url: string;
  /** the exact body text sent, for non-GET requests */
  body?: string | undefined;
  apiToken: string;
  secret: string;
  nowMs?: number;
}

/** The three Tokenly auth headers for one request. */
export async function signRequest(input: SignInput): Promise<Record<string, string>> {
  const method = input.method.toUpperCase();
  const u = new URL(input.url);
  let params: string;
  if (method === 'GET') {
    const obj: Record<string, string> = {};
    for (const [k, v] of u.searchParams) obj[k] = v;
    params = JSON.stringify(obj);
  } else {
    params = input.body && input.body.length > 0 ? input.body : '{}';
  }
  const nonce = Math.floor((input.nowMs ?? Date.now()) / 1000);
  const message = buildSignedString({ method, url: signingUrl(input.url), params, apiToken: input.apiToken, nonce });
  return {
    'X-TOKENLY-AUTH-API-TOKEN': input.apiToken,
    'X-TOKENLY-AUTH-NONCE': String(nonce),
    'X-TOKENLY-AUTH-SIGNATURE': await hmacSignature(input.secret, message),
  };
}
