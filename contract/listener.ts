import { z } from 'zod';
import { emptyListAsObject, pageOf } from './common.js';
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

// Control characters: PostgreSQL's jsonb refuses \u0000 (and unpaired surrogates), and they make
// names unreadable. "__proto__" would vanish when the body is parsed into an object, so a playlist
// by that name would be lost while the save answered 200.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storableText = (s: string) => !CONTROL_CHARACTERS.test(s) && !LONE_SURROGATE.test(s);

export const playlistEntrySchema = z.object({
  id: z
    .string()
    .min(1, 'song id is empty')
    .max(64, 'song id is too long')
    .refine(storableText, 'song ids cannot contain control characters'),
});
export const playlistNameSchema = z
  .string()
  .min(1, 'playlist names cannot be empty')
  .max(100, 'playlist names are at most 100 characters')
  .refine(storableText, 'playlist names cannot contain control characters')
  .refine((s) => s !== '__proto__', 'the playlist name "__proto__" is reserved');
export const playlistsSchema = z
  .preprocess(emptyListAsObject, z.unknown())
  // z.record reports a bad key as "Invalid key in record" and skips an own "__proto__" key
  // silently: the names are checked first, each with its own message.
  .superRefine((v, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    for (const name of Object.keys(v)) {
      const r = playlistNameSchema.safeParse(name);
      if (!r.success) ctx.addIssue({ code: 'custom', message: r.error.issues[0]!.message, path: [name] });
    }
  })
  .pipe(
    z.record(
      playlistNameSchema,
      z.array(playlistEntrySchema, { message: 'each playlist must be an array of {"id": ...} entries' }),
    ),
  );
export type Playlists = z.infer<typeof playlistsSchema>;
/**
 * What GET answers: the stored document as it is. Looser than what a PUT may send, so that a name
 * stored before the rules above were added is still shown (and can be renamed) instead of making
 * the whole document unreadable.
 */
export const storedPlaylistsSchema = z.record(z.string(), z.array(z.object({ id: z.string() })));

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
  kind: z.enum(['grant', 'stream', 'refund', 'adjust', 'welcome', 'voucher', 'purchase']),
  songId: z.string().nullable(),
  songName: z.string().nullable(),
  memo: z.string(),
  createdAt: z.string(),
  /** where the credits went or came from: an artist's name, "Welcome credits", "Voucher CODE"... */
  counterpart: z.string().optional(),
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
  /** where the artist sells the tokens that unlock the song (their markets catalog), when refused for want of one */
  unlockUrl: z.string().nullable().optional(),
});
export type StreamAuth = z.infer<typeof streamAuthSchema>;

export const tokenNameSchema = z.string().regex(/^[A-Z0-9.]{1,40}$/i, 'token names are letters, digits and dots');
export const tcaBodySchema = z.object({
  tokens: z
    .preprocess(
      emptyListAsObject,
      z.record(
        tokenNameSchema,
        z.number({ message: 'minimum amounts must be numbers' }).min(0, 'minimum amounts cannot be negative'),
      ),
    )
    .refine((t) => Object.keys(t).length <= 100, 'ask about at most 100 tokens at once'),
  refresh: z.union([z.boolean(), z.number(), z.string()]).optional(),
});
export const tcaResponseSchema = z.object({ access: z.record(z.string(), z.boolean()) });
