/** What a file's tags say, as far as a release needs it (any field may be missing). */
export interface FileTags {
  title?: string | undefined;
  artist?: string | undefined;
  album?: string | undefined;
  trackNumber?: number | undefined;
  year?: number | undefined;
  picture?: { data: Uint8Array; format: string } | undefined;
}

/** "03 - Night Drive (final).mp3" → "Night Drive (final)": the name a track gets without a title tag. */
export function nameFromFile(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  const cleaned = base
    .replace(/^\s*\d{1,3}\s*[-._)]\s*/, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return cleaned || 'Untitled';
}

/** A track's fields from its file: tags first, then the file name, then its place in the drop. */
export function trackPrefill(fileName: string, tags: FileTags, index: number) {
  return {
    name: tags.title?.trim() || nameFromFile(fileName),
    trackNumber: tags.trackNumber && tags.trackNumber > 0 && tags.trackNumber < 1000 ? tags.trackNumber : index + 1,
    ...(tags.artist?.trim() ? { performers: tags.artist.trim() } : {}),
  };
}

/** The album's fields from the files dropped together: the first album tag and year found. */
export function albumPrefill(all: FileTags[]) {
  const album = all.find((t) => t.album?.trim())?.album?.trim();
  const year = all.find((t) => t.year && t.year > 1800 && t.year < 3000)?.year;
  return {
    name: album || (all.length === 1 ? undefined : 'Untitled album'),
    releaseDate: year ? `${year}-01-01T00:00:00.000Z` : undefined,
    isSingle: all.length === 1,
  };
}
