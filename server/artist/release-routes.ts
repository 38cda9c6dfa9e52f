import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import {
  createAlbumSchema,
  imageBodySchema,
  priceRulesSchema,
  releaseAlbumListSchema,
  releaseAlbumSchema,
  releaseBodySchema,
  updateAlbumSchema,
} from '@contract/release.js';
import { idParamsSchema } from '@contract/params.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { mediaDirs } from '../storage/files.js';
import { artistOf } from './encodings-repo.js';
import { refreshJobs } from './encodings-refresh.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { artworkSizes, storeSquareImage } from './images.js';
import { IMAGE_BODY_LIMIT } from './profile-routes.js';
import { feature } from './profile-repo.js';
import { releaseAlbum } from './release-flow.js';
import {
  albumView,
  createAlbum,
  deleteDraftAlbum,
  listAlbums,
  ownAlbum,
  publishDue,
  setArtwork,
  takeDownAlbum,
  updateAlbum,
} from './releases-repo.js';
import { trackRoutes } from './track-routes.js';

const PRIVATE = 'private, no-store';
/** How often scheduled releases are looked for: a release goes public at most this late. */
const SCHEDULE_TICK_MS = 1000;

/** Releases: albums and singles made from the artist's completed encodings, into the catalog. */
export async function releaseRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, config } = ctx;
  const auth = { preValidation: ctx.requireUser };
  const requireArtist = async (req: FastifyRequest) => {
    const artist = await artistOf(db, userOf(req).id);
    if (!artist) throw new HttpError(403, 'Only users with an artist profile can release music');
    return artist;
  };
  const idOf = (req: { params: { id: string } }) => req.params.id;
  const view = (req: FastifyRequest<{ Params: { id: string } }>, profileId: string) =>
    albumView(db, profileId, idOf(req), ctx.origin(req));
  const one = { ...auth, schema: { params: idParamsSchema, response: { 200: releaseAlbumSchema } } };

  const tick = async () => {
    const published = await publishDue(db);
    if (published.length === 0) return;
    for (const profileId of published) await feature(db, profileId);
    ctx.invalidateCatalog();
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      tick().catch((err: unknown) => app.log.warn({ err }, 'publishing scheduled releases failed'));
    }, SCHEDULE_TICK_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  app.get('/api/v1/artist/price-rules', { ...auth, schema: { response: { 200: priceRulesSchema } } }, async () => ({
    default: config.songPrice.defaultSat / 1e8,
    min: config.songPrice.minSat / 1e8,
    max: config.songPrice.maxSat / 1e8,
  }));

  app.get(
    '/api/v1/artist/albums',
    { ...auth, schema: { response: { 200: releaseAlbumListSchema } } },
    async (req, reply) => {
      const artist = await requireArtist(req);
      reply.header('cache-control', PRIVATE);
      return listAlbums(db, artist.id, ctx.origin(req));
    },
  );

  app.post(
    '/api/v1/artist/albums',
    { ...auth, schema: { body: createAlbumSchema, response: { 200: releaseAlbumSchema } } },
    async (req) => {
      const artist = await requireArtist(req);
      const id = await createAlbum(db, artist, req.body);
      return albumView(db, artist.id, id, ctx.origin(req));
    },
  );

  app.get('/api/v1/artist/albums/:id', one, async (req, reply) => {
    const artist = await requireArtist(req);
    await refreshJobs(ctx, req); // the tracks show their encodings' progress
    reply.header('cache-control', PRIVATE);
    return view(req, artist.id);
  });

  app.patch(
    '/api/v1/artist/albums/:id',
    { ...auth, schema: { params: idParamsSchema, body: updateAlbumSchema, response: { 200: releaseAlbumSchema } } },
    async (req) => {
      const artist = await requireArtist(req);
      const album = await ownAlbum(db, artist.id, idOf(req));
      await db.transaction((tx) => updateAlbum(tx, album.id, req.body));
      if (album.status !== 'draft') ctx.invalidateCatalog();
      return view(req, artist.id);
    },
  );

  app.put(
    '/api/v1/artist/albums/:id/artwork',
    {
      ...auth,
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: { params: idParamsSchema, body: imageBodySchema, response: { 200: releaseAlbumSchema } },
    },
    async (req) => {
      const artist = await requireArtist(req);
      const album = await ownAlbum(db, artist.id, idOf(req));
      const dir = mediaDirs(config.dataDir).artwork;
      const file = await storeSquareImage(req.body.image, dir, album.id);
      const old = await setArtwork(db, album.id, file);
      if (old && old !== file) {
        await Promise.all(
          Object.values(artworkSizes(old)).map((f) => fsp.rm(path.join(dir, path.basename(f)), { force: true })),
        );
      }
      if (album.status !== 'draft') ctx.invalidateCatalog();
      return view(req, artist.id);
    },
  );

  app.post(
    '/api/v1/artist/albums/:id/release',
    { ...auth, schema: { params: idParamsSchema, body: releaseBodySchema, response: { 200: releaseAlbumSchema } } },
    async (req) => {
      const artist = await requireArtist(req);
      await refreshJobs(ctx, req);
      const { at } = req.body ?? {};
      const when = at ? new Date(at) : null;
      if (when && when.getTime() > Date.now() + 5 * 365 * 86_400_000) {
        throw new HttpError(422, 'at must be within five years from now');
      }
      const publicNow = await releaseAlbum(ctx, userOf(req).id, artist.id, idOf(req), when);
      if (publicNow) {
        await feature(db, artist.id);
        ctx.invalidateCatalog();
      }
      return view(req, artist.id);
    },
  );

  app.post('/api/v1/artist/albums/:id/takedown', one, async (req) => {
    const artist = await requireArtist(req);
    const album = await ownAlbum(db, artist.id, idOf(req));
    await takeDownAlbum(db, album.id);
    ctx.invalidateCatalog();
    return view(req, artist.id);
  });

  // Only a draft can be deleted: what was released is taken down, and kept for those who paid.
  app.delete('/api/v1/artist/albums/:id', { ...auth, schema: { params: idParamsSchema } }, async (req, reply) => {
    const artist = await requireArtist(req);
    const album = await ownAlbum(db, artist.id, idOf(req));
    if (album.status !== 'draft') {
      throw new HttpError(409, 'A released or scheduled album cannot be deleted: take it down instead');
    }
    await db.transaction((tx) => deleteDraftAlbum(tx, album.id));
    return reply.code(204).send();
  });

  await app.register(trackRoutes, { ctx, requireArtist });
}
