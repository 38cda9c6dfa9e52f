/** What an artist does from the app or their own tools: profile and releases (`/api/v1/artist/`). */
export { profileRoutes } from './profile-routes.js';
export { releaseRoutes } from './release-routes.js';
export { createProfile } from './profile-repo.js';
