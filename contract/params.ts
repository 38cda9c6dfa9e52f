import { z } from 'zod';

/**
 * Path and query parameters shared by several routes: the server validates with them, and the app
 * builds the same paths. Ids are kept as text here; a repository answers "not found" for one that
 * names nothing.
 */
export const idParamsSchema = z.object({ id: z.string() });
export const albumIdParamsSchema = z.object({ albumId: z.string() });
export const profileIdParamsSchema = z.object({ profileId: z.string() });
export const songIdParamsSchema = z.object({ songId: z.string() });
export const usernameParamsSchema = z.object({ username: z.string().min(1).max(64) });
export const trackParamsSchema = z.object({ id: z.string(), trackId: z.string() });
export const fileParamsSchema = z.object({ file: z.string() });

/** A signed media link's query: user, expiry, issue time (stream and download links) and signature. */
export const signedMediaQuerySchema = z.object({
  u: z.string().optional(),
  e: z.string().optional(),
  i: z.string().optional(),
  s: z.string().optional(),
});
/** A signed upload or source link's query (no issue time). */
export const signedUploadQuerySchema = signedMediaQuerySchema.omit({ i: true });
