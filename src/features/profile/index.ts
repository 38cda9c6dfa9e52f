/** The profile feature's public API: nothing else of this folder is imported from outside. */
export { profileQueries } from './api/queries';
export { ProfileForm } from './components/profile-form';
export { PublicProfileView } from './components/public-profile-view';
