import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { toHttpError, type HttpError } from './errors.js';
import { SchemaError } from './validation.js';

/**
 * Every error becomes `{"message"}` with its status: ours (HttpError) as thrown, a domain error by
 * its kind (`toHttpError`, the one mapper), invalid input 422,
 * Fastify's own 4xx as they are; anything else is logged and answered with a plain 500.
 */
export const errorAnswers = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const answer = toHttpError(err);
    if (answer) {
      reply.headers(answer.headers);
      return reply.code(answer.statusCode).send({ message: answer.message });
    }
    const e = err as FastifyError;
    if (e instanceof SchemaError || e.validation || e.code === 'FST_ERR_VALIDATION') {
      return reply.code(422).send({ message: e.message });
    }
    if (e.statusCode === 429) return reply.code(429).send({ message: e.message });
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ message: 'The request body is too large' });
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ message: 'Send the body as JSON with Content-Type: application/json' });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ message: e.message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ message: 'We had a problem with our server. Try again later.' });
  });
});
