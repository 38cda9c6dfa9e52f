/** The my-songs feature's public API: nothing else of this folder is imported from outside. */
export { MySongsList } from './components/my-songs-list';
