import { z } from 'zod';
import {
  coverBodySchema,
  createPlaylistSchema,
  myPlaylistsSchema,
  playlistDetailSchema,
  playlistIdParams,
  playlistOpsBodySchema,
  playlistSummarySchema,
  shareTokenParams,
  sharingBodySchema,
  usernameParams,
  VISIBILITIES,
} from '@contract/playlists.js';
import { storeSquareImage } from '../artist/images.js';
import { IMAGE_BODY_LIMIT } from '../artist/profile-routes.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { mediaDirs } from '../storage/files.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { followedPlaylists, ownDetail, ownPlaylists, profilePlaylists, sharedDetail } from './playlists-repo.js';
import {
  checkDuplicates,
  createPlaylist,
  deletePlaylist,
  editPlaylist,
  setCover,
  setFollow,
  setVisibility,
} from './playlists-write-repo.js';

const PRIVATE = 'private, no-store';
/** 10,000 song ids of 64 characters at most, as JSON. */
const SONGS_BODY_LIMIT = 1024 * 1024;
export const playlistEtag = (version: number) => `"p${version}"`;

/** The version an If-Match names (`"p12"`, also `W/"p12"` or `12`), or null when there is none. */
export function versionOf(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined) return null;
  const m = /^\s*(?:W\/)?"?p?(\d{1,15})"?\s*$/.exec(ifMatch);
  if (!m) throw new HttpError(400, `If-Match must name one version of the playlist, like "p3"; got ${ifMatch}`);
  return Number(m[1]);
}

const opsResultSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  songCount: z.number().int(),
  skipped: z.array(z.number().int()),
  merged: z.boolean(),
});
const sharingResultSchema = z.object({ visibility: z.enum(VISIBILITIES), shareToken: z.string().nullable() });
const followResultSchema = z.object({ following: z.boolean() });
const idResultSchema = z.object({ id: z.string() });

/**
 * Playlists as resources (issue 21): signed additions to the publisher's API under
 * `/api/v1/me/playlists`, and the public live page of a shared link. See server/playlists/README.md.
 */
export async function playlistsRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const auth = { preValidation: ctx.requireUser };

  app.get('/api/v1/me/playlists', { ...auth, schema: { response: { 200: myPlaylistsSchema } } }, async (req, reply) => {
    const user = userOf(req);
    reply.header('cache-control', PRIVATE);
    const [playlists, following] = await Promise.all([
      ownPlaylists(db, user.id, ctx.origin(req)),
      followedPlaylists(db, user.id, ctx.origin(req)),
    ]);
    return { playlists, following };
  });

  app.post(
    '/api/v1/me/playlists',
    {
      ...auth,
      bodyLimit: SONGS_BODY_LIMIT,
      schema: { body: createPlaylistSchema, response: { 201: playlistDetailSchema } },
    },
    async (req, reply) => {
      const user = userOf(req);
      const b = req.body;
      let songIds = b.songIds ?? [];
      if (b.fromShared !== undefined) {
        songIds = (await sharedDetail(db, b.fromShared, ctx.origin(req), user.id)).entries.map((e) => e.songId);
      } else {
        checkDuplicates(songIds, b.allowDuplicates, b.name);
      }
      const id = await createPlaylist(db, user.id, { name: b.name, description: b.description, songIds });
      const detail = await ownDetail(db, user.id, id, ctx.origin(req));
      reply.code(201).header('etag', playlistEtag(detail.version)).header('cache-control', PRIVATE);
      return detail;
    },
  );

  app.get(
    '/api/v1/me/playlists/:id',
    { ...auth, schema: { params: playlistIdParams, response: { 200: playlistDetailSchema } } },
    async (req, reply) => {
      const detail = await ownDetail(db, userOf(req).id, req.params.id, ctx.origin(req));
      reply.header('etag', playlistEtag(detail.version)).header('cache-control', PRIVATE);
      return detail;
    },
  );

  app.post(
    '/api/v1/me/playlists/:id/ops',
    {
      ...auth,
      bodyLimit: SONGS_BODY_LIMIT,
      schema: { params: playlistIdParams, body: playlistOpsBodySchema, response: { 200: opsResultSchema } },
    },
    async (req, reply) => {
      const base = versionOf(req.headers['if-match']);
      if (base === null) {
        throw new HttpError(428, 'Send If-Match with the version of the playlist these edits were made on');
      }
      const out = await editPlaylist(db, userOf(req).id, req.params.id, base, req.body.ops);
      reply.header('etag', playlistEtag(out.state.version)).header('cache-control', PRIVATE);
      return {
        version: out.state.version,
        name: out.state.name,
        songCount: out.state.songIds.length,
        skipped: out.skipped,
        merged: out.merged,
      };
    },
  );

  app.delete(
    '/api/v1/me/playlists/:id',
    { ...auth, schema: { params: playlistIdParams, response: { 200: idResultSchema } } },
    async (req) => {
      await deletePlaylist(db, userOf(req).id, req.params.id, versionOf(req.headers['if-match']));
      return { id: req.params.id };
    },
  );

  app.put(
    '/api/v1/me/playlists/:id/sharing',
    { ...auth, schema: { params: playlistIdParams, body: sharingBodySchema, response: { 200: sharingResultSchema } } },
    async (req) => setVisibility(db, userOf(req).id, req.params.id, req.body.visibility),
  );

  app.put(
    '/api/v1/me/playlists/:id/cover',
    {
      ...auth,
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: { params: playlistIdParams, body: coverBodySchema, response: { 200: playlistSummarySchema } },
    },
    async (req) => {
      const user = userOf(req);
      await ownDetail(db, user.id, req.params.id, ctx.origin(req));
      const file = await storeSquareImage(
        req.body.image,
        mediaDirs(ctx.config.dataDir).artwork,
        `playlist-${req.params.id}`,
      );
      await setCover(db, user.id, req.params.id, file);
      return ownDetail(db, user.id, req.params.id, ctx.origin(req));
    },
  );
  app.delete(
    '/api/v1/me/playlists/:id/cover',
    { ...auth, schema: { params: playlistIdParams, response: { 200: playlistSummarySchema } } },
    async (req) => {
      await setCover(db, userOf(req).id, req.params.id, null);
      return ownDetail(db, userOf(req).id, req.params.id, ctx.origin(req));
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/v1/me/playlists/following/:token',
      ...auth,
      schema: { params: shareTokenParams, response: { 200: followResultSchema } },
      handler: async (req) => ({ following: await setFollow(db, userOf(req).id, req.params.token, method === 'PUT') }),
    });
  }

  // Public: the live page of a shared link, and the playlists a listener shows on their profile.
  app.get(
    '/api/v1/music/playlists/shared/:token',
    { schema: { params: shareTokenParams, response: { 200: playlistDetailSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      return sharedDetail(db, req.params.token, ctx.origin(req), null);
    },
  );
  app.get(
    '/api/v1/profiles/:username/playlists',
    { schema: { params: usernameParams, response: { 200: z.array(playlistSummarySchema) } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      return profilePlaylists(db, req.params.username, ctx.origin(req));
    },
  );
}
