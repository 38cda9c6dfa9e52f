import { PLAYLIST_MAX_SONGS, type PlaylistOp } from '@contract/playlists.js';
import { HttpError } from '../lib/errors.js';

/** A playlist's editable state, as stored. */
export interface PlaylistState {
  name: string;
  description: string;
  songIds: string[];
  keys: number[];
  nextKey: number;
  version: number;
  /** the version that last changed the name */
  nameVersion: number;
}

export interface OpsOutcome {
  state: PlaylistState;
  /** indices of the ops that had nothing left to do (a song removed elsewhere too) */
  skipped: number[];
  /** the ops were made on an older version: they were merged with what happened since */
  merged: boolean;
}

/** A 409 that tells the listener what happened elsewhere; nothing of the batch is applied. */
export const conflict = (message: string): HttpError => new HttpError(409, message);

/**
 * Applies a batch of ops made on version `base` to the stored state, the way the app merged two
 * tabs' edits: songs added on both sides are all kept; a song removed on both sides is gone once; a
 * move or removal names its entry by key, so it finds the song wherever the other side put it; a
 * move of a song removed elsewhere, or a rename of a playlist renamed elsewhere since, is not
 * guessed: the whole batch is refused with a 409 that says so. Inserting a song that is already in
 * the playlist needs `allowDuplicates` (the listener confirmed).
 */
export function applyOps(stored: PlaylistState, ops: readonly PlaylistOp[], base: number): OpsOutcome {
  if (base > stored.version) {
    throw new HttpError(412, `Version ${base} of this playlist does not exist yet (it is at ${stored.version})`);
  }
  const s: PlaylistState = { ...stored, songIds: [...stored.songIds], keys: [...stored.keys] };
  const skipped: number[] = [];
  const indexOf = (key: number) => s.keys.indexOf(key);
  ops.forEach((op, i) => {
    switch (op.op) {
      case 'insert': {
        if (!op.allowDuplicates) {
          const present = new Set(s.songIds);
          const dupes = new Set<string>();
          const seen = new Set<string>();
          for (const id of op.songIds) {
            if (present.has(id) || seen.has(id)) dupes.add(id);
            seen.add(id);
          }
          if (dupes.size > 0) {
            const n = dupes.size;
            throw conflict(
              `${n === 1 ? 'That song is' : `${n} of these songs are`} already in “${s.name}”: add ${n === 1 ? 'it' : 'them'} again?`,
            );
          }
        }
        if (s.songIds.length + op.songIds.length > PLAYLIST_MAX_SONGS) {
          throw new HttpError(
            422,
            `A playlist holds at most ${PLAYLIST_MAX_SONGS.toLocaleString('en')} songs; “${s.name}” has ${s.songIds.length}`,
          );
        }
        // After an entry removed elsewhere: at the end, so that nothing added is lost.
        let at = s.songIds.length;
        if (op.after === null) at = 0;
        else if (op.after !== undefined && indexOf(op.after) >= 0) at = indexOf(op.after) + 1;
        const keys = op.songIds.map(() => s.nextKey++);
        s.songIds.splice(at, 0, ...op.songIds);
        s.keys.splice(at, 0, ...keys);
        break;
      }
      case 'move': {
        const from = indexOf(op.key);
        if (from < 0) throw conflict('That song was removed from this playlist elsewhere, so it could not be moved');
        if (op.after === op.key) {
          skipped.push(i);
          break;
        }
        const [song] = s.songIds.splice(from, 1);
        const [key] = s.keys.splice(from, 1);
        let to = 0;
        if (op.after !== null) {
          const anchor = indexOf(op.after);
          // The song it was to follow was removed elsewhere: it stays where it was.
          to = anchor < 0 ? from : anchor + 1;
          if (anchor < 0) skipped.push(i);
        }
        s.songIds.splice(to, 0, song!);
        s.keys.splice(to, 0, key!);
        break;
      }
      case 'remove': {
        const at = indexOf(op.key);
        if (at < 0) {
          skipped.push(i);
          break;
        }
        s.songIds.splice(at, 1);
        s.keys.splice(at, 1);
        break;
      }
      case 'rename': {
        if (op.name === s.name) break;
        if (stored.nameVersion > base && stored.name !== op.name) {
          throw conflict(
            `This playlist was renamed to “${stored.name}” elsewhere; rename it again if you still want to`,
          );
        }
        s.name = op.name;
        s.nameVersion = stored.version + 1;
        break;
      }
      case 'describe':
        s.description = op.description;
        break;
    }
  });
  s.version = stored.version + 1;
  return { state: s, skipped, merged: base < stored.version };
}
