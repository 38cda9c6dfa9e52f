/** The playlists feature's public API: nothing else of this folder is imported from outside. */
export { useAddToPlaylist } from './api/add';
export { AddToPlaylistMenu } from './components/add-to-playlist-menu';
export { NewPlaylistDialog } from './components/new-playlist-dialog';
export { PlaylistView } from './components/playlist-view';
export { PlaylistsOverview } from './components/playlists-overview';
export { ProfilePlaylists } from './components/profile-playlists';
export { SharedLiveView } from './components/shared-live-view';
export { SharedPlaylistView } from './components/shared-playlist-view';
export { playlistPath } from './lib/format';
