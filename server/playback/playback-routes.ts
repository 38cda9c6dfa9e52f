import { playbackAnswerSchema, playbackQuerySchema, playbackSaveSchema } from '@contract/playback.js';
import type { App } from '../lib/validation.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { toAnswer } from './merge.js';
import { playbackOf, savePlayback } from './playback-repo.js';

const PRIVATE = 'private, no-store';
/** A queue of 200 songs is about 60 KB of JSON: more than the server's default body limit. */
const SAVE_BODY_LIMIT = 256 * 1024;

/**
 * Continue on another device (signed, an addition to the publisher's API): the player saves what it
 * plays; another device reads it to offer "Continue … at 1:23", and learns from either answer's
 * `active` whether another device has taken over.
 */
export async function playbackRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const auth = { preValidation: ctx.requireUser };

  app.get(
    '/api/v1/me/playback',
    { ...auth, schema: { querystring: playbackQuerySchema, response: { 200: playbackAnswerSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      const now = Date.now();
      const stored = await playbackOf(db, userOf(req).id);
      return {
        state: stored ? toAnswer(stored, now) : null,
        active: stored ? stored.deviceId === req.query.deviceId : false,
      };
    },
  );

  app.put(
    '/api/v1/me/playback',
    {
      ...auth,
      bodyLimit: SAVE_BODY_LIMIT,
      schema: { body: playbackSaveSchema, response: { 200: playbackAnswerSchema } },
    },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      const now = Date.now();
      const { state, active } = await savePlayback(db, userOf(req).id, req.body, now);
      return { state: state ? toAnswer(state, now) : null, active };
    },
  );
}
