import { z } from 'zod';
import {
  followedArtistListSchema,
  homeSchema,
  LIBRARY_KINDS,
  libraryChangeSchema,
  libraryIdsSchema,
  likedQuerySchema,
  likedSongPageSchema,
  playEventSchema,
  playRecordedSchema,
  savedAlbumListSchema,
} from '@contract/listener-app.js';
import type { App } from '../lib/validation.js';
import { userOf, type RouteOptions } from './context.js';
import { homeOf, recordPlay } from './history-repo.js';
import { followedArtists, libraryIds, likedSongs, savedAlbums, setKept } from './library-repo.js';

const PRIVATE = 'private, no-store';

/**
 * Signed additions for the listener: play events (the history), the home page, and the library
 * (liked songs, saved albums, followed artists). No size limit of their own: a listener's
 * thousands of likes are rows, not a document.
 */
export async function libraryRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const auth = { preValidation: ctx.requireUser };

  app.post(
    '/api/v1/me/plays',
    { ...auth, schema: { body: playEventSchema, response: { 200: playRecordedSchema } } },
    async (req, reply) => {
      await recordPlay(db, userOf(req).id, req.body);
      reply.header('cache-control', PRIVATE);
      return { recorded: true };
    },
  );

  app.get('/api/v1/me/home', { ...auth, schema: { response: { 200: homeSchema } } }, async (req, reply) => {
    reply.header('cache-control', PRIVATE);
    return homeOf(db, userOf(req).id, ctx.origin(req));
  });

  app.get('/api/v1/me/library', { ...auth, schema: { response: { 200: libraryIdsSchema } } }, async (req, reply) => {
    reply.header('cache-control', PRIVATE);
    return libraryIds(db, userOf(req).id);
  });

  app.get(
    '/api/v1/me/library/songs',
    { ...auth, schema: { querystring: likedQuerySchema, response: { 200: likedSongPageSchema } } },
    async (req, reply) => {
      const q = req.query;
      reply.header('cache-control', PRIVATE);
      return likedSongs(db, userOf(req).id, { limit: q.limit ?? 100, page: q.pg ?? 0 }, ctx.origin(req));
    },
  );
  app.get(
    '/api/v1/me/library/albums',
    { ...auth, schema: { response: { 200: savedAlbumListSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      return savedAlbums(db, userOf(req).id, ctx.origin(req));
    },
  );
  app.get(
    '/api/v1/me/library/artists',
    { ...auth, schema: { response: { 200: followedArtistListSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      return followedArtists(db, userOf(req).id, ctx.origin(req));
    },
  );

  const params = z.object({
    kind: z.enum(LIBRARY_KINDS, { message: "kind must be 'songs', 'albums' or 'artists'" }),
    id: z.string(),
  });
  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/v1/me/library/:kind/:id',
      ...auth,
      schema: { params, response: { 200: libraryChangeSchema } },
      handler: async (req) => {
        const { kind, id } = req.params;
        return setKept(db, userOf(req).id, kind, id, method === 'PUT');
      },
    });
  }
}
