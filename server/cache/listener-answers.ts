/**
 * The signed listener answers that are asked for again and again (my songs, the balance, a TCA
 * check, a repeated stream authorization), each from the per-user cache where that is safe and in
 * as few statements as possible otherwise. See README.md for what may never come from a cache.
 */
import { mySongListSchema } from '@contract/listener.js';
import { Batcher } from '../db/batch.js';
import { forbidden } from '../lib/errors.js';
import type { AppContext } from '../tokenly/context.js';
import { recordGrant } from '../tokenly/history-repo.js';
import { holdingsOf, holdingsOfSessions, mySongRows, tcaAnswer, withDownloadUrls } from '../tokenly/listener-repo.js';
import { authorizeStream, reuseGrants, type Decision, type Grant, type ReuseAsk } from '../tokenly/stream-repo.js';
import { balanceOf, wallet } from '../money/index.js';
import { downloadFiles } from '../storage/download-tags.js';

type Ctx = Pick<AppContext, 'db' | 'caches' | 'config'>;

/**
 * My songs as the answer's JSON (checked against the contract's schema). The rows are cached; the
 * text is kept while its links' expiry (a whole second) and origin stay the same.
 */
export async function mySongsJson(
  ctx: Ctx,
  userId: string,
  link: { origin: string; exp: number; sign: (songId: string) => string },
): Promise<string> {
  const { users } = ctx.caches;
  const key = `${link.origin} ${link.exp}`;
  const text = users.peek<{ key: string; body: string }>(userId, 'mysongs-json');
  if (text?.key === key) return text.body;
  const gen = users.mark(userId);
  const rows = await users.get(userId, 'mysongs', () => mySongRows(ctx.db, userId));
  const songs = withDownloadUrls(rows, link.sign);
  // The size of what the link serves: the tagged copy (made on first use, then kept). Cached with
  // the rows (a song's change drops both), not looked up again each second the links change.
  const files = await users.get(userId, 'mysongs-files', () =>
    downloadFiles(
      ctx.db,
      ctx.config.dataDir,
      songs.filter((x) => x.downloadUrl).map((x) => x.id),
    ),
  );
  for (const song of songs) if (song.downloadUrl) song.downloadSize = files.get(song.id)?.size ?? 0;
  const body = JSON.stringify(mySongListSchema.parse(songs));
  users.setIfUnchanged(userId, 'mysongs-json', { key, body }, gen);
  return body;
}

/** The balance to show (`refresh` reads the database). A debit never reads this: it locks the row. */
export async function cachedBalance(ctx: Ctx, userId: string, refresh = false): Promise<number> {
  const load = () => balanceOf(ctx.db, wallet(userId));
  if (refresh) return load();
  return ctx.caches.users.get(userId, 'balance', load);
}

type Session = { userId: string; apiToken: string };

/**
 * The questions of rights that many requests ask at once on PostgreSQL, each batch one statement
 * (db/batch.ts): read from the database after they were asked, never from a cache.
 */
function batchersOf(ctx: Ctx) {
  let b = batchers.get(ctx.caches);
  if (!b) {
    const days = ctx.config.sessionIdleDays;
    b = {
      holdings: new Batcher((asks: Session[]) => holdingsOfSessions(ctx.db, asks, days)),
      reuse: new Batcher((asks: ReuseAsk[]) => reuseGrants(ctx.db, asks, days)),
    };
    batchers.set(ctx.caches, b);
  }
  return b;
}
const batchers = new WeakMap<
  Ctx['caches'],
  {
    holdings: Batcher<Session, { live: boolean; held: Map<string, number> }>;
    reuse: Batcher<ReuseAsk, Decision | undefined>;
  }
>();

/**
 * A TCA check. On PostgreSQL the holdings and the session are read from the database with the
 * question (a revocation or a logout on another server is honoured at once); on the embedded
 * database the holdings this process read last answer until a change of them drops them.
 */
export async function tcaCheck(ctx: Ctx, session: Session, tokens: Record<string, number>) {
  const { userId } = session;
  if (!ctx.caches.rightsFromCache) {
    const { live, held } = await batchersOf(ctx).holdings.get(session);
    if (!live) throw forbidden('Unknown or expired API token: log in again');
    return tcaAnswer(held, tokens);
  }
  const held = await ctx.caches.users.get(userId, 'holdings', () => holdingsOf(ctx.db, userId));
  return tcaAnswer(held, tokens);
}

interface ReusableGrant {
  grant: Grant;
  balanceSat: number;
  /** until when the answer is the one the database would give (grant still live, listen recorded) */
  until: number;
}

const GRANT_MARGIN_MS = 60_000;
const LISTEN_MS = 10 * 60_000;

/**
 * A stream authorization. A first one (no live grant), and any that would charge, always run in the
 * database's transaction, after `session.confirm()` read the session from the database. A repeat
 * is one statement on PostgreSQL (which checks the session too, shared by the repeats asked at the
 * same moment); on the embedded database it may
 * be answered from the grant the database gave this process last, until any change of the user's
 * holdings, balance, grants, history or sessions, or of the catalog, drops it.
 */
export async function streamDecision(
  ctx: Ctx,
  userId: string,
  songId: string,
  session: { apiToken: string; confirm: () => Promise<void> },
  warn: (err: unknown) => void,
): Promise<Decision> {
  const key = `grant:${songId}`;
  const { users, rightsFromCache } = ctx.caches;
  if (rightsFromCache) {
    const hit = users.peek<ReusableGrant>(userId, key);
    if (hit && hit.until > Date.now()) return { authorized: true, grant: hit.grant, balanceSat: hit.balanceSat };
  } else {
    const reused = await batchersOf(ctx).reuse.get({ userId, songId, apiToken: session.apiToken }).catch(warn);
    if (reused) return reused;
  }
  await session.confirm();
  const gen = users.mark(userId);
  const at = Date.now();
  const d = await authorizeStream(ctx.db, userId, songId, { feePercent: ctx.config.platformFeePercent });
  if (!d.authorized) return d;
  // The listening history; a failure to write it never stands between a listener and the song.
  await recordGrant(ctx.db, userId, songId).catch(warn);
  if (rightsFromCache && d.grant.chargedSat === 0) {
    const until = Math.min(new Date(d.grant.expiresAt).getTime() - GRANT_MARGIN_MS, at + LISTEN_MS);
    users.setIfUnchanged(userId, key, { grant: d.grant, balanceSat: d.balanceSat, until }, gen, at);
  }
  return d;
}
