import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ID3Writer } from 'browser-id3-writer';
import sharp from 'sharp';
import type { Queryable } from '../db/connection.js';
import { mediaDirs, safeName } from './files.js';
import { songsTagFields, type SongTagFields } from './media-access-repo.js';
import { vorbisCommentExts, writeVorbisComments } from './vorbis-tags.js';

/** The artwork embedded in a download: a square JPEG (ID3's APIC, a FLAC / Ogg picture), small enough for any player. */
const ARTWORK_PX = 600;

/**
 * A download carries its song's facts in the file's own tags: ID3v2.3 for MP3 (browser-id3-writer),
 * Vorbis comments for FLAC and Ogg Vorbis / Opus (node-taglib-sharp, `vorbis-tags.ts`): title,
 * artist, album, track number, year, artwork, copyright, ownership, composers, genre, usage rights
 * and lyrics. The tagged copy is made once per song and tag content (`downloadsDir`), so later
 * downloads and their ranges are served as a plain file. Other formats are served as they are.
 */
export async function taggedCopy(
  downloadsDir: string,
  audioFile: string,
  songId: string,
  tags: SongTagFields,
  artworkFile: string | null,
): Promise<string> {
  const ext = path.extname(audioFile).toLowerCase();
  if (ext !== '.mp3' && !vorbisCommentExts.includes(ext)) return audioFile;
  const stat = await fsp.stat(audioFile).catch(() => null);
  if (!stat?.isFile()) return audioFile; // sendFile answers 404
  const artStat = artworkFile ? await fsp.stat(artworkFile).catch(() => null) : null;
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([tags, stat.size, stat.mtimeMs, artworkFile, artStat?.mtimeMs ?? null]))
    .digest('hex')
    .slice(0, 16);
  const out = path.join(downloadsDir, `${songId}-${key}${ext}`);
  if (
    await fsp.stat(out).then(
      () => true,
      () => false,
    )
  )
    return out;

  const artwork = artStat && artworkFile ? await artworkJpeg(artworkFile) : null;
  await fsp.mkdir(downloadsDir, { recursive: true });
  // Written beside, then renamed: a download never sees half a file; older copies of the song go.
  const tmp = path.join(downloadsDir, `.${songId}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    if (ext === '.mp3') await fsp.writeFile(tmp, id3Tagged(await fsp.readFile(audioFile), tags, artwork));
    else {
      await fsp.copyFile(audioFile, tmp);
      writeVorbisComments(tmp, ext, tags, artwork);
    }
    await fsp.rename(tmp, out);
  } catch {
    // a file the tagger cannot parse is served as it is (the upload checks decoded it, not its metadata)
    await fsp.rm(tmp, { force: true });
    return audioFile;
  }
  for (const name of await fsp.readdir(downloadsDir)) {
    if (name.startsWith(`${songId}-`) && name !== path.basename(out)) {
      await fsp.rm(path.join(downloadsDir, name), { force: true });
    }
  }
  return out;
}

function id3Tagged(audio: Buffer, tags: SongTagFields, artwork: Buffer | null): Buffer {
  const writer = new ID3Writer(toArrayBuffer(audio));
  writer.setFrame('TIT2', tags.name).setFrame('TPE1', [tags.artist]);
  if (tags.album) writer.setFrame('TALB', tags.album).setFrame('TPE2', tags.artist);
  if (tags.track_number) writer.setFrame('TRCK', String(tags.track_number));
  if (tags.year) writer.setFrame('TYER', Number(tags.year));
  if (tags.composers) writer.setFrame('TCOM', [tags.composers]);
  if (tags.genre) writer.setFrame('TCON', [tags.genre]);
  if (tags.copyright) writer.setFrame('TCOP', tags.copyright);
  // ID3v2.3 has no ownership frame of its own: a user text frame, named as Picard and foobar2000 read it.
  if (tags.ownership) writer.setFrame('TXXX', { description: 'OWNERSHIP', value: tags.ownership });
  if (tags.performers && tags.performers !== tags.artist) {
    writer.setFrame('TXXX', { description: 'PERFORMERS', value: tags.performers });
  }
  if (tags.usage_rights) writer.setFrame('TXXX', { description: 'USAGE RIGHTS', value: tags.usage_rights });
  if (tags.lyrics) writer.setFrame('USLT', { description: '', lyrics: tags.lyrics, language: 'und' });
  if (artwork) writer.setFrame('APIC', { type: 3, data: toArrayBuffer(artwork), description: 'Cover' });
  return Buffer.from(writer.addTag());
}

async function artworkJpeg(file: string): Promise<Buffer | null> {
  try {
    return await sharp(file, { limitInputPixels: 50_000_000 })
      .resize(ARTWORK_PX, ARTWORK_PX, { fit: 'cover' })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch {
    return null; // artwork that cannot be read leaves the download without a picture, not without its file
  }
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/**
 * The files the songs' downloads serve (the tagged copy for MP3, FLAC and Ogg, made here on first
 * use) and their sizes, for songs that have audio. My songs' `downloadSize` is this size, so it
 * matches the bytes served. One query for all of them.
 */
export async function downloadFiles(
  db: Queryable,
  dataDir: string,
  songIds: string[],
): Promise<Map<string, { file: string; size: number }>> {
  const dirs = mediaDirs(dataDir);
  const out = new Map<string, { file: string; size: number }>();
  for (const [id, tags] of await songsTagFields(db, songIds)) {
    if (!tags.audio_path) continue;
    const audio = path.join(dirs.audio, safeName(tags.audio_path));
    const art = tags.artwork_path ? path.join(dirs.artwork, safeName(tags.artwork_path)) : null;
    const file = await taggedCopy(path.join(dirs.root, 'downloads'), audio, id, tags, art);
    out.set(id, { file, size: (await fsp.stat(file).catch(() => null))?.size ?? 0 });
  }
  return out;
}
