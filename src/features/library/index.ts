/** The library feature's public API: nothing else of this folder is imported from outside. */
export { libraryQueries } from './api/queries';
export { KeepButton } from './components/keep-button';
