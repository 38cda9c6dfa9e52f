import {
  accountSessionListSchema,
  changeEmailBodySchema,
  changePasswordBodySchema,
  emailChangedSchema,
  passwordChangedSchema,
  sessionIdParamsSchema,
  sessionsEndedSchema,
} from '@contract/account-settings.js';
import { emptyObjectSchema } from '@contract/account.js';
import { checkPasswordStrength } from '../lib/password-strength.js';
import type { App } from '../lib/validation.js';
import {
  changeEmail,
  changePassword,
  checkCurrentPassword,
  endOtherSessions,
  endSession,
  listSessions,
} from './account-settings-repo.js';
import { userOf, type RouteOptions } from './context.js';

const PRIVATE = 'private, no-store';

/**
 * Signed additions for the account settings page: change password or email (both ask for the
 * current password), list the live sessions and end them. Sessions are named by opaque ids; no
 * token or secret is ever in an answer. Ended sessions are forgotten by this server's cache at once.
 */
export async function accountSettingsRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const idleDays = ctx.config.sessionIdleDays;
  const signed = {
    preValidation: ctx.requireUser,
    config: { rateLimit: { max: ctx.config.rateLimits.auth, timeWindow: 60_000 } },
  };

  app.post(
    '/api/v1/account/password',
    { ...signed, schema: { body: changePasswordBodySchema, response: { 200: passwordChangedSchema } } },
    async (req) => {
      const user = userOf(req);
      const b = req.body;
      await checkCurrentPassword(db, user.id, b.currentPassword);
      try {
        checkPasswordStrength(b.newPassword, [user.username, user.email]);
      } catch (err) {
        if (err instanceof Error) err.message = `newPassword: ${err.message}`;
        throw err;
      }
      const endedSessions = await changePassword(db, user.id, user.apiToken, b.newPassword);
      ctx.sessions.forgetUser(user.id);
      return { success: true as const, endedSessions };
    },
  );

  app.post(
    '/api/v1/account/email',
    { ...signed, schema: { body: changeEmailBodySchema, response: { 200: emailChangedSchema } } },
    async (req) => {
      const user = userOf(req);
      const b = req.body;
      await checkCurrentPassword(db, user.id, b.currentPassword);
      await changeEmail(db, user.id, b.email);
      ctx.sessions.forgetUser(user.id);
      return { email: b.email };
    },
  );

  app.get(
    '/api/v1/account/sessions',
    { preValidation: ctx.requireUser, schema: { response: { 200: accountSessionListSchema } } },
    async (req, reply) => {
      const user = userOf(req);
      reply.header('cache-control', PRIVATE);
      return listSessions(db, user.id, user.apiToken, idleDays);
    },
  );

  app.delete(
    '/api/v1/account/sessions/:id',
    { preValidation: ctx.requireUser, schema: { params: sessionIdParamsSchema, response: { 200: emptyObjectSchema } } },
    async (req) => {
      const user = userOf(req);
      await endSession(db, user.id, req.params.id, idleDays);
      ctx.sessions.forgetUser(user.id);
      return {};
    },
  );

  app.post(
    '/api/v1/account/sessions/end-others',
    { preValidation: ctx.requireUser, schema: { response: { 200: sessionsEndedSchema } } },
    async (req) => {
      const user = userOf(req);
      const endedSessions = await endOtherSessions(db, user.id, user.apiToken);
      ctx.sessions.forgetUser(user.id);
      return { endedSessions };
    },
  );
}
