import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  albumListSchema,
  albumSchema,
  artistPageSchema,
  artistProfileSchema,
  genrePageSchema,
  librarySongListSchema,
  librarySongPageSchema,
  searchQuerySchema,
  songLookupQuerySchema,
  songListSchema,
  tagPageSchema,
} from '../../contract/catalog.js';
import { pagingQuerySchema } from '../../contract/common.js';
import { profileSchema } from '../../contract/account.js';
import { MicroCache } from '../lib/micro-cache.js';
import { albumSongs, artistProfileExists, getAlbum, getArtistProfile, listAlbums } from './catalog-repo.js';
import type { AppContext } from './context.js';
import { listArtists, listGenres, listTags, publicProfile } from './directory-repo.js';
import { paging } from './format.js';
import { artistSongs, searchLibrary, songsByIds } from './search-repo.js';

const albumIdParams = z.object({ albumId: z.string() });
const CATALOG_CACHE = 'public, max-age=30, stale-while-revalidate=300';

/** Public catalog answers are the same for everyone: serialized once, shared for a moment. */
const CACHE_TTL_MS = 2000;

export function publicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const cache = new MicroCache<string>(CACHE_TTL_MS);
  ctx.catalogCaches.push(cache);
  // The key has the origin: answers carry absolute artwork URLs.
  const cached = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType,
    produce: () => Promise<unknown>,
  ) => {
    const body = await cache.get(`${ctx.origin(req)}${req.url}`, async () =>
      JSON.stringify(schema.parse(await produce())),
    );
    return reply.type('application/json; charset=utf-8').send(body);
  };

  app.get('/api/v1/music/catalog/albums', { schema: { response: { 200: albumListSchema } } }, async (req, reply) => {
    reply.header('cache-control', CATALOG_CACHE);
    return cached(req, reply, albumListSchema, () => listAlbums(db, ctx.origin(req)));
  });

  app.get(
    '/api/v1/music/catalog/songs/:albumId',
    { schema: { params: albumIdParams, response: { 200: songListSchema } } },
    async (req, reply) => {
      const { albumId } = req.params as z.infer<typeof albumIdParams>;
      reply.header('cache-control', CATALOG_CACHE);
      return cached(req, reply, songListSchema, () => albumSongs(db, albumId));
    },
  );

  app.get(
    '/api/v1/music/album/:albumId',
    { schema: { params: albumIdParams, response: { 200: albumSchema } } },
    async (req, reply) => {
      const { albumId } = req.params as z.infer<typeof albumIdParams>;
      reply.header('cache-control', CATALOG_CACHE);
      return cached(req, reply, albumSchema, () => getAlbum(db, albumId, ctx.origin(req)));
    },
  );

  app.get(
    '/api/v1/library',
    { schema: { querystring: searchQuerySchema, response: { 200: librarySongPageSchema } } },
    async (req, reply) => {
      const q = req.query as z.output<typeof searchQuerySchema>;
      reply.header('cache-control', 'public, max-age=10');
      return cached(req, reply, librarySongPageSchema, () => searchLibrary(db, q, paging(q), ctx.origin(req)));
    },
  );

  // An addition to the publisher's API: playlists and shared links show their songs by id.
  app.get(
    '/api/v1/music/songs',
    { schema: { querystring: songLookupQuerySchema, response: { 200: librarySongListSchema } } },
    async (req, reply) => {
      const { ids } = req.query as z.output<typeof songLookupQuerySchema>;
      reply.header('cache-control', CATALOG_CACHE);
      return cached(req, reply, librarySongListSchema, () => songsByIds(db, ids, ctx.origin(req)));
    },
  );

  app.get(
    '/api/v1/artists',
    { schema: { querystring: pagingQuerySchema, response: { 200: artistPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      const p = paging(req.query as z.output<typeof pagingQuerySchema>);
      return cached(req, reply, artistPageSchema, () => listArtists(db, p, ctx.origin(req)));
    },
  );

  app.get(
    '/api/v1/genres',
    { schema: { querystring: pagingQuerySchema, response: { 200: genrePageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      const p = paging(req.query as z.output<typeof pagingQuerySchema>);
      return cached(req, reply, genrePageSchema, () => listGenres(db, p));
    },
  );

  app.get(
    '/api/v1/tags',
    { schema: { querystring: pagingQuerySchema, response: { 200: tagPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      const p = paging(req.query as z.output<typeof pagingQuerySchema>);
      return cached(req, reply, tagPageSchema, () => listTags(db, p));
    },
  );

  const profileIdParams = z.object({ profileId: z.string() });
  app.get(
    '/api/v1/artist/profile/:profileId',
    { schema: { params: profileIdParams, response: { 200: artistProfileSchema } } },
    async (req, reply) => {
      const { profileId } = req.params as z.infer<typeof profileIdParams>;
      reply.header('cache-control', CATALOG_CACHE);
      return cached(req, reply, artistProfileSchema, () => getArtistProfile(db, profileId, ctx.origin(req)));
    },
  );

  app.get(
    '/api/v1/artist/:profileId/songs',
    { schema: { params: profileIdParams, querystring: pagingQuerySchema, response: { 200: librarySongPageSchema } } },
    async (req, reply) => {
      const { profileId } = req.params as z.infer<typeof profileIdParams>;
      const p = paging(req.query as z.output<typeof pagingQuerySchema>);
      return cached(req, reply, librarySongPageSchema, async () => {
        await artistProfileExists(db, profileId);
        return artistSongs(db, profileId, p, ctx.origin(req));
      });
    },
  );

  const usernameParams = z.object({ username: z.string().min(1).max(64) });
  app.get(
    '/api/v1/profiles/:username',
    { schema: { params: usernameParams, response: { 200: profileSchema } } },
    async (req) => publicProfile(db, (req.params as z.infer<typeof usernameParams>).username),
  );
}
