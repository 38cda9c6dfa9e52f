import { formatClock } from '../../../lib/clock';
import type { Playlist } from './document';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Playlists have no stored order (jsonb keeps none): pages list them by name. */
export const byName = (a: Playlist, b: Playlist) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1);

/** 3:07, or 1:02:03 past an hour. */
export const formatLength = (totalSec: number): string => formatClock(totalSec);

export const songCount = (n: number) => `${n} ${n === 1 ? 'song' : 'songs'}`;

/** The page of a playlist; names may hold any character, so they are encoded. */
export const playlistPath = (name: string) => `/playlists/${encodeURIComponent(name)}`;
