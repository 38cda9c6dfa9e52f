import { z } from 'zod';
import { pageOf, pagingQuerySchema } from './common.js';

const nullableUrl = z.string().nullable();

export const albumSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  songCount: z.number().int().min(0),
  artworkImage: nullableUrl,
  artistProfileID: z.string().nullable(),
  // Not in the publisher's example, but what a player needs to show an album without a second call.
  artist: z.string(),
  releaseDate: z.string().nullable(),
  // An addition: the tokens that unlock the album's token-gated songs (empty: none is gated).
  gateTokens: z.array(z.string()).optional(),
});
export type Album = z.infer<typeof albumSchema>;
export const albumListSchema = z.array(albumSchema);

/** A song as the album track list and "my songs" describe it (the document's field names). */
/**
 * Addition: a song's measured loudness (ITU-R BS.1770 / EBU R128), for the player's track and album
 * gain; null until its audio is measured (just after it is made, or in the background for older songs).
 */
export const loudnessSchema = z
  .object({
    /** integrated loudness, LUFS */
    lufs: z.number(),
    /** true peak, dBTP */
    truePeakDb: z.number(),
  })
  .nullable();
export type SongLoudness = z.infer<typeof loudnessSchema>;
/**
 * Addition: the song's album's loudness measured over the whole album (its songs in track order as
 * one stream), for the album gain when the album plays in order; null until measured.
 */
export const albumLoudnessSchema = loudnessSchema;

export const songSchema = z.object({
  id: z.string(),
  name: z.string(),
  tokens: z.array(z.string()),
  description: z.string(),
  performers: z.string(),
  composers: z.string(),
  releaseDate: z.string().nullable(),
  lyrics: z.string(),
  credits: z.string(),
  copyright: z.string(),
  ownership: z.string(),
  usageRights: z.string(),
  usageProhbitions: z.string(),
  bitcoinAddress: z.string(),
  other: z.string(),
  // Additions the app relies on: where the song sits, how long it is, and what a stream costs.
  artist: z.string(),
  artistProfileId: z.string().nullable(),
  albumId: z.string(),
  trackNumber: z.number().int(),
  durationSec: z.number(),
  publicStreamable: z.boolean(),
  priceFloat: z.number(),
  priceSat: z.number().int(),
  loudness: loudnessSchema.optional(),
  albumLoudness: albumLoudnessSchema.optional(),
});
export type Song = z.infer<typeof songSchema>;
export const songListSchema = z.array(songSchema);

/** A song as search results and an artist's song list describe it. */
export const librarySongSchema = z.object({
  id: z.string(),
  name: z.string(),
  tags: z.string(),
  tagsArray: z.array(z.string()),
  genre: z.string(),
  releaseDate: z.string().nullable(),
  artist: z.string(),
  artistProfileId: z.string().nullable(),
  description: z.string(),
  isTokenlyMusic: z.boolean(),
  publicStreamable: z.boolean(),
  tokens: z.array(z.string()),
  albumName: z.string(),
  albumId: z.string(),
  artworkImage: nullableUrl,
  isSingle: z.boolean(),
  durationSec: z.number(),
  priceFloat: z.number(),
  priceSat: z.number().int(),
  loudness: loudnessSchema.optional(),
  albumLoudness: albumLoudnessSchema.optional(),
});
export type LibrarySong = z.infer<typeof librarySongSchema>;
export const librarySongPageSchema = pageOf(librarySongSchema);
export type LibrarySongPage = z.infer<typeof librarySongPageSchema>;

const keyword = z.string().trim().max(200, 'must be at most 200 characters');

export const searchQuerySchema = pagingQuerySchema.extend({
  name: keyword.optional(),
  artist: keyword.optional(),
  genre: keyword.optional(),
  tag: keyword.optional(),
  token: z
    .string()
    .trim()
    .regex(/^[A-Z0-9.]{1,40}$/i, 'token must be a valid token name like MYTOKEN or A1234567890')
    .optional(),
  operator: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(['AND', 'OR'], { message: "operator must be 'AND' or 'OR'" }))
    .optional(),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const artistSchema = z.object({
  artist: z.string(),
  artistProfileId: z.string().nullable(),
  pictureUrl: z.string(),
  website: z.string(),
  genre: z.string(),
  tags: z.array(z.string()),
});
export type Artist = z.infer<typeof artistSchema>;
export const artistPageSchema = pageOf(artistSchema);

export const genrePageSchema = pageOf(z.object({ genre: z.string(), songCount: z.number().int() }));
export const tagPageSchema = pageOf(z.object({ tag: z.string(), songCount: z.number().int() }));

export const artistProfileSchema = z.object({
  name: z.string(),
  website: z.string(),
  bio: z.string(),
  active: z.boolean(),
  genre: z.string(),
  tags: z.string(),
  tagsArray: z.array(z.string()),
  marketsCatalog: z.string(),
  marketsCatalogUrl: z.string(),
  pictureUrl: z.string(),
});
export type ArtistProfile = z.infer<typeof artistProfileSchema>;

/**
 * Songs by id (an addition to the publisher's API): what a playlist or a shared link needs to show
 * its songs to anyone. `ids` is a comma-separated list; unknown, removed or hidden songs are left
 * out of the answer, so a client can tell which of its ids no longer exist.
 */
export const SONG_LOOKUP_MAX_IDS = 100;
export const songLookupQuerySchema = z.object({
  ids: z
    .string({ message: 'ids is required: a comma-separated list of song ids' })
    .transform((s) => s.split(','))
    .pipe(
      z
        .array(z.string().min(1, 'a song id is empty').max(64, 'a song id is longer than 64 characters'))
        .max(SONG_LOOKUP_MAX_IDS, `ask for at most ${SONG_LOOKUP_MAX_IDS} songs at once`),
    ),
});
export const librarySongListSchema = z.array(librarySongSchema);
