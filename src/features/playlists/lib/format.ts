import { formatClock } from '@/lib/clock';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Pages list playlists by name. */
export const byName = (a: { name: string }, b: { name: string }) =>
  collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1);

/** 3:07, or 1:02:03 past an hour. */
export const formatLength = (totalSec: number): string => formatClock(totalSec);

export const songCount = (n: number) => `${n} ${n === 1 ? 'song' : 'songs'}`;

/** The page of a playlist, by id (a rename elsewhere does not move it); a name is found too. */
export const playlistPath = (idOrName: string) => `/playlists/${encodeURIComponent(idOrName)}`;
