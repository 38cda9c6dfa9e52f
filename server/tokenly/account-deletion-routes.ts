import { accountDeletedSchema, deleteAccountBodySchema } from '@contract/account-settings.js';
import type { App } from '../lib/validation.js';
import { deleteAccount } from './account-deletion-repo.js';
import { checkCurrentPassword } from './account-settings-repo.js';
import { userOf, type RouteOptions } from './context.js';

/**
 * Signed addition for the settings page: delete the account, confirmed with the current password.
 * Its sessions end with it (this server's cache forgets them at once); 409 with a plain reason
 * while an artist account is still owed earnings or has albums out.
 */
export async function accountDeletionRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  app.post(
    '/api/v1/account/delete',
    {
      preValidation: ctx.requireUser,
      config: { rateLimit: { max: ctx.config.rateLimits.auth, timeWindow: 60_000 } },
      schema: { body: deleteAccountBodySchema, response: { 200: accountDeletedSchema } },
    },
    async (req, reply) => {
      const user = userOf(req);
      await checkCurrentPassword(db, user.id, req.body.currentPassword);
      const { retiredSat } = await deleteAccount(db, user.id);
      ctx.sessions.forgetUser(user.id);
      reply.header('cache-control', 'private, no-store');
      return { deleted: true as const, retiredSat };
    },
  );
}
