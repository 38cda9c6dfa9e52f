import type { PlaylistDetail, PlaylistSummary, Visibility } from '@contract/playlists.js';
import type { Queryable } from '../db/connection.js';
import { notFound } from '../lib/errors.js';
import { LIBRARY_COLUMNS, toLibrarySong, type LibrarySongRow } from '../tokenly/catalog-repo.js';
import { docDate, mediaUrl } from '../tokenly/format.js';
import { VISIBLE } from '../tokenly/search-repo.js';
import type { PlaylistState } from './ops.js';

/** Song ids are text (the document accepted any); only uuid-shaped ones can name a catalog song. */
const UUID_RE = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const asUuid = (col: string) => `(case when ${col} ~ ${UUID_RE} then ${col}::uuid end)`;

/** The columns of a summary: count, length and the mosaic of the first four albums' artwork. */
const SUMMARY_COLUMNS = `p.id, p.name, p.description, p.cover_path, p.visibility, p.share_token,
  p.version::int as version, p.created_at, p.updated_at, u.username as owner,
  cardinality(p.song_ids) as song_count,
  coalesce((select sum(s.duration_sec) from unnest(p.song_ids) x(id)
             join songs s on s.id = ${asUuid('x.id')}), 0)::float as duration_sec,
  array(select m.artwork_path from (
      select a.artwork_path, min(x.n) as first from unnest(p.song_ids) with ordinality x(id, n)
        join songs s on s.id = ${asUuid('x.id')} join albums a on a.id = s.album_id
       where a.artwork_path is not null and a.public and a.removed_at is null
       group by a.id, a.artwork_path order by first limit 4) m order by m.first) as mosaic`;
const FROM = `from listener_playlists p join users u on u.id = p.user_id`;

export interface SummaryRow {
  id: string;
  name: string;
  description: string;
  cover_path: string | null;
  visibility: Visibility;
  share_token: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  owner: string;
  song_count: number;
  duration_sec: number;
  mosaic: string[];
}

export function toSummary(r: SummaryRow, origin: string): PlaylistSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    coverImage: mediaUrl(origin, 'artwork', r.cover_path),
    mosaic: r.mosaic.map((f) => mediaUrl(origin, 'artwork', f)!),
    songCount: r.song_count,
    durationSec: Math.round(r.duration_sec * 10) / 10,
    visibility: r.visibility,
    shareToken: r.share_token,
    owner: r.owner,
    version: r.version,
    createdAt: docDate(r.created_at)!,
    updatedAt: docDate(r.updated_at)!,
  };
}

export const isUuid = (s: string) => new RegExp(UUID_RE.slice(1, -1)).test(s);

export async function ownPlaylists(db: Queryable, userId: string, origin: string): Promise<PlaylistSummary[]> {
  const r = await db.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} ${FROM} where p.user_id = $1 order by lower(p.name), p.name`,
    [userId],
  );
  return r.rows.map((x) => toSummary(x, origin));
}

/** Followed playlists that are still shared (a revoked link ends the follow's view of it). */
export async function followedPlaylists(db: Queryable, userId: string, origin: string): Promise<PlaylistSummary[]> {
  const r = await db.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} ${FROM} join listener_playlist_follows f on f.playlist_id = p.id
      where f.user_id = $1 and p.visibility <> 'private' order by f.created_at desc`,
    [userId],
  );
  return r.rows.map((x) => toSummary(x, origin));
}

export async function profilePlaylists(db: Queryable, username: string, origin: string): Promise<PlaylistSummary[]> {
  const r = await db.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} ${FROM} where lower(u.username) = lower($1) and p.visibility = 'profile'
      order by p.updated_at desc`,
    [username],
  );
  return r.rows.map((x) => toSummary(x, origin));
}

interface DetailRow extends SummaryRow {
  song_ids: string[];
  entry_keys: number[];
  user_id: string;
}

async function detailOf(db: Queryable, where: string, param: string, origin: string, viewer: string | null) {
  const r = await db.query<DetailRow>(
    `select ${SUMMARY_COLUMNS}, p.song_ids, p.entry_keys, p.user_id ${FROM} where ${where}`,
    [param],
  );
  const row = r.rows[0];
  if (!row) return null;
  const ids = [...new Set(row.song_ids.filter(isUuid).map((s) => s.toLowerCase()))];
  const songs =
    ids.length === 0
      ? []
      : (
          await db.query<LibrarySongRow>(
            `select ${LIBRARY_COLUMNS} from songs s join albums a on a.id = s.album_id
              where s.id = any($1::uuid[]) and ${VISIBLE}`,
            [ids],
          )
        ).rows.map((x) => toLibrarySong(x, origin));
  const detail: PlaylistDetail = {
    ...toSummary(row, origin),
    entries: row.song_ids.map((songId, i) => ({ key: row.entry_keys[i]!, songId })),
    songs,
    mine: viewer === row.user_id,
  };
  return detail;
}

/** One of the listener's own playlists; another's (or none) is "not found", never "forbidden". */
export async function ownDetail(db: Queryable, userId: string, id: string, origin: string): Promise<PlaylistDetail> {
  const d = isUuid(id) ? await detailOf(db, `p.id = $1::uuid`, id, origin, userId) : null;
  if (!d || !d.mine) throw notFound('Playlist');
  return d;
}

/** The live page of a shared link: any visitor, while the owner shares it. */
export async function sharedDetail(db: Queryable, token: string, origin: string, viewer: string | null) {
  const d = await detailOf(db, `p.share_token = $1 and p.visibility <> 'private'`, token, origin, viewer);
  if (!d) throw notFound('Shared playlist (the link may have been revoked)');
  return d;
}

/** Locks one of the user's playlists for an edit. */
export async function lockState(tx: Queryable, userId: string, id: string): Promise<PlaylistState & { id: string }> {
  const r = await tx.query<{
    name: string;
    description: string;
    song_ids: string[];
    entry_keys: number[];
    next_key: number;
    version: number;
    name_version: number;
  }>(
    `select name, description, song_ids, entry_keys, next_key, version::int as version, name_version::int as name_version
       from listener_playlists where id = $1::uuid and user_id = $2 for update`,
    [isUuid(id) ? id : '00000000-0000-0000-0000-000000000000', userId],
  );
  const row = r.rows[0];
  if (!row) throw notFound('Playlist');
  return {
    id,
    name: row.name,
    description: row.description,
    songIds: row.song_ids,
    keys: row.entry_keys,
    nextKey: row.next_key,
    version: row.version,
    nameVersion: row.name_version,
  };
}

/** name → song ids, every playlist of the user (the legacy document's content). */
export async function documentOf(db: Queryable, userId: string): Promise<Map<string, string[]>> {
  const r = await db.query<{ name: string; song_ids: string[] }>(
    `select name, song_ids from listener_playlists where user_id = $1 order by created_at, name`,
    [userId],
  );
  return new Map(r.rows.map((x) => [x.name, x.song_ids]));
}
