import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { mediaDirs, safeName, sendFile } from './files.js';

const fileParams = z.object({ file: z.string() });
// Artwork names carry a content hash (or never change), so browsers may keep them for a long time.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Public media: album artwork and artist pictures. Audio is only served through signed grants. */
export function publicMediaRoutes(app: FastifyInstance, dataDir: string): void {
  const dirs = mediaDirs(dataDir);
  for (const kind of ['artwork', 'pictures'] as const) {
    app.route({
      method: ['GET', 'HEAD'],
      url: `/media/${kind}/:file`,
      schema: { params: fileParams },
      handler: async (req, reply) => {
        const { file } = req.params as z.infer<typeof fileParams>;
        return sendFile(req, reply, path.join(dirs[kind], safeName(file)), { cacheControl: IMMUTABLE });
      },
    });
  }
}
