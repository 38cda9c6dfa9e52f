import type { Home, PlayEvent } from '@contract/listener-app.js';
import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import {
  ALBUM_COLUMNS,
  LIBRARY_COLUMNS,
  toAlbum,
  toLibrarySong,
  type AlbumRow,
  type LibrarySongRow,
} from './catalog-repo.js';
import { VISIBLE } from './search-repo.js';

/** A grant and the play event that follows it are one listen when they are this close. */
export const SAME_LISTEN = "interval '10 minutes'";
/** Whether a 'grant' row of this user and song (SQL expressions) already stands for the current listen. */
export const grantRecorded = (user: string, song: string) =>
  `exists (select 1 from listening_history l where l.user_id = ${user} and l.song_id = ${song} and l.source = 'grant'
          and l.played_at > now() - ${SAME_LISTEN})`;
/** `grantRecorded` of this user ($1) and song ($2). */
export const GRANT_RECORDED = grantRecorded('$1', '$2');

/**
 * A stream authorization is the server's own evidence of a listen: it is written even when the
 * client never sends a play event (another client of the API). Authorizing again before playing
 * (a reload) does not add a second row.
 */
export async function recordGrant(db: Queryable, userId: string, songId: string): Promise<void> {
  await db.query(
    `insert into listening_history (user_id, song_id, source)
     select $1, $2, 'grant' where not ${GRANT_RECORDED}`,
    [userId, songId],
  );
}

/**
 * The player's play event: it confirms the listen its grant recorded (adding where it was played
 * from) or, on a replay inside the grant, is a listen of its own. Only a song the listener may
 * stream right now (a live grant) counts, so plays cannot be made up.
 */
export async function recordPlay(db: Queryable, userId: string, e: PlayEvent): Promise<void> {
  const live = await db.query(
    'select 1 from stream_grants where user_id = $1 and song_id = $2 and expires_at > now() limit 1',
    [userId, e.songId],
  );
  if (live.rows.length === 0) {
    throw new HttpError(
      409,
      'This song has no live stream authorization: authorize it (POST /api/v1/stream/{id}) first',
    );
  }
  const kind = e.context?.kind ?? null;
  const id = e.context?.id ?? null;
  const confirmed = await db.query(
    `update listening_history h set source = 'play', context_kind = $3, context_id = $4
      where h.id = (select id from listening_history where user_id = $1 and song_id = $2 and source = 'grant'
                      and played_at > now() - ${SAME_LISTEN} order by id desc limit 1)
      returning h.id`,
    [userId, e.songId, kind, id],
  );
  if (confirmed.rows.length > 0) return;
  await db.query(
    `insert into listening_history (user_id, song_id, source, context_kind, context_id) values ($1, $2, 'play', $3, $4)`,
    [userId, e.songId, kind, id],
  );
}

/** The home page of one listener: the songs played last (each once) and the albums and playlists to go back to. */
export async function homeOf(db: Queryable, userId: string, origin: string): Promise<Home> {
  const [recent, albums, playlists] = await Promise.all([
    db.query<LibrarySongRow & { last: Date }>(
      `with r as (select song_id, max(played_at) as last from
                    (select song_id, played_at from listening_history where user_id = $1 order by played_at desc limit 500) x
                  group by song_id order by last desc limit 12)
       select ${LIBRARY_COLUMNS}, r.last from r join songs s on s.id = r.song_id join albums a on a.id = s.album_id
        where ${VISIBLE} order by r.last desc`,
      [userId],
    ),
    db.query<AlbumRow & { last: Date }>(
      `with r as (select s.album_id, max(x.played_at) as last from
                    (select song_id, played_at from listening_history where user_id = $1 order by played_at desc limit 500) x
                    join songs s on s.id = x.song_id group by s.album_id order by last desc limit 8)
       select ${ALBUM_COLUMNS}, r.last from r join albums a on a.id = r.album_id
        where a.public and a.removed_at is null order by r.last desc`,
      [userId],
    ),
    db.query<{ name: string; last: Date }>(
      `select context_id as name, max(played_at) as last from listening_history
        where user_id = $1 and context_kind = 'playlist' and context_id is not null
          and played_at > now() - interval '90 days'
        group by context_id order by last desc limit 4`,
      [userId],
    ),
  ]);
  const jump = [
    ...albums.rows.map((r) => ({
      kind: 'album' as const,
      album: toAlbum(r, origin),
      playedAt: new Date(r.last).toISOString(),
    })),
    ...playlists.rows.map((r) => ({
      kind: 'playlist' as const,
      name: r.name,
      playedAt: new Date(r.last).toISOString(),
    })),
  ].sort((a, b) => b.playedAt.localeCompare(a.playedAt));
  return {
    recent: recent.rows.map((r) => ({ ...toLibrarySong(r, origin), playedAt: new Date(r.last).toISOString() })),
    jumpBackIn: jump.slice(0, 8),
  };
}
