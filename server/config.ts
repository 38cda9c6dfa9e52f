import path from 'node:path';

export interface RateLimits {
  /** requests per minute per client on the whole API */
  global: number;
  /** requests per minute per client on login, register and password reset */
  auth: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PUBLIC_URL as configured: the origin clients sign requests for behind a proxy (unset: the URL they called) */
  publicUrl: string | undefined;
  /**
   * The origin users reach: PUBLIC_URL, else http://HOST:PORT. Mail links and every absolute URL the
   * server makes come from it, never from a request's Host or X-Forwarded-Host (mutable: a test
   * server listening on a random port sets it once it knows the port).
   */
  publicOrigin: string;
  soundlinksUrl: string | undefined;
  soundlinksAppId: string;
  soundlinksAppSecret: string;
  smtpUrl: string | undefined;
  /** undefined: seed only when the data directory is fresh */
  seedDemo: boolean | undefined;
  production: boolean;
  /** secret for signed media URLs and the watermark key derivation */
  mediaSecret: string | undefined;
  rateLimits: RateLimits;
  trustProxy: boolean;
  logLevel: string;
  /** where the built single-page app lives; undefined: do not serve it */
  webRoot: string | undefined;
  /** secret key of the Soundlinks mark */
  watermarkKey: string;
  /** encoding jobs run at once by this server (0: this server runs none) */
  soundlinksWorkers: number;
  /** how long a worker's claim on a job lasts without a heartbeat (a crashed worker's job waits this long) */
  soundlinksLeaseSec: number;
  /** an upload whose bytes stop arriving for this long is dropped (a stalled client holds a connection and a file) */
  uploadIdleTimeoutSec: number;
  /** bytes an artist may keep in uploads (stored files and the announced sizes of open tickets) */
  uploadQuotaBytes: number;
  /** upload tickets an artist may hold open (created, bytes not yet received, not yet expired) */
  uploadMaxOpenTickets: number;
  /** an API session unused this many days is over */
  sessionIdleDays: number;
  /** who may create an artist profile from the app */
  artistSignup: 'open' | 'invite' | 'off';
  /** a released song's price per stream, in sat: the editor's default and the bounds the server enforces */
  songPrice: { defaultSat: number; minSat: number; maxSat: number };
  /** the platform's share of each paid listen, in percent (the artist gets the rest) */
  platformFeePercent: number;
  /** sat a new account starts with, from issuance */
  welcomeCreditsSat: number;
  /** a payment link (Stripe) that sells credits; undefined: no "Buy credits" */
  creditsCheckoutUrl: string | undefined;
  /** the signing secret of the payment provider's webhook; undefined: the webhook is refused */
  stripeWebhookSecret: string | undefined;
  /** sat credited per unit of the paid currency (amount_total / 100) */
  creditsPerUnitSat: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEMO_SOUNDLINKS_APP_ID = 'demo-app';
const DEMO_SOUNDLINKS_APP_SECRET = 'demo-soundlinks-secret-change-me';
// The mark CLI's default too, so that `npm run mark -- detect` reads the demo server's files.
export const DEMO_WATERMARK_KEY = 'tokenly-demo-watermark-key';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Credits as a decimal (at most 8 decimals) to sat, exactly. */
function credits(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d{1,9})(?:\.(\d{1,8}))?$/.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must be a number of credits (at most 8 decimals), got "${raw}"`);
  return Number(m[1]) * 1e8 + Number((m[2] ?? '').padEnd(8, '0'));
}

function songPrice(env: NodeJS.ProcessEnv): Config['songPrice'] {
  const p = {
    defaultSat: credits(env, 'SONG_PRICE_DEFAULT', 1e8),
    minSat: credits(env, 'SONG_PRICE_MIN', 0),
    maxSat: credits(env, 'SONG_PRICE_MAX', 100e8),
  };
  if (p.minSat > p.maxSat) throw new ConfigError('SONG_PRICE_MIN must not be above SONG_PRICE_MAX');
  if (p.defaultSat < p.minSat || p.defaultSat > p.maxSat)
    throw new ConfigError('SONG_PRICE_DEFAULT must be between SONG_PRICE_MIN and SONG_PRICE_MAX');
  return p;
}

/** Reads the environment of RUNTIME.md; every mistake is reported by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const seed = env.SEED_DEMO;
  if (seed !== undefined && seed !== '' && seed !== '0' && seed !== '1') {
    throw new ConfigError(`SEED_DEMO must be 0 or 1, got "${seed}"`);
  }
  const appId = env.SOUNDLINKS_APP_ID || DEMO_SOUNDLINKS_APP_ID;
  const appSecret = env.SOUNDLINKS_APP_SECRET || DEMO_SOUNDLINKS_APP_SECRET;
  if (production && appSecret === DEMO_SOUNDLINKS_APP_SECRET) {
    throw new ConfigError('SOUNDLINKS_APP_SECRET must be set in production (the demo secret is refused)');
  }
  if (appSecret.length < 16) throw new ConfigError('SOUNDLINKS_APP_SECRET must be at least 16 characters');
  const watermarkKey = env.WATERMARK_KEY || DEMO_WATERMARK_KEY;
  if (production && watermarkKey === DEMO_WATERMARK_KEY) {
    throw new ConfigError('WATERMARK_KEY must be set in production (the demo key is refused)');
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']);
  if (production && !publicUrl) {
    throw new ConfigError(
      'PUBLIC_URL must be set in production (the origin users reach, e.g. https://music.example.org): mail links are built from it',
    );
  }
  const port = int(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const artistSignup = env.ARTIST_SIGNUP || 'open';
  if (artistSignup !== 'open' && artistSignup !== 'invite' && artistSignup !== 'off') {
    throw new ConfigError(`ARTIST_SIGNUP must be open, invite or off, got "${artistSignup}"`);
  }
  return {
    port,
    host,
    publicOrigin: publicUrl
      ? new URL(publicUrl).origin
      : new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    soundlinksUrl: url(env, 'SOUNDLINKS_URL', ['http:', 'https:']),
    soundlinksAppId: appId,
    soundlinksAppSecret: appSecret,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    seedDemo: seed === '1' ? true : seed === '0' ? false : undefined,
    production,
    mediaSecret: env.MEDIA_SECRET || undefined,
    rateLimits: {
      global: int(env, 'RATE_LIMIT_PER_MIN', 1200, 1, 10_000_000),
      auth: int(env, 'AUTH_RATE_LIMIT_PER_MIN', 20, 1, 10_000_000),
    },
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
    webRoot: env.WEB_ROOT === '' ? undefined : path.resolve(env.WEB_ROOT || './dist'),
    watermarkKey,
    soundlinksWorkers: int(env, 'SOUNDLINKS_WORKERS', 1, 0, 16),
    soundlinksLeaseSec: int(env, 'SOUNDLINKS_LEASE_SEC', 60, 3, 3600),
    uploadIdleTimeoutSec: int(env, 'UPLOAD_IDLE_TIMEOUT_SEC', 60, 1, 3600),
    uploadQuotaBytes: int(env, 'UPLOAD_QUOTA_MB', 2048, 1, 10_000_000) * 1024 * 1024,
    uploadMaxOpenTickets: int(env, 'UPLOAD_MAX_OPEN_TICKETS', 20, 1, 10_000),
    sessionIdleDays: int(env, 'SESSION_IDLE_DAYS', 30, 1, 3650),
    artistSignup,
    songPrice: songPrice(env),
    platformFeePercent: int(env, 'PLATFORM_FEE_PERCENT', 10, 0, 100),
    welcomeCreditsSat: credits(env, 'WELCOME_CREDITS', 10e8),
    creditsCheckoutUrl: url(env, 'CREDITS_CHECKOUT_URL', ['https:', 'http:']),
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    creditsPerUnitSat: credits(env, 'CREDITS_PER_UNIT', 1e8),
  };
}
