import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import {
  artistProfileStateSchema,
  createArtistProfileSchema,
  imageBodySchema,
  myArtistProfileSchema,
  updateArtistProfileSchema,
} from '@contract/release.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { mediaDirs } from '../storage/files.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { artworkSizes, storeSquareImage } from './images.js';
import {
  createProfile,
  profileOfUser,
  renameEverywhere,
  setPicture,
  toMyProfile,
  updateProfile,
} from './profile-repo.js';

const PRIVATE = 'private, no-store';
/** base64 of the largest image, and the JSON around it */
export const IMAGE_BODY_LIMIT = 17 * 1024 * 1024;

/** The artist's own profile: created from the app (as ARTIST_SIGNUP allows), edited, its picture. */
export async function profileRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, config } = ctx;
  const auth = { preValidation: ctx.requireUser };
  const mine = async (req: FastifyRequest) => {
    const p = await profileOfUser(db, userOf(req).id);
    if (!p) throw new HttpError(403, 'You have no artist profile yet: create one first');
    return p;
  };

  app.get(
    '/api/v1/artist/profile',
    { ...auth, schema: { response: { 200: artistProfileStateSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      const p = await profileOfUser(db, userOf(req).id);
      return { signup: config.artistSignup, profile: p ? toMyProfile(p, ctx.origin(req)) : null };
    },
  );

  app.post(
    '/api/v1/artist/profile',
    { ...auth, schema: { body: createArtistProfileSchema, response: { 200: myArtistProfileSchema } } },
    async (req) => {
      const b = req.body;
      if (config.artistSignup === 'off') {
        throw new HttpError(403, 'Artist sign-up is closed on this server: ask its operator to make you an artist');
      }
      if (config.artistSignup === 'invite' && !b.inviteCode) {
        throw new HttpError(422, 'inviteCode is required: artists join this server by invitation');
      }
      const { inviteCode, ...fields } = b;
      const p = await createProfile(db, userOf(req).id, fields, {
        inviteCode: config.artistSignup === 'invite' ? inviteCode : undefined,
      });
      return toMyProfile(p, ctx.origin(req));
    },
  );

  app.patch(
    '/api/v1/artist/profile',
    { ...auth, schema: { body: updateArtistProfileSchema, response: { 200: myArtistProfileSchema } } },
    async (req) => {
      const current = await mine(req);
      const b = req.body;
      const p = await db.transaction(async (tx) => {
        const updated = await updateProfile(tx, current.id, b);
        if (b.name !== undefined && b.name !== current.name) await renameEverywhere(tx, current.id, b.name);
        return updated;
      });
      ctx.invalidateCatalog();
      return toMyProfile(p, ctx.origin(req));
    },
  );

  app.put(
    '/api/v1/artist/profile/picture',
    {
      ...auth,
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: { body: imageBodySchema, response: { 200: myArtistProfileSchema } },
    },
    async (req) => {
      const current = await mine(req);
      const dir = mediaDirs(config.dataDir).pictures;
      const file = await storeSquareImage(req.body.image, dir, current.id);
      const old = await setPicture(db, current.id, file);
      if (old && old !== file) {
        await Promise.all(
          Object.values(artworkSizes(old)).map((f) => fsp.rm(path.join(dir, path.basename(f)), { force: true })),
        );
      }
      ctx.invalidateCatalog();
      return toMyProfile((await profileOfUser(db, userOf(req).id))!, ctx.origin(req));
    },
  );
}
