import type { FileTags } from './prefill';

/**
 * Reads ID3, Vorbis comment, FLAC and MP4 tags in the browser (music-metadata, loaded only when an
 * artist drops files). A file whose tags cannot be read simply has none.
 */
export async function readTags(file: File): Promise<FileTags> {
  try {
    const { parseBlob, selectCover } = await import('music-metadata');
    const { common } = await parseBlob(file, { duration: false, skipPostHeaders: true });
    const cover = selectCover(common.picture);
    return {
      title: common.title,
      artist: common.artist,
      album: common.album,
      trackNumber: common.track.no ?? undefined,
      year: common.year,
      picture: cover ? { data: cover.data, format: cover.format } : undefined,
    };
  } catch {
    return {};
  }
}
