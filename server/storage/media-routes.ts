import path from 'node:path';
import { fileParamsSchema } from '@contract/params.js';
import type { App } from '../lib/validation.js';
import type { RouteOptions } from '../tokenly/context.js';
import { mediaDirs, safeName, sendFile } from './files.js';

// Artwork names carry a content hash (or never change), so browsers may keep them for a long time.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Public media: album artwork and artist pictures. Audio is only served through signed grants. */
export async function publicMediaRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const dirs = mediaDirs(ctx.config.dataDir);
  for (const kind of ['artwork', 'pictures'] as const) {
    app.route({
      method: ['GET', 'HEAD'],
      url: `/media/${kind}/:file`,
      schema: { params: fileParamsSchema },
      handler: async (req, reply) => {
        const { file } = req.params;
        return sendFile(req, reply, path.join(dirs[kind], safeName(file)), { cacheControl: IMMUTABLE });
      },
    });
  }
}
