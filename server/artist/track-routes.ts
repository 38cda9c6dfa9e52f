import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { createTrackSchema, releaseAlbumSchema, updateTrackSchema } from '@contract/release.js';
import { idParamsSchema, trackParamsSchema } from '@contract/params.js';
import type { Config } from '../config.js';
import { unprocessable } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import type { ArtistProfile } from './encodings-repo.js';
import { refreshJobs } from './encodings-refresh.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { replaceTrackAudio } from './release-flow.js';
import { albumView, ownAlbum } from './releases-repo.js';
import { addTrack, ownEncoding, removeTrack, trackOfAlbum, updateTrack, type TrackValues } from './tracks-repo.js';

type TrackBody = z.output<typeof updateTrackSchema>;

/** The wire's credits become sat within the operator's bounds; tags are kept lower case, once each. */
function trackValues(b: TrackBody, config: Config): TrackValues {
  const { price, tags, tokens, ...rest } = b;
  const v: TrackValues = { ...rest };
  if (price !== undefined) {
    const sat = Math.round(price * 1e8);
    const { minSat, maxSat } = config.songPrice;
    if (sat < minSat || sat > maxSat) {
      throw unprocessable(`price must be between ${minSat / 1e8} and ${maxSat / 1e8} credits (it was ${price})`);
    }
    v.priceSat = sat;
  }
  if (tags) v.tags = [...new Set(tags.map((t) => t.toLowerCase()))];
  if (tokens) v.tokens = [...new Set(tokens)];
  return v;
}

/** An album's tracks: added (usually from an encoding), edited, given new audio, taken down. */
export async function trackRoutes(
  app: App,
  { ctx, requireArtist }: RouteOptions & { requireArtist: (req: FastifyRequest) => Promise<ArtistProfile> },
): Promise<void> {
  const { db, config } = ctx;
  const auth = { preValidation: ctx.requireUser };
  const reply200 = { 200: releaseAlbumSchema };

  app.post(
    '/api/v1/artist/albums/:id/tracks',
    { ...auth, schema: { params: idParamsSchema, body: createTrackSchema, response: reply200 } },
    async (req) => {
      const artist = await requireArtist(req);
      const { id } = req.params;
      const album = await ownAlbum(db, artist.id, id);
      if (album.removed_at) throw unprocessable('This album was taken down: tracks cannot be added');
      const b = req.body;
      if (album.status !== 'draft' && !b.encodingId) {
        throw unprocessable('encodingId is required: a track added to a released album needs its audio at once');
      }
      const v = trackValues(b, config);
      v.priceSat ??= config.songPrice.defaultSat;
      if (b.encodingId) await ownEncoding(db, userOf(req).id, b.encodingId);
      const trackId = await db.transaction((tx) => addTrack(tx, album, artist.name, v));
      // Added to a released album: its audio is put in place at once, and it is public.
      if (album.status !== 'draft' && b.encodingId) {
        await refreshJobs(ctx, req);
        await replaceTrackAudio(ctx, userOf(req).id, { id: trackId, name: b.name ?? 'Untitled' }, b.encodingId).catch(
          async (err: unknown) => {
            await removeTrack(db, trackId, true);
            throw err;
          },
        );
        ctx.invalidateCatalog();
      }
      return albumView(db, artist.id, album.id, ctx.origin(req));
    },
  );

  app.patch(
    '/api/v1/artist/albums/:id/tracks/:trackId',
    { ...auth, schema: { params: trackParamsSchema, body: updateTrackSchema, response: reply200 } },
    async (req) => {
      const artist = await requireArtist(req);
      const { id, trackId } = req.params;
      const album = await ownAlbum(db, artist.id, id);
      const track = await trackOfAlbum(db, album.id, trackId);
      const b = req.body;
      const v = trackValues(b, config);
      if (b.encodingId) await ownEncoding(db, userOf(req).id, b.encodingId);
      // On a released track, a new encoding replaces the audio listeners hear (checked complete first).
      if (album.status !== 'draft' && b.encodingId && track.audio_path) {
        await refreshJobs(ctx, req);
        await replaceTrackAudio(ctx, userOf(req).id, { id: track.id, name: b.name ?? 'this track' }, b.encodingId);
        delete v.encodingId;
      }
      await db.transaction((tx) => updateTrack(tx, track.id, v));
      if (album.status !== 'draft') ctx.invalidateCatalog();
      return albumView(db, artist.id, album.id, ctx.origin(req));
    },
  );

  // A draft's track is deleted; a released one is taken down (the API answers 410 for it).
  app.delete(
    '/api/v1/artist/albums/:id/tracks/:trackId',
    { ...auth, schema: { params: trackParamsSchema, response: reply200 } },
    async (req) => {
      const artist = await requireArtist(req);
      const { id, trackId } = req.params;
      const album = await ownAlbum(db, artist.id, id);
      const track = await trackOfAlbum(db, album.id, trackId);
      await removeTrack(db, track.id, album.status === 'draft');
      if (album.status !== 'draft') ctx.invalidateCatalog();
      return albumView(db, artist.id, album.id, ctx.origin(req));
    },
  );
}
