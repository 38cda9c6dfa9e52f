import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { albumListSchema } from '../../contract/catalog.js';
import {
  albumBrowseQuerySchema,
  albumPageSchema,
  playedSongListSchema,
  suggestionsSchema,
  suggestQuerySchema,
} from '../../contract/listener-app.js';
import { MicroCache } from '../lib/micro-cache.js';
import { artistAlbums, browseAlbums, popularThisWeek, topSongs } from './browse-repo.js';
import type { AppContext } from './context.js';
import { allGenres, suggest } from './suggest-repo.js';

const PUBLIC = 'public, max-age=30, stale-while-revalidate=300';
const GENRES_TTL_MS = 60_000;

/**
 * Public additions for the listener's app: suggestions while typing, the all-albums page, the
 * week's most played songs, an artist's discography and top songs. Answers are the same for
 * everyone, so they are shared for a moment (as the catalog's are).
 */
export function discoveryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const cache = new MicroCache<string>(2000);
  const send = async (key: string, schema: z.ZodType, produce: () => Promise<unknown>) =>
    cache.get(key, async () => JSON.stringify(schema.parse(await produce())));

  // The genres change rarely: kept a minute, and refreshed in the background so no keystroke waits.
  let genres: { list: string[]; at: number } | undefined;
  let refreshing: Promise<string[]> | undefined;
  const genreList = async () => {
    if (!genres || Date.now() - genres.at > GENRES_TTL_MS) {
      refreshing ??= allGenres(db)
        .then((list) => ((genres = { list, at: Date.now() }), list))
        .finally(() => (refreshing = undefined));
      if (!genres) return refreshing;
    }
    return genres.list;
  };

  app.get(
    '/api/v1/music/suggest',
    { schema: { querystring: suggestQuerySchema, response: { 200: suggestionsSchema } } },
    async (req, reply) => {
      const { q } = req.query as z.output<typeof suggestQuerySchema>;
      const origin = ctx.origin(req);
      reply.header('cache-control', PUBLIC).type('application/json; charset=utf-8');
      return send(`${origin}|suggest|${q.toLowerCase()}`, suggestionsSchema, async () =>
        suggest(db, q, await genreList(), origin),
      );
    },
  );

  app.get(
    '/api/v1/music/albums',
    { schema: { querystring: albumBrowseQuerySchema, response: { 200: albumPageSchema } } },
    async (req, reply) => {
      const q = req.query as z.output<typeof albumBrowseQuerySchema>;
      const origin = ctx.origin(req);
      reply.header('cache-control', PUBLIC).type('application/json; charset=utf-8');
      return send(`${origin}${req.url}`, albumPageSchema, () =>
        browseAlbums(
          db,
          { sort: q.sort ?? 'newest', genre: q.genre || undefined, limit: q.limit ?? 48, page: q.pg ?? 0 },
          origin,
        ),
      );
    },
  );

  app.get('/api/v1/music/popular', { schema: { response: { 200: playedSongListSchema } } }, async (req, reply) => {
    const origin = ctx.origin(req);
    reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8');
    return send(`${origin}|popular`, playedSongListSchema, () => popularThisWeek(db, origin));
  });

  const profileParams = z.object({ profileId: z.string() });
  app.get(
    '/api/v1/music/artists/:profileId/albums',
    { schema: { params: profileParams, response: { 200: albumListSchema } } },
    async (req, reply) => {
      const { profileId } = req.params as z.infer<typeof profileParams>;
      const origin = ctx.origin(req);
      reply.header('cache-control', PUBLIC).type('application/json; charset=utf-8');
      return send(`${origin}${req.url}`, albumListSchema, () => artistAlbums(db, profileId, origin));
    },
  );

  app.get(
    '/api/v1/music/artists/:profileId/top-songs',
    { schema: { params: profileParams, response: { 200: playedSongListSchema } } },
    async (req, reply) => {
      const { profileId } = req.params as z.infer<typeof profileParams>;
      const origin = ctx.origin(req);
      reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8');
      return send(`${origin}${req.url}`, playedSongListSchema, () => topSongs(db, profileId, origin));
    },
  );
}
