import type { StreamAuth } from '@contract/listener.js';
import type { Db, Queryable } from '../db/connection.js';
import { gone, HttpError, notFound } from '../lib/errors.js';
import { isUuid } from './catalog-repo.js';
import { accountKey, lockAccount, payForStream, wallet } from '../money/index.js';
import { grantRecorded } from './history-repo.js';
import { sessionIsLive } from './sessions-repo.js';
import { satToFloat } from './format.js';
import { audioWanted } from '../audio/demo/render-queue.js';

/** A paid or unlocked listen lasts this long: pausing, seeking and replaying inside it is free. */
export const GRANT_TTL_SEC = 6 * 3600;

interface SongRights {
  id: string;
  name: string;
  tokens: string[];
  public_streamable: boolean;
  price_sat: number;
  artist_profile_id: string | null;
  markets_catalog: string | null;
  audio_path: string | null;
  removed: boolean;
  public: boolean;
}

/** A token grant rests on its holding: once the token is revoked, the grant is over (reuse and links). */
const TOKEN_STILL_HELD = `(g.auth_type <> 'token' or exists (select 1 from token_holdings h
  where h.user_id = g.user_id and h.token = g.token and h.amount > 0))`;

export interface Grant {
  id: string;
  authType: 'credits' | 'token';
  token: string | null;
  expiresAt: Date;
  chargedSat: number;
}

type GrantRow = { id: string; auth_type: 'credits' | 'token' | 'free'; token: string | null; expires_at: Date };

/** A live grant used again: nothing is charged. */
function reusedGrant(g: GrantRow): Grant {
  return {
    id: g.id,
    authType: g.auth_type === 'token' ? 'token' : 'credits',
    token: g.token,
    expiresAt: g.expires_at,
    chargedSat: 0,
  };
}

export type Decision =
  | { authorized: true; grant: Grant; balanceSat: number }
  | { authorized: false; reason: string; requiredTokens: string[]; balanceSat: number; unlockUrl?: string | null };

/**
 * Decides and records a stream authorization in one transaction, with the user's balance row locked
 * first: concurrent authorizations of one user queue up, so a song is never paid twice, the balance
 * never goes below zero, and a debit never exists without its grant (or a grant without its debit).
 */
export async function authorizeStream(
  db: Db,
  userId: string,
  songId: string,
  opts: { feePercent: number },
): Promise<Decision> {
  if (!isUuid(songId)) throw notFound('Song');
  return db.transaction(async (tx) => {
    let balanceSat = await lockAccount(tx, wallet(userId));

    const s = await tx.query<SongRights>(
      `select s.id, s.name, s.tokens, s.public_streamable, s.price_sat, s.artist_profile_id, s.audio_path,
              (s.removed_at is not null or a.removed_at is not null) as removed,
              (select nullif(p.markets_catalog, '') from artist_profiles p where p.id = s.artist_profile_id) as markets_catalog,
              a.public
         from songs s join albums a on a.id = s.album_id where s.id = $1`,
      [songId],
    );
    const song = s.rows[0];
    if (!song || !song.public) throw notFound('Song');
    if (song.removed) throw gone('This song');
    if (!song.audio_path) {
      audioWanted(song.id); // the demo renders it next
      throw new HttpError(503, 'The audio of this song is still being prepared.', {
        'retry-after': '5',
      });
    }

    const existing = await tx.query<GrantRow>(
      `select id, auth_type, token, expires_at from stream_grants g
        where user_id = $1 and song_id = $2 and expires_at > now() + interval '60 seconds'
          and ${TOKEN_STILL_HELD}
        order by expires_at desc limit 1`,
      [userId, songId],
    );
    const valid = existing.rows[0];
    if (valid) return { authorized: true, grant: reusedGrant(valid), balanceSat };

    const held = await tx.query<{ token: string }>(
      'select token from token_holdings where user_id = $1 and token = any($2::text[]) and amount > 0 order by token limit 1',
      [userId, song.tokens],
    );
    const token = held.rows[0]?.token;
    let entryId: number | null = null;
    let chargedSat = 0;
    if (!token) {
      if (!song.public_streamable) {
        return {
          authorized: false,
          reason: `"${song.name}" is only for holders of ${song.tokens.join(' or ')}`,
          requiredTokens: song.tokens,
          balanceSat,
          unlockUrl: song.markets_catalog
            ? `https://tokenmarkets.com/catalog/${encodeURIComponent(song.markets_catalog)}`
            : null,
        };
      }
      if (song.price_sat > 0) {
        if (balanceSat < song.price_sat) {
          return {
            authorized: false,
            reason: `Not enough credits: "${song.name}" costs ${satToFloat(song.price_sat)} and your balance is ${satToFloat(balanceSat)}`,
            requiredTokens: song.tokens,
            balanceSat,
          };
        }
        // The debit and its credits to the artist and the platform, in the grant's transaction.
        const paid = await payForStream(tx, {
          userId,
          songId,
          songName: song.name,
          priceSat: song.price_sat,
          artistProfileId: song.artist_profile_id,
          feePercent: opts.feePercent,
        });
        entryId = paid.entryId;
        balanceSat = paid.balanceSat;
        chargedSat = song.price_sat;
      }
    }
    const g = await tx.query<{ id: string; expires_at: Date }>(
      `insert into stream_grants (user_id, song_id, auth_type, token, entry_id, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) returning id, expires_at`,
      [userId, songId, token ? 'token' : entryId ? 'credits' : 'free', token ?? null, entryId, GRANT_TTL_SEC],
    );
    const grant: Grant = {
      id: g.rows[0]!.id,
      authType: token ? 'token' : 'credits',
      token: token ?? null,
      expiresAt: g.rows[0]!.expires_at,
      chargedSat,
    };
    return { authorized: true, grant, balanceSat };
  });
}

/** A repeated authorization asked: by whom, of which song, with which session. */
export interface ReuseAsk {
  userId: string;
  songId: string;
  apiToken: string;
}

/**
 * Repeats of authorizations, many in one statement and without a lock: for each ask, a live grant
 * of a song that may still be streamed (its token still held), asked with a session that is still
 * live, the listen recorded as `recordGrant` does, and the balance. Nothing is paid here, so
 * nothing needs the balance row's lock; anything else (no live grant, a song gone or hidden, a
 * session ended) answers undefined and goes through `authorizeStream` after the session is read
 * again.
 */
export async function reuseGrants(
  db: Queryable,
  asks: ReuseAsk[],
  idleDays: number,
): Promise<(Decision | undefined)[]> {
  const valid = asks.filter((a) => isUuid(a.songId) && isUuid(a.userId));
  if (valid.length === 0) return asks.map(() => undefined);
  const r = await db.query<
    GrantRow & { user_id: string; song_id: string; api_token: string; balance_sat: number | null }
  >(
    `with q as (
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as q(user_id, song_id, api_token, wallet)),
     g as (
       select distinct on (q.user_id, q.song_id, q.api_token)
              q.api_token, q.wallet, g.user_id, g.song_id, g.id, g.auth_type, g.token, g.expires_at
         from q join stream_grants g on g.user_id = q.user_id and g.song_id = q.song_id
         join songs s on s.id = g.song_id join albums a on a.id = s.album_id
        where g.expires_at > now() + interval '60 seconds'
          and ${TOKEN_STILL_HELD} and a.public and s.removed_at is null and a.removed_at is null
          and s.audio_path is not null
          and ${sessionIsLive('q.api_token', 'q.user_id', '$5')}
        order by q.user_id, q.song_id, q.api_token, g.expires_at desc),
     h as (insert into listening_history (user_id, song_id, source)
           select distinct g.user_id, g.song_id, 'grant' from g
            where not ${grantRecorded('g.user_id', 'g.song_id')} returning 1)
     select g.*, (select balance_sat from ledger_accounts where key = g.wallet) as balance_sat from g`,
    [
      valid.map((a) => a.userId),
      valid.map((a) => a.songId),
      valid.map((a) => a.apiToken),
      valid.map((a) => accountKey(wallet(a.userId))),
      idleDays,
    ],
    { prepare: 'reuse-grants' },
  );
  const key = (user: string, song: string, token: string) => `${user.toLowerCase()} ${song.toLowerCase()} ${token}`;
  const found = new Map(r.rows.map((row) => [key(row.user_id, row.song_id, row.api_token), row]));
  return asks.map((a) => {
    const row = found.get(key(a.userId, a.songId, a.apiToken));
    if (!row) return undefined;
    return { authorized: true, grant: reusedGrant(row), balanceSat: row.balance_sat ?? 0 } as const;
  });
}

export function toStreamAuth(d: Decision, streamUrl: string | null): StreamAuth {
  const base = { balanceFloat: satToFloat(d.balanceSat), balanceSat: d.balanceSat };
  if (!d.authorized) {
    return {
      ...base,
      authorized: false,
      authType: null,
      token: null,
      streamUrl: null,
      expiresAt: null,
      chargedSat: 0,
      reason: d.reason,
      requiredTokens: d.requiredTokens,
      unlockUrl: d.unlockUrl ?? null,
    };
  }
  return {
    ...base,
    authorized: true,
    authType: d.grant.authType,
    token: d.grant.token,
    streamUrl,
    expiresAt: new Date(d.grant.expiresAt).toISOString(),
    chargedSat: d.grant.chargedSat,
    reason: null,
    requiredTokens: [],
  };
}

/** Is there a live grant for this user and song? (The stream route checks before serving.) */
export async function hasLiveGrant(db: Db, userId: string, songId: string): Promise<boolean> {
  const r = await db.query(
    `select 1 from stream_grants g where user_id = $1 and song_id = $2 and expires_at > now() and ${TOKEN_STILL_HELD} limit 1`,
    [userId, songId],
  );
  return r.rows.length > 0;
}
