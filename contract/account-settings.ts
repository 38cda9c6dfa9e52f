import { z } from 'zod';
import { emailSchema, passwordSchema } from './account.js';

/** Account settings (signed additions beside the publisher's API): password, email, sessions. */
const currentPassword = z
  .string({ message: 'enter your current password' })
  .min(1, 'enter your current password')
  .max(200, 'the current password is at most 200 characters');

export const changePasswordBodySchema = z.object({
  currentPassword,
  newPassword: z.string({ message: 'newPassword is required' }).pipe(passwordSchema),
});
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export const changeEmailBodySchema = z.object({ currentPassword, email: emailSchema });
export type ChangeEmailBody = z.input<typeof changeEmailBodySchema>;

/** After a password change: how many other sessions ended. */
export const passwordChangedSchema = z.object({ success: z.literal(true), endedSessions: z.number().int() });
export const emailChangedSchema = z.object({ email: z.string() });

/** A live session, named by an opaque id (a hash of its token); never its token or secret. */
export const accountSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const accountSessionListSchema = z.array(accountSessionSchema);
export const sessionIdParamsSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'id must be a session id from the sessions list'),
});
export const sessionsEndedSchema = z.object({ endedSessions: z.number().int() });

/** Deleting the account: confirmed with the current password. */
export const deleteAccountBodySchema = z.object({ currentPassword });
export type DeleteAccountBody = z.input<typeof deleteAccountBodySchema>;
/** The account is gone; `retiredSat` is what its wallet still held (those credits are retired). */
export const accountDeletedSchema = z.object({ deleted: z.literal(true), retiredSat: z.number().int() });
