/** The songs feature's public API: nothing else of this folder is imported from outside. */
export { songsQueries } from './api/queries';
export { AccessBadge } from './components/access-badge';
export { SongList } from './components/song-list';
export type { SongRowData } from './components/song-list';
export { songAccess, tokensOf } from './lib/access';
export type { AccessInput, SongAccess } from './lib/access';
