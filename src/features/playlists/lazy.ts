/** The playlists feature's code loaded on demand (dynamic import), kept out of the eager bundle. */
export * from './components/add-to-playlist-menu';
export * from './components/playlist-editor-host';
