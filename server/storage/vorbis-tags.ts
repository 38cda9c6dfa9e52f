import { ByteVector, File, Picture, PictureType, TagTypes, type XiphComment } from 'node-taglib-sharp';
import type { SongTagFields } from './media-access-repo.js';

/** node-taglib-sharp picks its reader by MIME type (the copy being tagged has no telling name). */
const MIME_BY_EXT: Record<string, string> = {
  '.flac': 'taglib/flac',
  '.ogg': 'taglib/ogg',
  '.oga': 'taglib/oga',
  '.opus': 'taglib/opus',
};

export const vorbisCommentExts = Object.keys(MIME_BY_EXT);

/**
 * The song's facts as Vorbis comments (the field names of the Xiph recommendation and of Picard;
 * the ones ID3 has no frame for keep the names the ID3 path gives its TXXX frames). Fields the song
 * lacks are removed, so an uploaded file's own tags cannot contradict the catalog.
 */
function commentFields(t: SongTagFields): [string, string | null][] {
  return [
    ['TITLE', t.name],
    ['ARTIST', t.artist],
    ['ALBUM', t.album],
    ['ALBUMARTIST', t.album ? t.artist : null],
    ['TRACKNUMBER', t.track_number ? String(t.track_number) : null],
    ['DATE', t.year],
    ['COMPOSER', t.composers || null],
    ['GENRE', t.genre],
    ['COPYRIGHT', t.copyright || null],
    ['OWNERSHIP', t.ownership || null],
    ['PERFORMERS', t.performers && t.performers !== t.artist ? t.performers : null],
    ['USAGE RIGHTS', t.usage_rights || null],
    ['LYRICS', t.lyrics || null],
  ];
}

/**
 * Writes the tags into `file` in place (a copy the caller owns) with node-taglib-sharp: the Vorbis
 * comment of a FLAC file or of an Ogg Vorbis / Opus stream, the artwork as a FLAC picture block or
 * Ogg's METADATA_BLOCK_PICTURE. Only the metadata changes; the audio packets are kept as they are.
 */
export function writeVorbisComments(file: string, ext: string, tags: SongTagFields, artwork: Buffer | null): void {
  const mime = MIME_BY_EXT[ext];
  if (!mime) throw new Error(`no Vorbis comments in ${ext} files`);
  const f = File.createFromPath(file, mime);
  try {
    const xiph = f.getTag(TagTypes.Xiph, true) as XiphComment;
    for (const [key, value] of commentFields(tags)) {
      if (value) xiph.setFieldAsStrings(key, value);
      else xiph.removeField(key);
    }
    f.tag.pictures = artwork
      ? [Picture.fromFullData(ByteVector.fromByteArray(artwork), PictureType.FrontCover, 'image/jpeg', 'Cover')]
      : [];
    f.save();
  } finally {
    f.dispose();
  }
}
