import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { HttpError, notFound } from '../lib/errors.js';
import { mediaDirs, safeName, sendFile } from '../storage/files.js';
import { jobByQuery, createJob } from './jobs-repo.js';
import { verifySoundlinksToken } from './jwt.js';
import { parseHttpUrl, SourceError } from './fetch-source.js';
import { postExternal } from './client.js';

const bodySchema = z.object({ data: z.string({ message: 'data (the JWT) is required' }) });

export const encodedDir = (dataDir: string) => path.join(mediaDirs(dataDir).root, 'encoded');

/** The Soundlinks encoding API v3: parameters travel inside an HS256 JWT signed with the app secret. */
export function soundlinksRoutes(
  app: FastifyInstance,
  opts: { db: Db; config: Config; origin: (req: import('fastify').FastifyRequest) => string; onQueued: () => void },
): void {
  const { db, config } = opts;
  const secretOf = (appId: string) => (appId === config.soundlinksAppId ? config.soundlinksAppSecret : undefined);

  if (config.soundlinksUrl) {
    // An external service: the app still calls this origin (its pages may only connect here), and
    // the body travels on unchanged, in the document's wire format.
    for (const apiPath of ['/v3/sl/encoding', '/v3/sl/query']) {
      app.post(apiPath, { schema: { body: bodySchema } }, async (req, reply) => {
        const r = await postExternal(config, apiPath, req.body);
        return reply.code(r.status).send(r.json);
      });
    }
    return;
  }

  app.post('/v3/sl/encoding', { schema: { body: bodySchema } }, async (req) => {
    const claims = verifySoundlinksToken((req.body as z.infer<typeof bodySchema>).data, secretOf, {
      method: 'POST',
      path: '/v3/sl/encoding',
    });
    const { src, artist } = claims.arg;
    if (typeof src !== 'string' || src === '') throw new HttpError(422, 'arg.src (the link of the song) is required');
    if (artist !== undefined && typeof artist !== 'string') throw new HttpError(422, 'arg.artist must be a string');
    try {
      parseHttpUrl(src);
    } catch (err) {
      throw new HttpError(422, `arg.src: ${(err as SourceError).message}`);
    }
    const query = await createJob(db, claims.iss, src, (artist ?? '').slice(0, 200));
    opts.onQueued();
    return { query };
  });

  app.post('/v3/sl/query', { schema: { body: bodySchema } }, async (req) => {
    const claims = verifySoundlinksToken((req.body as z.infer<typeof bodySchema>).data, secretOf, {
      method: 'POST',
      path: '/v3/sl/query',
    });
    const query = claims.arg.query;
    if (typeof query !== 'string' || query === '')
      throw new HttpError(422, 'arg.query (the query credential) is required');
    const job = await jobByQuery(db, claims.iss, query);
    if (!job) throw notFound('Encoding job');
    if (job.status !== 'complete') return { status: job.status, message: job.message };
    return {
      status: job.status,
      message: job.message,
      url: `${opts.origin(req)}/media/encoded/${job.result_path}`,
      id: job.mark_id,
    };
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/encoded/:file',
    schema: { params: z.object({ file: z.string() }) },
    handler: async (req, reply) => {
      const { file } = req.params as { file: string };
      // Names are job ids: unguessable, and only ever renamed into place when complete.
      return sendFile(req, reply, path.join(encodedDir(config.dataDir), safeName(file)), {
        cacheControl: 'private, max-age=3600',
        contentType: 'audio/mpeg',
      });
    },
  });
}
