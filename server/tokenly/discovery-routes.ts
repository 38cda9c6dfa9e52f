import { albumListSchema } from '@contract/catalog.js';
import {
  albumBrowseQuerySchema,
  albumPageSchema,
  playedSongListSchema,
  suggestionsSchema,
  suggestQuerySchema,
} from '@contract/listener-app.js';
import { profileIdParamsSchema } from '@contract/params.js';
import { cachedAnswers } from '../lib/cached-answers.js';
import type { App } from '../lib/validation.js';
import { artistAlbums, browseAlbums, popularThisWeek, topSongs } from './browse-repo.js';
import type { RouteOptions } from './context.js';
import { allGenres, suggest } from './suggest-repo.js';

const PUBLIC = 'public, max-age=30, stale-while-revalidate=300';
const A_MINUTE = 'public, max-age=60';
const GENRES_TTL_MS = 60_000;

/**
 * Public additions for the listener's app: suggestions while typing, the all-albums page, the
 * week's most played songs, an artist's discography and top songs. Answers are the same for
 * everyone, so they are shared for a moment (as the catalog's are).
 */
export async function discoveryRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const { answer } = cachedAnswers(2000, ctx.origin);

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
    (req, reply) => {
      const { q } = req.query;
      const key = `${ctx.origin(req)}|suggest|${q.toLowerCase()}`;
      const produce = async () => suggest(db, q, await genreList(), ctx.origin(req));
      return answer(req, reply, suggestionsSchema, produce, PUBLIC, key);
    },
  );

  app.get(
    '/api/v1/music/albums',
    { schema: { querystring: albumBrowseQuerySchema, response: { 200: albumPageSchema } } },
    (req, reply) => {
      const q = req.query;
      const browse = { sort: q.sort ?? 'newest', genre: q.genre || undefined, limit: q.limit ?? 48, page: q.pg ?? 0 };
      return answer(req, reply, albumPageSchema, () => browseAlbums(db, browse, ctx.origin(req)), PUBLIC);
    },
  );

  app.get('/api/v1/music/popular', { schema: { response: { 200: playedSongListSchema } } }, (req, reply) =>
    answer(
      req,
      reply,
      playedSongListSchema,
      () => popularThisWeek(db, ctx.origin(req)),
      A_MINUTE,
      `${ctx.origin(req)}|popular`,
    ),
  );

  app.get(
    '/api/v1/music/artists/:profileId/albums',
    { schema: { params: profileIdParamsSchema, response: { 200: albumListSchema } } },
    (req, reply) =>
      answer(req, reply, albumListSchema, () => artistAlbums(db, req.params.profileId, ctx.origin(req)), PUBLIC),
  );

  app.get(
    '/api/v1/music/artists/:profileId/top-songs',
    { schema: { params: profileIdParamsSchema, response: { 200: playedSongListSchema } } },
    (req, reply) =>
      answer(req, reply, playedSongListSchema, () => topSongs(db, req.params.profileId, ctx.origin(req)), A_MINUTE),
  );
}
