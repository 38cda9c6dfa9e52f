import { z } from 'zod';
import { emptyListAsObject } from './common.js';

export const USERNAME_RULE = 'username must be 3 to 32 letters, digits, dots, dashes or underscores';
export const PASSWORD_MIN = 10;

export const usernameSchema = z
  .string({ message: 'username is required' })
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, USERNAME_RULE);

export const emailSchema = z
  .string({ message: 'email is required' })
  .trim()
  .max(254, 'email is too long')
  .email('email must be a valid email address');

/** A sane policy: long enough, not absurdly long, not a single repeated character. */
export const passwordSchema = z
  .string({ message: 'password is required' })
  .min(PASSWORD_MIN, `password must be at least ${PASSWORD_MIN} characters`)
  .max(200, 'password must be at most 200 characters')
  .refine((p) => new Set(p).size >= 4, 'password is too simple: use at least 4 different characters');

export const registerBodySchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  email: emailSchema,
  code: z.string({ message: 'code (the invitation code) is required' }).trim().min(1, 'code is required'),
});
export type RegisterBody = z.input<typeof registerBodySchema>;

export const loginBodySchema = z.object({
  username: z.string({ message: 'username is required' }).trim().min(1, 'username is required').max(254),
  password: z.string({ message: 'password is required' }).min(1, 'password is required').max(200),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const credentialsSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  apiSecretKey: z.string(),
  apiToken: z.string(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const resetEmailBodySchema = z.object({ email: emailSchema });
export const resetBodySchema = z.object({
  email: emailSchema,
  token: z.string({ message: 'token is required' }).trim().min(1, 'token is required').max(200),
  password: passwordSchema,
});
export const successSchema = z.object({ success: z.literal(true) });
export const emptyObjectSchema = z.object({}).strict();

/** Public and private profile: a free-form JSON object of at most 4 KB. */
export const profileSchema = z.preprocess(emptyListAsObject, z.record(z.string(), z.unknown()));
export type Profile = z.infer<typeof profileSchema>;
export const idResponseSchema = z.object({ id: z.string() });
