import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../tokenly/context.js';
import { profileRoutes } from './profile-routes.js';
import { releaseRoutes } from './release-routes.js';

export { createProfile } from './profile-repo.js';

/** What an artist does from the app or their own tools: profile and releases (`/api/v1/artist/`). */
export function artistDomainRoutes(app: FastifyInstance, ctx: AppContext): void {
  profileRoutes(app, ctx);
  releaseRoutes(app, ctx);
}
