/**
 * The Tokenly HMAC signed string, shared by the server (to verify) and the browser client (to sign):
 * METHOD \n URL \n PARAMS \n API_TOKEN \n NONCE.
 */
export interface SignedStringParts {
  method: string;
  /** scheme://host[:port]/path, no query string, default port left out */
  url: string;
  /** JSON text of the query (GET) or body (others); "{}" when there is none */
  params: string;
  apiToken: string;
  nonce: string | number;
}

export function buildSignedString(p: SignedStringParts): string {
  return [p.method.toUpperCase(), p.url, p.params, p.apiToken, String(p.nonce)].join('\n');
}

/** The URL part: origin and path of an absolute URL, without query or fragment. */
export function signingUrl(absoluteUrl: string): string {
  const u = new URL(absoluteUrl);
  // URL.origin already drops the scheme's default port.
  return u.origin + u.pathname;
}

/** PARAMS for a GET: the query parameters as a JSON object, "{}" when there are none. */
export function queryParamsJson(search: URLSearchParams): string {
  const obj: Record<string, string> = {};
  for (const [k, v] of search) obj[k] = v;
  return JSON.stringify(obj);
}

export const AUTH_HEADERS = {
  token: 'X-TOKENLY-AUTH-API-TOKEN',
  nonce: 'X-TOKENLY-AUTH-NONCE',
  signature: 'X-TOKENLY-AUTH-SIGNATURE',
} as const;

/** The publisher's validator rejects nonces further than this from its clock. */
export const NONCE_WINDOW_SEC = 300;
