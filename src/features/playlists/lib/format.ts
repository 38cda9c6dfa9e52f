import type { Playlist } from './document';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Playlists have no stored order (jsonb keeps none): pages list them by name. */
export const byName = (a: Playlist, b: Playlist) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1);

/** 3:07, or 1:02:03 past an hour. */
export function formatLength(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export const songCount = (n: number) => `${n} ${n === 1 ? 'song' : 'songs'}`;

/** The page of a playlist; names may hold any character, so they are encoded. */
export const playlistPath = (name: string) => `/playlists/${encodeURIComponent(name)}`;
