import { z } from 'zod';
import { librarySongSchema } from './catalog.js';
import { playlistEntrySchema, playlistNameSchema } from './listener.js';

/**
 * Playlists as resources (issue 21), an addition to the publisher's API documented in
 * server/README.md. Each playlist has its own version (ETag `"p<version>"`); edits are operations
 * sent with the version they were made on and merged on the server.
 */

export const PLAYLIST_MAX_SONGS = 10_000;
export const PLAYLIST_DESCRIPTION_MAX = 1000;
export const PLAYLIST_OPS_MAX = 200;
export const VISIBILITIES = ['private', 'link', 'profile'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const songId = playlistEntrySchema.shape.id;
const descriptionSchema = z
  .string()
  .max(PLAYLIST_DESCRIPTION_MAX, `descriptions are at most ${PLAYLIST_DESCRIPTION_MAX} characters`);
/** An entry of a playlist: `key` names this occurrence of the song, stable across edits. */
export const entryKeySchema = z.number().int().nonnegative();

export const playlistOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('insert'),
    songIds: z.array(songId).min(1, 'insert at least one song').max(PLAYLIST_MAX_SONGS),
    /** the entry to insert after; null: at the start; absent: at the end */
    after: entryKeySchema.nullable().optional(),
    /** the listener confirmed adding songs that are already in the playlist */
    allowDuplicates: z.boolean().optional(),
  }),
  z.object({
    op: z.literal('move'),
    key: entryKeySchema,
    /** the entry to put it after (null: first) */
    after: entryKeySchema.nullable(),
  }),
  z.object({ op: z.literal('remove'), key: entryKeySchema }),
  z.object({ op: z.literal('rename'), name: playlistNameSchema }),
  z.object({ op: z.literal('describe'), description: descriptionSchema }),
]);
export type PlaylistOp = z.infer<typeof playlistOpSchema>;

export const playlistOpsBodySchema = z.object({
  ops: z.array(playlistOpSchema).min(1, 'send at least one op').max(PLAYLIST_OPS_MAX),
});

export const createPlaylistSchema = z.object({
  name: playlistNameSchema,
  description: descriptionSchema.optional(),
  songIds: z.array(songId).max(PLAYLIST_MAX_SONGS).optional(),
  allowDuplicates: z.boolean().optional(),
  /** save a copy of a playlist shared by link */
  fromShared: z.string().max(64).optional(),
});

export const playlistEntryOutSchema = z.object({ key: z.number().int(), songId: z.string() });

export const playlistSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** the uploaded cover, or null (then `mosaic` has up to 4 album artworks) */
  coverImage: z.string().nullable(),
  mosaic: z.array(z.string()),
  songCount: z.number().int(),
  durationSec: z.number(),
  visibility: z.enum(VISIBILITIES),
  /** the path of the live page (`/p/<token>`) while shared by link or on the profile */
  shareToken: z.string().nullable(),
  owner: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlaylistSummary = z.infer<typeof playlistSummarySchema>;

export const playlistDetailSchema = playlistSummarySchema.extend({
  entries: z.array(playlistEntryOutSchema),
  /** each song of the catalog the entries name, once (missing: taken down or unknown) */
  songs: z.array(librarySongSchema),
  /** the caller's own playlist (false on a shared page) */
  mine: z.boolean(),
});
export type PlaylistDetail = z.infer<typeof playlistDetailSchema>;

export const myPlaylistsSchema = z.object({
  playlists: z.array(playlistSummarySchema),
  following: z.array(playlistSummarySchema),
});

export const playlistIdParams = z.object({ id: z.string().max(64) });
export const shareTokenParams = z.object({ token: z.string().max(64) });
export const usernameParams = z.object({ username: z.string().max(64) });

export const sharingBodySchema = z.object({ visibility: z.enum(VISIBILITIES) });
export const coverBodySchema = z.object({ image: z.string().min(1, 'image is empty') });

/** The legacy `PUT /api/v1/playlists` answer: the documented `id`, plus what it did. */
export const documentPutResultSchema = z.object({
  id: z.string(),
  created: z.array(z.string()),
  replaced: z.array(z.string()),
  unchanged: z.array(z.string()),
  deleted: z.array(z.string()),
  /** left out, but larger than the document can hold: kept as they are */
  kept: z.array(z.string()),
});

export const playlistConflictSchema = z.object({
  message: z.string(),
  errors: z.array(z.string()),
});
