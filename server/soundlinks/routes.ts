import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  soundlinksEncodingAnswerSchema,
  soundlinksEncodingArgSchema,
  soundlinksQueryAnswerSchema,
  soundlinksQueryArgSchema,
  soundlinksRequestSchema,
} from '@contract/encoding.js';
import { fileParamsSchema } from '@contract/params.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { HttpError, notFound } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { mediaDirs, safeName, sendFile } from '../storage/files.js';
import { jobByQuery, createJob } from './jobs-repo.js';
import { verifySoundlinksToken } from './jwt.js';
import { parseHttpUrl, SourceError } from './fetch-source.js';
import { postExternal } from './client.js';

export const encodedDir = (dataDir: string) => path.join(mediaDirs(dataDir).root, 'encoded');

/** The JWT's `arg`, checked against its contract schema: the first problem is the answer (422). */
function argOf<S extends z.ZodType>(schema: S, arg: unknown): z.output<S> {
  const r = schema.safeParse(arg);
  if (!r.success) throw new HttpError(422, r.error.issues[0]?.message ?? 'arg is not valid');
  return r.data;
}

/** The Soundlinks encoding API v3: parameters travel inside an HS256 JWT signed with the app secret. */
export function soundlinksRoutes(
  app: App,
  opts: { db: Db; config: Config; origin: (req: FastifyRequest) => string; onQueued: () => void },
): void {
  const { db, config } = opts;
  const secretOf = (appId: string) => (appId === config.soundlinksAppId ? config.soundlinksAppSecret : undefined);
  const body = { body: soundlinksRequestSchema };

  if (config.soundlinksUrl) {
    // An external service: the app still calls this origin (its pages may only connect here), and
    // the body travels on unchanged, in the document's wire format (its answer too).
    for (const apiPath of ['/v3/sl/encoding', '/v3/sl/query']) {
      app.post(apiPath, { schema: body }, async (req, reply) => {
        const r = await postExternal(config, apiPath, req.body);
        return reply.code(r.status).send(r.json);
      });
    }
    return;
  }

  app.post(
    '/v3/sl/encoding',
    { schema: { ...body, response: { 200: soundlinksEncodingAnswerSchema } } },
    async (req) => {
      const claims = verifySoundlinksToken(req.body.data, secretOf, { method: 'POST', path: '/v3/sl/encoding' });
      const { src, artist } = argOf(soundlinksEncodingArgSchema, claims.arg);
      try {
        parseHttpUrl(src);
      } catch (err) {
        throw new HttpError(422, `arg.src: ${(err as SourceError).message}`);
      }
      const query = await createJob(db, claims.iss, src, (artist ?? '').slice(0, 200));
      opts.onQueued();
      return { query };
    },
  );

  app.post('/v3/sl/query', { schema: { ...body, response: { 200: soundlinksQueryAnswerSchema } } }, async (req) => {
    const claims = verifySoundlinksToken(req.body.data, secretOf, { method: 'POST', path: '/v3/sl/query' });
    const { query } = argOf(soundlinksQueryArgSchema, claims.arg);
    const job = await jobByQuery(db, claims.iss, query);
    if (!job) throw notFound('Encoding job');
    if (job.status !== 'complete') return { status: job.status, message: job.message };
    return {
      status: job.status,
      message: job.message,
      url: `${opts.origin(req)}/media/encoded/${job.result_path}`,
      id: job.mark_id ?? undefined,
    };
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/encoded/:file',
    schema: { params: fileParamsSchema },
    handler: async (req, reply) => {
      // Names are job ids: unguessable, and only ever renamed into place when complete.
      return sendFile(req, reply, path.join(encodedDir(config.dataDir), safeName(req.params.file)), {
        cacheControl: 'private, max-age=3600',
        contentType: 'audio/mpeg',
      });
    },
  });
}
