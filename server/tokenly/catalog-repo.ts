import type { Album, ArtistProfile, LibrarySong, Song } from '@contract/catalog.js';
import type { Queryable } from '../db/connection.js';
import { gone, notFound } from '../lib/errors.js';
import { docDate, mediaUrl, satToFloat } from './format.js';

export interface AlbumRow {
  id: string;
  name: string;
  description: string;
  artist: string;
  artist_profile_id: string | null;
  artwork_path: string | null;
  release_date: Date | null;
  removed_at: Date | null;
  public: boolean;
  song_count: number;
  gate_tokens: string[];
}

export const ALBUM_COLUMNS = `a.id, a.name, a.description, a.artist, a.artist_profile_id, a.artwork_path, a.release_date,
  a.removed_at, a.public, (select count(*)::int from songs s where s.album_id = a.id and s.removed_at is null) as song_count,
  array(select distinct t from songs s, unnest(s.tokens) t
         where s.album_id = a.id and s.removed_at is null and not s.public_streamable order by t) as gate_tokens`;

export function toAlbum(r: AlbumRow, origin: string): Album {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    songCount: r.song_count,
    artworkImage: mediaUrl(origin, 'artwork', r.artwork_path),
    artistProfileID: r.artist_profile_id,
    artist: r.artist,
    releaseDate: docDate(r.release_date),
    gateTokens: r.gate_tokens,
  };
}

export async function listAlbums(db: Queryable, origin: string): Promise<Album[]> {
  const r = await db.query<AlbumRow>(
    `select ${ALBUM_COLUMNS} from albums a where a.public and a.removed_at is null
      order by a.release_date desc nulls last, a.name, a.id`,
  );
  return r.rows.map((row) => toAlbum(row, origin));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

async function albumRow(db: Queryable, id: string): Promise<AlbumRow> {
  if (!isUuid(id)) throw notFound('Album');
  const r = await db.query<AlbumRow>(`select ${ALBUM_COLUMNS} from albums a where a.id = $1`, [id]);
  const row = r.rows[0];
  // A draft or a scheduled release is not there yet for anyone but its artist.
  if (!row || !row.public) throw notFound('Album');
  if (row.removed_at) throw gone('This album');
  return row;
}

export async function getAlbum(db: Queryable, id: string, origin: string): Promise<Album> {
  return toAlbum(await albumRow(db, id), origin);
}

export interface SongRow {
  id: string;
  name: string;
  tokens: string[];
  description: string;
  performers: string;
  composers: string;
  release_date: Date | null;
  lyrics: string;
  credits: string;
  copyright: string;
  ownership: string;
  usage_rights: string;
  usage_prohibitions: string;
  bitcoin_address: string;
  other: string;
  artist: string;
  artist_profile_id: string | null;
  album_id: string;
  track_number: number;
  duration_sec: number;
  public_streamable: boolean;
  price_sat: number;
  loudness_lufs: number | null;
  true_peak_db: number | null;
  album_loudness_lufs: number | null;
  album_true_peak_db: number | null;
}

export const SONG_COLUMNS = `s.id, s.name, s.tokens, s.description, s.performers, s.composers, s.release_date, s.lyrics,
  s.credits, s.copyright, s.ownership, s.usage_rights, s.usage_prohibitions, s.bitcoin_address, s.other, s.artist,
  s.artist_profile_id, s.album_id, s.track_number, s.duration_sec, s.public_streamable, s.price_sat,
  s.loudness_lufs, s.true_peak_db,
  (select al.loudness_lufs from albums al where al.id = s.album_id) as album_loudness_lufs,
  (select al.true_peak_db from albums al where al.id = s.album_id) as album_true_peak_db`;

/** The measured loudness of a song, or null before it is measured. */
export interface LoudnessRow {
  loudness_lufs: number | null;
  true_peak_db: number | null;
}
export function toLoudness(r: LoudnessRow): Song['loudness'] {
  return r.loudness_lufs === null || r.true_peak_db === null
    ? null
    : { lufs: Number(r.loudness_lufs), truePeakDb: Number(r.true_peak_db) };
}
/** The loudness of the song's album, measured over the whole album, or null before it is measured. */
export function toAlbumLoudness(r: { album_loudness_lufs: number | null; album_true_peak_db: number | null }) {
  return toLoudness({ loudness_lufs: r.album_loudness_lufs, true_peak_db: r.album_true_peak_db });
}

export function toSong(r: SongRow): Song {
  return {
    id: r.id,
    name: r.name,
    tokens: r.tokens,
    description: r.description,
    performers: r.performers,
    composers: r.composers,
    releaseDate: docDate(r.release_date),
    lyrics: r.lyrics,
    credits: r.credits,
    copyright: r.copyright,
    ownership: r.ownership,
    usageRights: r.usage_rights,
    usageProhbitions: r.usage_prohibitions,
    bitcoinAddress: r.bitcoin_address,
    other: r.other,
    artist: r.artist,
    artistProfileId: r.artist_profile_id,
    albumId: r.album_id,
    trackNumber: r.track_number,
    durationSec: Math.round(r.duration_sec * 10) / 10,
    publicStreamable: r.public_streamable,
    priceFloat: satToFloat(r.price_sat),
    priceSat: r.price_sat,
    loudness: toLoudness(r),
    albumLoudness: toAlbumLoudness(r),
  };
}

export async function albumSongs(db: Queryable, albumId: string): Promise<Song[]> {
  await albumRow(db, albumId);
  const r = await db.query<SongRow>(
    `select ${SONG_COLUMNS} from songs s where s.album_id = $1 and s.removed_at is null order by s.track_number, s.name`,
    [albumId],
  );
  return r.rows.map(toSong);
}

export interface LibrarySongRow {
  id: string;
  name: string;
  tags: string[];
  genre: string;
  release_date: Date | null;
  artist: string;
  artist_profile_id: string | null;
  description: string;
  is_tokenly_music: boolean;
  public_streamable: boolean;
  tokens: string[];
  album_name: string;
  album_id: string;
  artwork_path: string | null;
  is_single: boolean;
  duration_sec: number;
  price_sat: number;
  loudness_lufs: number | null;
  true_peak_db: number | null;
  album_loudness_lufs: number | null;
  album_true_peak_db: number | null;
  total?: number;
}

export const LIBRARY_COLUMNS = `s.id, s.name, s.tags, s.genre, s.release_date, s.artist, s.artist_profile_id,
  s.description, s.is_tokenly_music, s.public_streamable, s.tokens, a.name as album_name, a.id as album_id,
  a.artwork_path, s.is_single, s.duration_sec, s.price_sat, s.loudness_lufs, s.true_peak_db,
  a.loudness_lufs as album_loudness_lufs, a.true_peak_db as album_true_peak_db`;

export function toLibrarySong(r: LibrarySongRow, origin: string): LibrarySong {
  return {
    id: r.id,
    name: r.name,
    tags: r.tags.join(', '),
    tagsArray: r.tags,
    genre: r.genre,
    releaseDate: docDate(r.release_date),
    artist: r.artist,
    artistProfileId: r.artist_profile_id,
    description: r.description,
    isTokenlyMusic: r.is_tokenly_music,
    publicStreamable: r.public_streamable,
    tokens: r.tokens,
    albumName: r.album_name,
    albumId: r.album_id,
    artworkImage: mediaUrl(origin, 'artwork', r.artwork_path),
    isSingle: r.is_single,
    durationSec: Math.round(r.duration_sec * 10) / 10,
    priceFloat: satToFloat(r.price_sat),
    priceSat: r.price_sat,
    loudness: toLoudness(r),
    albumLoudness: toAlbumLoudness(r),
  };
}

interface ProfileRow {
  id: string;
  name: string;
  website: string;
  bio: string;
  active: boolean;
  genre: string;
  tags: string[];
  markets_catalog: string;
  picture_path: string | null;
}

export async function getArtistProfile(db: Queryable, id: string, origin: string): Promise<ArtistProfile> {
  if (!isUuid(id)) throw notFound('Artist profile');
  const r = await db.query<ProfileRow>(
    `select id, name, website, bio, active, genre, tags, markets_catalog, picture_path from artist_profiles where id = $1`,
    [id],
  );
  const p = r.rows[0];
  if (!p) throw notFound('Artist profile');
  return {
    name: p.name,
    website: p.website,
    bio: p.bio,
    active: p.active,
    genre: p.genre,
    tags: p.tags.join(', '),
    tagsArray: p.tags,
    marketsCatalog: p.markets_catalog,
    marketsCatalogUrl: p.markets_catalog ? `https://tokenmarkets.com/catalog/${p.markets_catalog}` : '',
    pictureUrl: mediaUrl(origin, 'pictures', p.picture_path) ?? '',
  };
}

export async function artistProfileExists(db: Queryable, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('Artist profile');
  const r = await db.query('select 1 from artist_profiles where id = $1', [id]);
  if (r.rows.length === 0) throw notFound('Artist profile');
}
