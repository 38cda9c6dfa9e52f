import { z } from 'zod';
import { pageOf } from './common.js';
import { songSchema } from './catalog.js';

/** "My songs": a song of the catalog with a signed, expiring download link to its file. */
export const mySongSchema = songSchema.extend({
  downloadUrl: z.string().nullable(),
  downloadSize: z.number().int().min(0),
});
export type MySong = z.infer<typeof mySongSchema>;
export const mySongListSchema = z.array(mySongSchema);

/** Documents stored whole (playlists, profile) may be at most this many bytes of JSON. */
export const STORED_DOCUMENT_MAX_BYTES = 4096;

export const playlistEntrySchema = z.object({
  id: z.string().min(1, 'song id is empty').max(64, 'song id is too long'),
});
export const playlistsSchema = z.record(
  z.string().min(1, 'playlist names cannot be empty').max(100, 'playlist names are at most 100 characters'),
  z.array(playlistEntrySchema, { message: 'each playlist must be an array of {"id": ...} entries' }),
);
export type Playlists = z.infer<typeof playlistsSchema>;

export const balanceSchema = z.object({
  balanceFloat: z.number(),
  balanceSat: z.number().int(),
});
export type Balance = z.infer<typeof balanceSchema>;
export const balanceQuerySchema = z.object({ refresh: z.string().optional() });

export const ledgerEntrySchema = z.object({
  id: z.number().int(),
  amountFloat: z.number(),
  amountSat: z.number().int(),
  balanceAfterSat: z.number().int(),
  kind: z.enum(['grant', 'stream', 'refund', 'adjust']),
  songId: z.string().nullable(),
  songName: z.string().nullable(),
  memo: z.string(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export const ledgerPageSchema = pageOf(ledgerEntrySchema);

export const streamAuthSchema = z.object({
  authorized: z.boolean(),
  balanceFloat: z.number(),
  balanceSat: z.number().int(),
  authType: z.enum(['credits', 'token']).nullable(),
  token: z.string().nullable(),
  // Additions: where to play from, until when, what it cost, and why not when refused.
  streamUrl: z.string().nullable(),
  expiresAt: z.string().nullable(),
  chargedSat: z.number().int(),
  reason: z.string().nullable(),
  /** the tokens that unlock the song, when it is refused for want of one */
  requiredTokens: z.array(z.string()),
});
export type StreamAuth = z.infer<typeof streamAuthSchema>;

export const tokenNameSchema = z.string().regex(/^[A-Z0-9.]{1,40}$/i, 'token names are letters, digits and dots');
export const tcaBodySchema = z.object({
  tokens: z
    .record(
      tokenNameSchema,
      z.number({ message: 'minimum amounts must be numbers' }).min(0, 'minimum amounts cannot be negative'),
    )
    .refine((t) => Object.keys(t).length <= 100, 'ask about at most 100 tokens at once'),
  refresh: z.union([z.boolean(), z.number(), z.string()]).optional(),
});
export const tcaResponseSchema = z.object({ access: z.record(z.string(), z.boolean()) });
