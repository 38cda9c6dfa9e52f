import fsp from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import {
  artistMeSchema,
  createJobBodySchema,
  encodingJobListSchema,
  encodingJobSchema,
  signBodySchema,
  soundlinksConfigSchema,
  soundlinksRequestSchema,
  submittedBodySchema,
  uploadBodySchema,
  uploadTicketSchema,
  verifyBodySchema,
  verifyResultSchema,
} from '@contract/encoding.js';
import { idParamsSchema } from '@contract/params.js';
import { EncodePool } from '../soundlinks/encode-pool.js';
import { HttpError, isClientError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { jobByQuery } from '../soundlinks/index.js';
import { signSoundlinksToken } from '../soundlinks/jwt.js';
import { signUploadUrl } from '../storage/signed-urls.js';
import {
  UPLOAD_URL_TTL_SEC,
  createUploadWithinLimits,
  deleteUpload,
  markFileRemoved,
  storedPath,
  uploadById,
} from './uploads-repo.js';
import {
  artistOf,
  createEncoding,
  getEncoding,
  jobOfMark,
  listEncodings,
  markSubmitted,
  retryEncoding,
  toJob,
  type ArtistProfile,
} from './encodings-repo.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { refreshJobs } from './encodings-refresh.js';
import { argToSign } from './soundlinks-sign.js';

const PRIVATE = 'private, no-store';

/**
 * The artist's encoding dashboard: uploads, the server-kept job list with its timeline, request
 * tokens signed on the server (the app secret never leaves it) and the mark verifier.
 */
export async function artistRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, config } = ctx;
  const auth = { preValidation: ctx.requireUser };
  // One thread, started on the first verification (most servers never verify anything).
  let pool: EncodePool | undefined;
  const detectPool = () => (pool ??= new EncodePool(1, false, 60_000));
  app.addHook('onClose', async () => pool?.close());

  const requireArtist = async (req: FastifyRequest): Promise<ArtistProfile> => {
    const artist = await artistOf(db, userOf(req).id);
    if (!artist) throw new HttpError(403, 'Only users with an artist profile can use the encoding dashboard');
    return artist;
  };
  // Stable for a day, so that the link (and the players using it) do not change on every poll.
  const srcOf = (req: FastifyRequest, uploadId: string) => {
    const exp = (Math.floor(Date.now() / 86_400_000) + 2) * 86_400;
    return signUploadUrl(ctx.origin(req), ctx.mediaSecret, 'source', uploadId, userOf(req).id, exp);
  };

  const refresh = (req: FastifyRequest) => refreshJobs(ctx, req);

  app.get('/api/v1/artist/me', { ...auth, schema: { response: { 200: artistMeSchema } } }, async (req, reply) => {
    reply.header('cache-control', PRIVATE);
    return { artist: (await artistOf(db, userOf(req).id)) ?? null };
  });

  app.get('/api/v1/soundlinks/config', { schema: { response: { 200: soundlinksConfigSchema } } }, async () => ({
    endpoint: '/v3/sl',
    mode: config.soundlinksUrl ? ('external' as const) : ('embedded' as const),
  }));

  app.post(
    '/api/v1/artist/uploads',
    { ...auth, schema: { body: uploadBodySchema, response: { 200: uploadTicketSchema } } },
    async (req) => {
      const artist = await requireArtist(req);
      const b = req.body;
      const user = userOf(req);
      const id = await createUploadWithinLimits(
        db,
        { userId: user.id, profileId: artist.id, purpose: b.purpose, name: b.name, size: b.size },
        { quotaBytes: config.uploadQuotaBytes, maxOpenTickets: config.uploadMaxOpenTickets },
      );
      const exp = Math.floor(Date.now() / 1000) + UPLOAD_URL_TTL_SEC;
      return {
        id,
        uploadUrl: signUploadUrl(ctx.origin(req), ctx.mediaSecret, 'upload', id, user.id, exp),
        expiresAt: new Date(exp * 1000).toISOString(),
      };
    },
  );

  // Frees the artist's upload space: the file, and the job record made from it (once finished).
  app.delete('/api/v1/artist/uploads/:id', { ...auth, schema: { params: idParamsSchema } }, async (req, reply) => {
    await requireArtist(req);
    const { id } = req.params;
    const file = await deleteUpload(db, config.dataDir, userOf(req).id, id);
    if (file) await fsp.rm(file, { force: true });
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/artist/encodings',
    { ...auth, schema: { body: createJobBodySchema, response: { 200: encodingJobSchema } } },
    async (req) => {
      const artist = await requireArtist(req);
      const { uploadId } = req.body;
      const row = await createEncoding(db, userOf(req).id, uploadId, artist.name);
      return toJob(row, srcOf(req, row.upload_id));
    },
  );

  app.get(
    '/api/v1/artist/encodings',
    { ...auth, schema: { response: { 200: encodingJobListSchema } } },
    async (req, reply) => {
      await requireArtist(req);
      await refresh(req);
      reply.header('cache-control', PRIVATE);
      return (await listEncodings(db, userOf(req).id)).map((r) => toJob(r, srcOf(req, r.upload_id)));
    },
  );

  app.get(
    '/api/v1/artist/encodings/:id',
    { ...auth, schema: { params: idParamsSchema, response: { 200: encodingJobSchema } } },
    async (req, reply) => {
      await requireArtist(req);
      await refresh(req);
      reply.header('cache-control', PRIVATE);
      const row = await getEncoding(db, userOf(req).id, req.params.id);
      return toJob(row, srcOf(req, row.upload_id));
    },
  );

  app.post(
    '/api/v1/artist/encodings/:id/submitted',
    { ...auth, schema: { params: idParamsSchema, body: submittedBodySchema, response: { 200: encodingJobSchema } } },
    async (req) => {
      await requireArtist(req);
      const userId = userOf(req).id;
      const { id } = req.params;
      const { query } = req.body;
      const row = await getEncoding(db, userId, id);
      let acceptedAt: Date | null = null;
      if (!config.soundlinksUrl) {
        // The embedded queue is in this database: the credential must be a job for this upload.
        const job = await jobByQuery(db, config.soundlinksAppId, query);
        if (!job || job.upload_id !== row.upload_id) {
          throw new HttpError(422, 'query is not the credential of an encoding of this upload');
        }
        acceptedAt = job.created_at;
      }
      await markSubmitted(db, userId, id, query, acceptedAt);
      await refresh(req);
      return toJob(await getEncoding(db, userId, id), srcOf(req, row.upload_id));
    },
  );

  app.post(
    '/api/v1/artist/encodings/:id/retry',
    { ...auth, schema: { params: idParamsSchema, response: { 200: encodingJobSchema } } },
    async (req) => {
      await requireArtist(req);
      const { id } = req.params;
      await retryEncoding(db, userOf(req).id, id);
      const row = await getEncoding(db, userOf(req).id, id);
      return toJob(row, srcOf(req, row.upload_id));
    },
  );

  app.post(
    '/api/v1/soundlinks/sign',
    { ...auth, schema: { body: signBodySchema, response: { 200: soundlinksRequestSchema } } },
    async (req, reply) => {
      const artist = await requireArtist(req);
      const body = req.body;
      const arg = await argToSign(db, userOf(req), artist, body, ctx.origin(req), ctx.mediaSecret);
      reply.header('cache-control', PRIVATE);
      return { data: signSoundlinksToken(config.soundlinksAppId, config.soundlinksAppSecret, body.mtd, body.url, arg) };
    },
  );

  app.post(
    '/api/v1/artist/verify',
    { ...auth, schema: { body: verifyBodySchema, response: { 200: verifyResultSchema } } },
    async (req) => {
      await requireArtist(req);
      const userId = userOf(req).id;
      const { uploadId } = req.body;
      const upload = await uploadById(db, uploadId);
      const file = upload && upload.user_id === userId ? storedPath(config.dataDir, upload) : undefined;
      if (!file) throw new HttpError(422, 'uploadId must be one of your uploads whose file has arrived');
      // Decoding and listening take a second or two of CPU: a thread does it, the server keeps answering.
      // The file is read when the thread is free, so that requests waiting their turn hold no bytes.
      const bytes = async () => {
        const read = await fsp.readFile(file).catch((err: unknown) => {
          // A verify upload's file is removed once read: verifying it again needs the file again.
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new HttpError(422, 'This upload has already been verified and is not kept: upload the file again');
          }
          throw err;
        });
        // A verified file is not kept: only its answer matters.
        if (upload!.purpose === 'verify') {
          await fsp.rm(file, { force: true });
          await markFileRemoved(db, upload!.id);
        }
        return new Uint8Array(read);
      };
      const r = await detectPool()
        .detect({ bytes, watermarkKey: config.watermarkKey })
        .catch((err: unknown) => {
          if (isClientError(err)) throw err;
          // The thread died (its resourceLimits): the file is refused, the server keeps running.
          req.log.warn({ err }, 'verify thread failed');
          throw new HttpError(422, 'This file cannot be read within the limits of the verify tool');
        });
      if (!r.ok) throw new HttpError(422, r.message);
      return {
        found: r.found !== null,
        id: r.found?.id ?? null,
        confidence: r.found ? Math.round(r.found.confidence * 1000) / 1000 : null,
        jobId: r.found ? await jobOfMark(db, userId, r.found.id) : null,
        seconds: Math.round(r.seconds * 10) / 10,
        factor: r.found ? { change: r.found.change, value: r.found.factor } : null,
      };
    },
  );
}
