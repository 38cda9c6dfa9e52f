import { soundlinksQueryAnswerSchema, type SoundlinksQueryAnswer } from '@contract/encoding.js';
import type { Config } from '../config.js';
import { HttpError } from '../lib/errors.js';
import { signSoundlinksToken } from './jwt.js';

/** The endpoint's origin and base path: SOUNDLINKS_URL may name the origin or end in /v3/sl. */
export function externalUrl(soundlinksUrl: string, apiPath: string): string {
  const base = soundlinksUrl.replace(/\/+$/, '').replace(/\/v3\/sl$/, '');
  return `${base}${apiPath}`;
}

/** Sends {"data": <JWT>} to the external endpoint and answers its status and JSON. */
export async function postExternal(
  config: Config,
  apiPath: string,
  body: unknown,
  timeoutMs = 15_000,
): Promise<{ status: number; json: unknown }> {
  if (!config.soundlinksUrl) throw new Error('SOUNDLINKS_URL is not set');
  let res: Response;
  try {
    res = await fetch(externalUrl(config.soundlinksUrl, apiPath), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new HttpError(502, 'The Soundlinks service cannot be reached right now; try again later');
  }
  const json: unknown = await res
    .json()
    .catch(() => ({ message: `The Soundlinks service answered HTTP ${res.status}` }));
  return { status: res.status, json };
}

/** Asks the external endpoint about one job, signing the request as the app (server side). */
export async function queryExternal(config: Config, query: string, timeoutMs?: number): Promise<SoundlinksQueryAnswer> {
  const data = signSoundlinksToken(config.soundlinksAppId, config.soundlinksAppSecret, 'POST', '/v3/sl/query', {
    query,
  });
  const r = await postExternal(config, '/v3/sl/query', { data }, timeoutMs);
  if (r.status !== 200) {
    const message = (r.json as { message?: unknown }).message;
    throw new HttpError(502, `The Soundlinks service refused the status query: ${String(message ?? r.status)}`);
  }
  const parsed = soundlinksQueryAnswerSchema.safeParse(r.json);
  if (!parsed.success) throw new HttpError(502, 'The Soundlinks service sent an answer this app cannot read');
  return parsed.data;
}
