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
} from '@contract/catalog.js';
import { pagingQuerySchema } from '@contract/common.js';
import { profileSchema } from '@contract/account.js';
import { albumIdParamsSchema, profileIdParamsSchema, usernameParamsSchema } from '@contract/params.js';
import { cachedAnswers } from '../lib/cached-answers.js';
import type { App } from '../lib/validation.js';
import { albumSongs, artistProfileExists, getAlbum, getArtistProfile, listAlbums } from './catalog-repo.js';
import type { RouteOptions } from './context.js';
import { listArtists, listGenres, listTags, publicProfile } from './directory-repo.js';
import { paging } from './format.js';
import { artistSongs, searchLibrary, songsByIds } from './search-repo.js';

const CATALOG_CACHE = 'public, max-age=30, stale-while-revalidate=300';

/** Public catalog answers are the same for everyone: serialized once, shared for a moment. */
const CACHE_TTL_MS = 2000;

export async function publicRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const { cache, answer } = cachedAnswers(CACHE_TTL_MS, ctx.origin);
  ctx.catalogCaches.push(cache);
  const paged = { querystring: pagingQuerySchema };

  app.get('/api/v1/music/catalog/albums', { schema: { response: { 200: albumListSchema } } }, (req, reply) =>
    answer(req, reply, albumListSchema, () => listAlbums(db, ctx.origin(req)), CATALOG_CACHE),
  );

  app.get(
    '/api/v1/music/catalog/songs/:albumId',
    { schema: { params: albumIdParamsSchema, response: { 200: songListSchema } } },
    (req, reply) => answer(req, reply, songListSchema, () => albumSongs(db, req.params.albumId), CATALOG_CACHE),
  );

  app.get(
    '/api/v1/music/album/:albumId',
    { schema: { params: albumIdParamsSchema, response: { 200: albumSchema } } },
    (req, reply) =>
      answer(req, reply, albumSchema, () => getAlbum(db, req.params.albumId, ctx.origin(req)), CATALOG_CACHE),
  );

  app.get(
    '/api/v1/library',
    { schema: { querystring: searchQuerySchema, response: { 200: librarySongPageSchema } } },
    (req, reply) =>
      answer(
        req,
        reply,
        librarySongPageSchema,
        () => searchLibrary(db, req.query, paging(req.query), ctx.origin(req)),
        'public, max-age=10',
      ),
  );

  // An addition to the publisher's API: playlists and shared links show their songs by id.
  app.get(
    '/api/v1/music/songs',
    { schema: { querystring: songLookupQuerySchema, response: { 200: librarySongListSchema } } },
    (req, reply) =>
      answer(req, reply, librarySongListSchema, () => songsByIds(db, req.query.ids, ctx.origin(req)), CATALOG_CACHE),
  );

  app.get('/api/v1/artists', { schema: { ...paged, response: { 200: artistPageSchema } } }, (req, reply) =>
    answer(req, reply, artistPageSchema, () => listArtists(db, paging(req.query), ctx.origin(req)), CATALOG_CACHE),
  );

  app.get('/api/v1/genres', { schema: { ...paged, response: { 200: genrePageSchema } } }, (req, reply) =>
    answer(req, reply, genrePageSchema, () => listGenres(db, paging(req.query)), CATALOG_CACHE),
  );

  app.get('/api/v1/tags', { schema: { ...paged, response: { 200: tagPageSchema } } }, (req, reply) =>
    answer(req, reply, tagPageSchema, () => listTags(db, paging(req.query)), CATALOG_CACHE),
  );

  app.get(
    '/api/v1/artist/profile/:profileId',
    { schema: { params: profileIdParamsSchema, response: { 200: artistProfileSchema } } },
    (req, reply) =>
      answer(
        req,
        reply,
        artistProfileSchema,
        () => getArtistProfile(db, req.params.profileId, ctx.origin(req)),
        CATALOG_CACHE,
      ),
  );

  app.get(
    '/api/v1/artist/:profileId/songs',
    { schema: { params: profileIdParamsSchema, ...paged, response: { 200: librarySongPageSchema } } },
    (req, reply) =>
      answer(
        req,
        reply,
        librarySongPageSchema,
        async () => {
          await artistProfileExists(db, req.params.profileId);
          return artistSongs(db, req.params.profileId, paging(req.query), ctx.origin(req));
        },
        null,
      ),
  );

  app.get(
    '/api/v1/profiles/:username',
    { schema: { params: usernameParamsSchema, response: { 200: profileSchema } } },
    async (req) => publicProfile(db, req.params.username),
  );
}
