import type { z } from 'zod';
import { ApiError } from './api-error';
import { noticeActions } from './notices';
import { signRequest } from './signing';

export interface ApiCredentials {
  apiToken: string;
  apiSecretKey: string;
}

/** A signed-in session's credentials and its user's id: what signed queries and mutations take. */
export type SessionAuth = ApiCredentials & { id: string };

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** path under the origin, e.g. /api/v1/music/catalog/albums */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
  /** sign the request with these credentials (protected endpoints) */
  auth?: ApiCredentials | undefined;
  /** a 403 here is an answer about the request (e.g. a wrong current password), not a dead session */
  forbiddenKeepsSession?: boolean;
  /** the caller tells the person about a 429 or 503 itself (and retries): no page-wide notice */
  ownNotice?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** sees the successful response's headers (e.g. the ETag of a conditional write) */
  onHeaders?: ((headers: Headers) => void) | undefined;
}

/**
 * Called when a signed request gets 403: the session is dead and its credentials must go. It gets
 * the credentials the request was signed with, so that a late answer to an old session's request
 * does not end a newer session.
 */
let onAuthRejected: ((rejected: ApiCredentials) => void) | undefined;
export function setAuthRejectedHandler(fn: (rejected: ApiCredentials) => void): void {
  onAuthRejected = fn;
}

export function apiUrl(path: string, query?: Record<string, string | number | undefined>): string {
  const u = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') u.searchParams.set(k, String(v));
  return u.toString();
}

async function errorFrom(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // not JSON: keep the status line
  }
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(res.status, message, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

/** Calls the Tokenly API; the answer is parsed with the contract schema, or an ApiError thrown. */
export async function apiRequest<S extends z.ZodType>(opts: RequestOptions<S>): Promise<z.output<S>> {
  const method = opts.method ?? 'GET';
  const url = apiUrl(opts.path, opts.query);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.auth) {
    Object.assign(
      headers,
      await signRequest({ method, url, body, apiToken: opts.auth.apiToken, secret: opts.auth.apiSecretKey }),
    );
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: opts.signal ?? null });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The server could not be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 403 && opts.auth && !opts.forbiddenKeepsSession) onAuthRejected?.(opts.auth);
    // Queries retry these with backoff; the notice tells the person why the page is waiting.
    if (res.status === 429 && !opts.ownNotice) noticeActions.notify('Too many requests right now: retrying shortly.');
    if (res.status === 503 && !opts.ownNotice)
      noticeActions.notify(`${err.message.replace(/[.!]?$/, '.')} Retrying shortly.`);
    throw err;
  }
  opts.onHeaders?.(res.headers);
  const json: unknown = res.status === 204 ? {} : await res.json();
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) throw new ApiError(502, `The server sent an unexpected answer for ${opts.path}`);
  return parsed.data;
}
