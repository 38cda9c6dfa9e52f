import { wantLoudness } from '../audio/loudness-nudge.js';
import { HttpError, unprocessable } from '../lib/errors.js';
import type { AppContext } from '../tokenly/context.js';
import { checkReleasable, copyMarkedAudio, removeAudio, type ReleasedAudio } from './release-audio.js';
import { markReleased, ownAlbum, refreshSearchVectors, tracksOf } from './releases-repo.js';
import { ownEncoding, setTrackAudio } from './tracks-repo.js';

/**
 * Releases an album now (`at` null or past) or at a time. Every track must name a completed encoding
 * of this artist; their marked files are copied first, then the songs and the album change in one
 * transaction. If anything fails, nothing is changed and the copies are removed. Answers whether the
 * album is public now.
 */
export async function releaseAlbum(
  ctx: AppContext,
  userId: string,
  profileId: string,
  albumId: string,
  at: Date | null,
): Promise<boolean> {
  const { db, config } = ctx;
  const album = await ownAlbum(db, profileId, albumId);
  if (album.removed_at) throw new HttpError(409, 'This album was taken down');
  if (album.status === 'released') throw new HttpError(409, 'This album is already released');
  const tracks = (await tracksOf(db, [album.id])).filter((t) => !t.removed_at);
  if (tracks.length === 0) throw unprocessable('Add at least one track before releasing');
  const encodings = [];
  for (const t of tracks) {
    if (!t.encoding_id) throw unprocessable(`"${t.name}": choose the encoding whose audio listeners will hear`);
    const e = await ownEncoding(db, userId, t.encoding_id);
    checkReleasable(e, t.name);
    encodings.push({ track: t, encoding: e });
  }
  const copies: { trackId: string; audio: ReleasedAudio }[] = [];
  let replaced: { old: (string | null)[]; publicNow: boolean };
  try {
    for (const { track, encoding } of encodings) {
      // A track already holding this encoding's audio (a rescheduled release) keeps it.
      if (track.audio_path && track.mark_id === encoding.mark_id) continue;
      copies.push({ trackId: track.id, audio: await copyMarkedAudio(config, encoding, track.id) });
    }
    replaced = await db.transaction(async (tx) => {
      const locked = await ownAlbum(tx, profileId, albumId, true);
      if (locked.status === 'released' || locked.removed_at) throw new HttpError(409, 'This album changed meanwhile');
      const old: (string | null)[] = [];
      for (const c of copies) old.push(await setTrackAudio(tx, c.trackId, c.audio));
      await refreshSearchVectors(tx, albumId);
      const publicNow = await markReleased(tx, albumId, at);
      return { old, publicNow };
    });
  } catch (err) {
    await removeAudio(
      config,
      copies.map((c) => c.audio.file),
    );
    throw err;
  }
  await removeAudio(config, replaced.old);
  // the new audio's loudness, the songs' and the album's, is measured now rather than at the next look
  if (copies.length) wantLoudness();
  return replaced.publicNow;
}

/** Puts a new encoding's marked audio on a track (released or not), replacing what it had. */
export async function replaceTrackAudio(
  ctx: AppContext,
  userId: string,
  track: { id: string; name: string },
  encodingId: string,
): Promise<void> {
  const e = await ownEncoding(ctx.db, userId, encodingId);
  checkReleasable(e, track.name);
  const copy = await copyMarkedAudio(ctx.config, e, track.id);
  try {
    const old = await setTrackAudio(ctx.db, track.id, copy);
    await removeAudio(ctx.config, [old]);
    wantLoudness();
  } catch (err) {
    await removeAudio(ctx.config, [copy.file]);
    throw err;
  }
}
