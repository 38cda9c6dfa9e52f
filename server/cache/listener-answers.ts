/**
 * The signed listener answers that are asked for again and again (my songs, the balance, a TCA
 * check, a repeated stream authorization), each from the per-user cache where that is safe and in
 * as few statements as possible otherwise. See README.md for what may never come from a cache.
 */
import { mySongListSchema } from '@contract/listener.js';
import type { AppContext } from '../tokenly/context.js';
import { recordGrant } from '../tokenly/history-repo.js';
import { holdingsOf, mySongRows, tcaAnswer, tcaStatus, withDownloadUrls } from '../tokenly/listener-repo.js';
import { authorizeStream, reuseGrant, type Decision, type Grant } from '../tokenly/stream-repo.js';
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
  // The size of what the link serves: the tagged copy (made on first use, then kept).
  const files = await downloadFiles(
    ctx.db,
    ctx.config.dataDir,
    songs.filter((x) => x.downloadUrl).map((x) => x.id),
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

export async function tcaCheck(ctx: Ctx, userId: string, tokens: Record<string, number>) {
  if (!ctx.caches.rightsFromCache) return tcaStatus(ctx.db, userId, tokens);
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
 * database's transaction. A repeat is one statement on PostgreSQL; on the embedded database it may
 * be answered from the grant the database gave this process last, until any change of the user's
 * holdings, balance, grants or history, or of the catalog, drops it.
 */
export async function streamDecision(
  ctx: Ctx,
  userId: string,
  songId: string,
  warn: (err: unknown) => void,
): Promise<Decision> {
  const key = `grant:${songId}`;
  const { users, rightsFromCache } = ctx.caches;
  if (rightsFromCache) {
    const hit = users.peek<ReusableGrant>(userId, key);
    if (hit && hit.until > Date.now()) return { authorized: true, grant: hit.grant, balanceSat: hit.balanceSat };
  } else {
    const reused = await reuseGrant(ctx.db, userId, songId).catch(warn);
    if (reused) return reused;
  }
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
