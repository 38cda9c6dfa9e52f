import { playlistEntrySchema, STORED_DOCUMENT_MAX_BYTES } from '@contract/listener';
import { nameProblem, type Playlist } from './names';

/**
 * Links made before issue 21 (playlists now share live pages, `/p/<token>`): a shared playlist traveled in the link itself (no share record on the server): its name and song
 * ids in the fragment, which browsers do not send to the server, so names stay out of access logs.
 */
export const SHARE_PATH = '/shared-playlist';
/** No playlist that fits in the 4 KB document has more entries than this ({"id":"x"}, is 11 bytes). */
export const MAX_SHARED_SONGS = Math.floor(STORED_DOCUMENT_MAX_BYTES / 11);
const MAX_FRAGMENT = 64 * 1024;

export function shareFragment(p: Playlist): string {
  const params = new URLSearchParams({ name: p.name });
  for (const id of p.ids) params.append('s', id);
  return params.toString();
}

export const shareUrl = (origin: string, p: Playlist) => `${origin}${SHARE_PATH}#${shareFragment(p)}`;

export type ParsedShare = { ok: true; playlist: Playlist } | { ok: false; problem: string };

const bad = (why: string): ParsedShare => ({
  ok: false,
  problem: `This shared playlist link is damaged or incomplete: ${why} Ask whoever sent it for a new link.`,
});

/** Reads a link's fragment; anything malformed or hostile gets a clear message, never a crash. */
export function parseShare(fragment: string): ParsedShare {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return bad('it has no playlist in it.');
  if (text.length > MAX_FRAGMENT) return bad('it is far too long to be a playlist.');
  const params = new URLSearchParams(text);
  const names = params.getAll('name');
  if (names.length !== 1) return bad('it must name exactly one playlist.');
  const problem = nameProblem([], names[0]!);
  if (problem) return bad(`its name is not valid (${problem})`);
  const ids = params.getAll('s');
  if (ids.length > MAX_SHARED_SONGS) return bad(`it lists more than ${MAX_SHARED_SONGS} songs.`);
  if (!ids.every((id) => playlistEntrySchema.safeParse({ id }).success))
    return bad('one of its song ids is not valid.');
  return { ok: true, playlist: { name: names[0]!, ids } };
}
