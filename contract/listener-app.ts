import { z } from 'zod';
import { albumSchema, librarySongSchema } from './catalog.js';
import { pagingQuerySchema } from './common.js';

/**
 * Additions of this server for the listener's app (documented in server/README.md): search
 * suggestions, the all-albums page, the home page, the listening history and the library.
 */

export const SUGGEST_MAX_CHARS = 100;
export const suggestQuerySchema = z.object({
  q: z
    .string({ message: 'q is required: the text typed so far' })
    .trim()
    .min(1, 'q must not be empty')
    .max(SUGGEST_MAX_CHARS, `q must be at most ${SUGGEST_MAX_CHARS} characters`),
});

export const artistSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  pictureUrl: z.string().nullable(),
});
export type ArtistSummary = z.infer<typeof artistSummarySchema>;

export const suggestionsSchema = z.object({
  songs: z.array(librarySongSchema),
  albums: z.array(albumSchema),
  artists: z.array(artistSummarySchema),
  genres: z.array(z.string()),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;

export const ALBUM_SORTS = ['newest', 'name', 'artist'] as const;
export type AlbumSort = (typeof ALBUM_SORTS)[number];
export const albumBrowseQuerySchema = pagingQuerySchema.extend({
  sort: z.enum(ALBUM_SORTS, { message: "sort must be 'newest', 'name' or 'artist'" }).optional(),
  genre: z.string().trim().max(200, 'genre must be at most 200 characters').optional(),
});
export const albumPageSchema = z.object({
  page: z.number().int().min(0),
  perPage: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  count: z.number().int().min(0),
  items: z.array(albumSchema),
});
export type AlbumPage = z.infer<typeof albumPageSchema>;

/** A song with how often it was played (popular this week, an artist's top songs). */
export const playedSongSchema = librarySongSchema.extend({ plays: z.number().int().min(0) });
export type PlayedSong = z.infer<typeof playedSongSchema>;
export const playedSongListSchema = z.array(playedSongSchema);

export const PLAY_CONTEXTS = ['album', 'playlist', 'artist', 'liked', 'search'] as const;
export const playEventSchema = z.object({
  songId: z.string().uuid('songId must be a song id (a UUID)'),
  context: z
    .object({
      kind: z.enum(PLAY_CONTEXTS, { message: `context.kind must be one of ${PLAY_CONTEXTS.join(', ')}` }),
      id: z.string().max(200, 'context.id must be at most 200 characters'),
    })
    .optional(),
});
export type PlayEvent = z.infer<typeof playEventSchema>;
export const playRecordedSchema = z.object({ recorded: z.boolean() });

export const jumpBackInSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('album'), album: albumSchema, playedAt: z.string() }),
  z.object({ kind: z.literal('playlist'), name: z.string(), playedAt: z.string() }),
]);
export const homeSchema = z.object({
  recent: z.array(librarySongSchema.extend({ playedAt: z.string() })),
  jumpBackIn: z.array(jumpBackInSchema),
});
export type Home = z.infer<typeof homeSchema>;

/** What the listener keeps, as ids with the time they were kept: enough to mark any row. */
const kept = z.object({ id: z.string(), at: z.string() });
export const libraryIdsSchema = z.object({
  songs: z.array(kept),
  albums: z.array(kept),
  artists: z.array(kept),
});
export type LibraryIds = z.infer<typeof libraryIdsSchema>;
export const LIBRARY_KINDS = ['songs', 'albums', 'artists'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];
export const libraryChangeSchema = z.object({ kept: z.boolean() });

export const LIKED_PAGE_MAX = 500;
export const likedQuerySchema = z.object({
  limit: z.coerce
    .number({ message: `limit must be a whole number from 1 to ${LIKED_PAGE_MAX}` })
    .int(`limit must be a whole number from 1 to ${LIKED_PAGE_MAX}`)
    .min(1, `limit must be a whole number from 1 to ${LIKED_PAGE_MAX}`)
    .max(LIKED_PAGE_MAX, `limit must be a whole number from 1 to ${LIKED_PAGE_MAX}`)
    .optional(),
  pg: pagingQuerySchema.shape.pg,
});
export const likedSongPageSchema = z.object({
  page: z.number().int().min(0),
  perPage: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  count: z.number().int().min(0),
  items: z.array(librarySongSchema.extend({ likedAt: z.string() })),
});
export type LikedSongPage = z.infer<typeof likedSongPageSchema>;
export const savedAlbumListSchema = z.array(albumSchema.extend({ savedAt: z.string() }));
export const followedArtistListSchema = z.array(artistSummarySchema.extend({ followedAt: z.string() }));
