/** The home feature's public API: nothing else of this folder is imported from outside. */
export { homeQueries } from './api/queries';
export { Shelf } from './components/shelf';
export { SongTiles } from './components/song-tiles';
