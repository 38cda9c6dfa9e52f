export { releaseQueries } from './api/queries';
export { ArtistProfileEditor } from './components/profile-form';
export { ReleaseEditor } from './components/release-editor';
export { ReleasesHome } from './components/releases-home';
export type { EncodeFile } from './components/album-drop';
