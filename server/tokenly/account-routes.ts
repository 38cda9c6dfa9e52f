import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  credentialsSchema,
  emptyObjectSchema,
  loginBodySchema,
  registerBodySchema,
  resetBodySchema,
  resetEmailBodySchema,
  successSchema,
} from '../../contract/account.js';
import {
  createPasswordReset,
  login,
  logoutEverywhere,
  register,
  resetPassword,
  RESET_TOKEN_TTL_MIN,
} from './accounts-repo.js';
import { userOf, type AppContext } from './context.js';

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const strict = { rateLimit: { max: ctx.config.rateLimits.auth, timeWindow: 60_000 } };

  app.post(
    '/api/v1/account/register',
    { config: strict, schema: { body: registerBodySchema, response: { 200: credentialsSchema } } },
    async (req) =>
      register(db, req.body as z.output<typeof registerBodySchema>, {
        welcomeCreditsSat: ctx.config.welcomeCreditsSat,
      }),
  );

  app.post(
    '/api/v1/account/login',
    { config: strict, schema: { body: loginBodySchema, response: { 200: credentialsSchema } } },
    async (req) => {
      const b = req.body as z.output<typeof loginBodySchema>;
      return login(db, b.username, b.password);
    },
  );

  app.get(
    '/api/v1/account/logout',
    { preValidation: ctx.requireUser, schema: { response: { 200: emptyObjectSchema } } },
    async (req) => {
      await logoutEverywhere(db, userOf(req).id);
      ctx.sessions.forgetUser(userOf(req).id);
      return {};
    },
  );

  app.post(
    '/api/v1/password/reset-email',
    { config: strict, schema: { body: resetEmailBodySchema, response: { 200: successSchema } } },
    async (req) => {
      const { email } = req.body as z.output<typeof resetEmailBodySchema>;
      const reset = await createPasswordReset(db, email);
      if (reset) {
        const origin = ctx.origin(req);
        const link = `${origin}/reset-password?email=${encodeURIComponent(email)}&token=${reset.token}`;
        // Not awaited: a known address must answer as fast as an unknown one.
        void ctx.mailer
          .send({
            to: email,
            subject: 'Reset your Tokenly Music password',
            text: `Hello ${reset.username},\n\nYour password reset code is ${reset.token}\n\nOpen ${link} to choose a new password. The code works once and expires in ${RESET_TOKEN_TTL_MIN} minutes.\n\nIf you did not ask for this, ignore this message.\n`,
          })
          .catch((err: unknown) => req.log.error({ err }, 'could not send password reset mail'));
      }
      return { success: true as const };
    },
  );

  app.post(
    '/api/v1/password/reset',
    { config: strict, schema: { body: resetBodySchema, response: { 200: successSchema } } },
    async (req) => {
      const b = req.body as z.output<typeof resetBodySchema>;
      const userId = await resetPassword(db, b.email, b.token, b.password);
      ctx.sessions.forgetUser(userId);
      return { success: true as const };
    },
  );
}
