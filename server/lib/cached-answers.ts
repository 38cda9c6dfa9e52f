import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { MicroCache } from './micro-cache.js';

/**
 * Public answers that are the same for everyone: serialized once through their schema and shared
 * for a moment. A handler returns `answer(req, reply, schema, produce, cacheControl)`: it sets the
 * cache header, keys the answer by origin and URL (answers carry absolute URLs; or by `key`) and
 * sends the text.
 */
export function cachedAnswers(ttlMs: number, origin: (req: FastifyRequest) => string) {
  const cache = new MicroCache<string>(ttlMs);
  const answer = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType,
    produce: () => Promise<unknown>,
    cacheControl: string | null,
    key = `${origin(req)}${req.url}`,
  ) => {
    if (cacheControl) reply.header('cache-control', cacheControl);
    const body = await cache.get(key, async () => JSON.stringify(schema.parse(await produce())));
    return reply.type('application/json; charset=utf-8').send(body);
  };
  return { cache, answer };
}
