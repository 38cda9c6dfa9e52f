import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  albumListSchema,
  albumSchema,
  artistPageSchema,
  artistProfileSchema,
  genrePageSchema,
  librarySongPageSchema,
  searchQuerySchema,
  songListSchema,
  tagPageSchema,
} from '../../contract/catalog.js';
import { pagingQuerySchema } from '../../contract/common.js';
import { profileSchema } from '../../contract/account.js';
import { albumSongs, artistProfileExists, getAlbum, getArtistProfile, listAlbums } from './catalog-repo.js';
import type { AppContext } from './context.js';
import { listArtists, listGenres, listTags, publicProfile } from './directory-repo.js';
import { paging } from './format.js';
import { artistSongs, searchLibrary } from './search-repo.js';

const albumIdParams = z.object({ albumId: z.string() });
const CATALOG_CACHE = 'public, max-age=30, stale-while-revalidate=300';

export function publicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/music/catalog/albums', { schema: { response: { 200: albumListSchema } } }, async (req, reply) => {
    reply.header('cache-control', CATALOG_CACHE);
    return listAlbums(db, ctx.origin(req));
  });

  app.get(
    '/api/v1/music/catalog/songs/:albumId',
    { schema: { params: albumIdParams, response: { 200: songListSchema } } },
    async (req, reply) => {
      const { albumId } = req.params as z.infer<typeof albumIdParams>;
      reply.header('cache-control', CATALOG_CACHE);
      return albumSongs(db, albumId);
    },
  );

  app.get(
    '/api/v1/music/album/:albumId',
    { schema: { params: albumIdParams, response: { 200: albumSchema } } },
    async (req, reply) => {
      const { albumId } = req.params as z.infer<typeof albumIdParams>;
      reply.header('cache-control', CATALOG_CACHE);
      return getAlbum(db, albumId, ctx.origin(req));
    },
  );

  app.get(
    '/api/v1/library',
    { schema: { querystring: searchQuerySchema, response: { 200: librarySongPageSchema } } },
    async (req) => {
      const q = req.query as z.output<typeof searchQuerySchema>;
      return searchLibrary(db, q, paging(q), ctx.origin(req));
    },
  );

  app.get(
    '/api/v1/artists',
    { schema: { querystring: pagingQuerySchema, response: { 200: artistPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      return listArtists(db, paging(req.query as z.output<typeof pagingQuerySchema>), ctx.origin(req));
    },
  );

  app.get(
    '/api/v1/genres',
    { schema: { querystring: pagingQuerySchema, response: { 200: genrePageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      return listGenres(db, paging(req.query as z.output<typeof pagingQuerySchema>));
    },
  );

  app.get(
    '/api/v1/tags',
    { schema: { querystring: pagingQuerySchema, response: { 200: tagPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', CATALOG_CACHE);
      return listTags(db, paging(req.query as z.output<typeof pagingQuerySchema>));
    },
  );

  const profileIdParams = z.object({ profileId: z.string() });
  app.get(
    '/api/v1/artist/profile/:profileId',
    { schema: { params: profileIdParams, response: { 200: artistProfileSchema } } },
    async (req) => getArtistProfile(db, (req.params as z.infer<typeof profileIdParams>).profileId, ctx.origin(req)),
  );

  app.get(
    '/api/v1/artist/:profileId/songs',
    { schema: { params: profileIdParams, querystring: pagingQuerySchema, response: { 200: librarySongPageSchema } } },
    async (req) => {
      const { profileId } = req.params as z.infer<typeof profileIdParams>;
      await artistProfileExists(db, profileId);
      return artistSongs(db, profileId, paging(req.query as z.output<typeof pagingQuerySchema>), ctx.origin(req));
    },
  );

  const usernameParams = z.object({ username: z.string().min(1).max(64) });
  app.get(
    '/api/v1/profiles/:username',
    { schema: { params: usernameParams, response: { 200: profileSchema } } },
    async (req) => publicProfile(db, (req.params as z.infer<typeof usernameParams>).username),
  );
}
