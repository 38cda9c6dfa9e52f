/**
 * Loudness normalization: the gain that brings a song (track gain) or its album (album gain, when
 * an album plays in order, so its quiet and loud songs keep their difference) to the chosen
 * target, never so high that the true peak goes over the ceiling.
 */
export interface Loudness {
  lufs: number;
  truePeakDb: number;
}

export type LoudnessTarget = 'off' | -14 | -18;
export const LOUDNESS_TARGETS: readonly LoudnessTarget[] = ['off', -14, -18];

/** The highest true peak a gain may lead to (EBU R128's limit for delivery). */
export const TRUE_PEAK_CEILING_DB = -1;

/** The gain in dB toward `target`, limited so that the true peak stays at or under the ceiling. */
export function gainDb(l: Loudness | null | undefined, target: LoudnessTarget): number {
  if (target === 'off' || !l) return 0;
  // the gain that reaches the target, unless the true peak would then pass the ceiling
  return Math.min(target - l.lufs, TRUE_PEAK_CEILING_DB - l.truePeakDb);
}

export const dbToLinear = (db: number): number => 10 ** (db / 20);

/**
 * An album's loudness estimated from its songs': the energy mean of their loudness weighted by
 * length (what measuring them back to back gives, the gates aside), and the highest true peak.
 * Null when a song has no measure. Used only when the server has not measured the album itself.
 */
export function estimatedAlbumLoudness(
  songs: readonly { loudness?: Loudness | null; durationSec: number }[],
): Loudness | null {
  if (!songs.length || songs.some((s) => !s.loudness)) return null;
  let energy = 0;
  let time = 0;
  let peak = -Infinity;
  for (const s of songs) {
    const d = Math.max(s.durationSec, 0.001);
    energy += d * 10 ** (s.loudness!.lufs / 10);
    time += d;
    peak = Math.max(peak, s.loudness!.truePeakDb);
  }
  return { lufs: 10 * Math.log10(energy / time), truePeakDb: peak };
}

export interface GainEntry {
  albumId: string;
  durationSec: number;
  loudness?: Loudness | null;
  /** the album's loudness as the server measured it over the whole album */
  albumLoudness?: Loudness | null;
}

/**
 * The loudness an album gain is made from: the server's measure over the whole album when the
 * album's entries carry one, else the estimate from the entries' own measures.
 */
export function albumLoudness(entries: readonly GainEntry[]): Loudness | null {
  return entries.find((e) => e.albumLoudness)?.albumLoudness ?? estimatedAlbumLoudness(entries);
}

/**
 * Album gain applies when the song plays within its album in order: the queue is not shuffled and
 * the song before or after it in the queue is of the same album. Then every song of that album
 * in the queue gets the album's one gain (measured, or estimated: `albumLoudness`); otherwise the
 * song gets its own.
 */
export function queueGainDb(
  entries: readonly GainEntry[],
  index: number,
  shuffle: boolean,
  target: LoudnessTarget,
): number {
  const song = entries[index];
  if (!song) return 0;
  const sameAlbum = (i: number) => entries[i]?.albumId === song.albumId;
  if (!shuffle && (sameAlbum(index - 1) || sameAlbum(index + 1))) {
    const album = albumLoudness(entries.filter((e) => e.albumId === song.albumId));
    if (album) return gainDb(album, target);
  }
  return gainDb(song.loudness, target);
}

/** How one song hands over to the next: gapless within an album played in order, else a crossfade if chosen. */
export function transitionSec(
  current: GainEntry | undefined,
  next: GainEntry | undefined,
  shuffle: boolean,
  crossfadeSec: number,
): number {
  if (!current || !next || crossfadeSec <= 0) return 0;
  if (!shuffle && current.albumId === next.albumId) return 0;
  return crossfadeSec;
}
