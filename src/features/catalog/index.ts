/** The catalog feature's public API: nothing else of this folder is imported from outside. */
export { usePrefetchAlbum } from './api/prefetch';
export { catalogQueries } from './api/queries';
export { AlbumDetailsSkeleton, formatDate } from './components/album-details';
