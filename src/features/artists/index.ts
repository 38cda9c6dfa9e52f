/** The artists feature's public API: nothing else of this folder is imported from outside. */
export { artistQueries, usePrefetchArtist } from './api/queries';
export { ArtistGrid } from './components/artist-grid';
export { ArtistProfileView } from './components/artist-profile-view';
