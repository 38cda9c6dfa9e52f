import type { FastifyRequest } from 'fastify';
import {
  credentialsSchema,
  emptyObjectSchema,
  loginBodySchema,
  registerBodySchema,
  resetBodySchema,
  resetEmailBodySchema,
  successSchema,
} from '@contract/account.js';
import {
  createPasswordReset,
  EmailTakenError,
  login,
  logoutEverywhere,
  register,
  resetPassword,
  RESET_TOKEN_TTL_MIN,
} from './accounts-repo.js';
import { userOf, type AppContext, type RouteOptions } from './context.js';
import { checkPasswordStrength } from '../lib/password-strength.js';
import type { App } from '../lib/validation.js';

/** Tells an address's owner that someone tried to register with it (not awaited: answers take the same time). */
function mailExistingOwner(ctx: AppContext, req: FastifyRequest, email: string): void {
  void ctx.mailer
    .send({
      to: email,
      subject: 'Someone tried to register with your address',
      text: `Hello,\n\nSomeone tried to create a Tokenly Music account with this email address, which already has one.\n\nIf it was you: log in at ${ctx.origin()}/login, or choose a new password at ${ctx.origin()}/forgot-password.\n\nIf it was not you, nothing has changed and you can ignore this message.\n`,
    })
    .catch((err: unknown) => req.log.error({ err }, 'could not send the registration notice'));
}

export async function accountRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const strict = { rateLimit: { max: ctx.config.rateLimits.auth, timeWindow: 60_000 } };

  app.post(
    '/api/v1/account/register',
    { config: strict, schema: { body: registerBodySchema, response: { 200: credentialsSchema } } },
    async (req) => {
      const b = req.body;
      checkPasswordStrength(b.password, [b.username, b.email]);
      try {
        return await register(db, b, { welcomeCreditsSat: ctx.config.welcomeCreditsSat });
      } catch (err) {
        // Answered like a refusal, without saying the address has an account; its owner is told instead.
        if (err instanceof EmailTakenError) mailExistingOwner(ctx, req, b.email);
        throw err;
      }
    },
  );

  app.post(
    '/api/v1/account/login',
    { config: strict, schema: { body: loginBodySchema, response: { 200: credentialsSchema } } },
    async (req) => {
      const b = req.body;
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
      const { email } = req.body;
      // Answered first, the work done after: a known address takes as long to answer as an unknown one.
      setImmediate(() => {
        void createPasswordReset(db, email)
          .then((reset) => {
            if (!reset) return;
            const link = `${ctx.origin()}/reset-password?email=${encodeURIComponent(email)}&token=${reset.token}`;
            return ctx.mailer.send({
              to: email,
              subject: 'Reset your Tokenly Music password',
              text: `Hello ${reset.username},\n\nYour password reset code is ${reset.token}\n\nOpen ${link} to choose a new password. The code works once and expires in ${RESET_TOKEN_TTL_MIN} minutes.\n\nIf you did not ask for this, ignore this message.\n`,
            });
          })
          .catch((err: unknown) => req.log.error({ err }, 'could not make or send a password reset'));
      });
      return { success: true as const };
    },
  );

  app.post(
    '/api/v1/password/reset',
    { config: strict, schema: { body: resetBodySchema, response: { 200: successSchema } } },
    async (req) => {
      const b = req.body;
      checkPasswordStrength(b.password, [b.email]);
      const userId = await resetPassword(db, b.email, b.token, b.password);
      ctx.sessions.forgetUser(userId);
      return { success: true as const };
    },
  );
}
