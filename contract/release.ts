import { z } from 'zod';

/**
 * Additions for artists' tools (this server's, beside the publisher's API): the artist's own profile
 * and releases (albums and singles made from completed encodings). Every endpoint is HMAC-signed.
 */

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be text` })
    .max(max, `${field} is too long (at most ${max} characters)`)
    .transform((s) => s.trim());

const tagList = (field: string) =>
  z
    .array(
      z
        .string({ message: `${field} must be a list of words` })
        .trim()
        .min(1, `${field} must not contain empty entries`)
        .max(40, `each of ${field} has at most 40 characters`),
      { message: `${field} must be a list` },
    )
    .max(20, `at most 20 ${field}`);

const websiteSchema = text('website', 300).refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), {
  message: 'website must be an http:// or https:// address',
});

export const ARTIST_SIGNUP_MODES = ['open', 'invite', 'off'] as const;
export type ArtistSignup = (typeof ARTIST_SIGNUP_MODES)[number];

const profileFields = {
  name: text('name', 100).refine((s) => s.length > 0, { message: 'name (the artist name) is required' }),
  bio: text('bio', 10_000),
  website: websiteSchema,
  genre: text('genre', 60),
  tags: tagList('tags'),
  marketsCatalog: text('marketsCatalog', 200).refine((s) => s === '' || /^[\w.-]+\/[\w.-]+$/.test(s), {
    message: 'marketsCatalog must look like "owner/shop"',
  }),
};

export const createArtistProfileSchema = z.object({
  ...profileFields,
  bio: profileFields.bio.default(''),
  website: profileFields.website.default(''),
  genre: profileFields.genre.default(''),
  tags: profileFields.tags.default([]),
  marketsCatalog: profileFields.marketsCatalog.default(''),
  /** required when the operator set ARTIST_SIGNUP=invite: an invitation code */
  inviteCode: z.string().trim().max(64).optional(),
});
export type CreateArtistProfile = z.input<typeof createArtistProfileSchema>;

export const updateArtistProfileSchema = z.object(profileFields).partial();
export type UpdateArtistProfile = z.input<typeof updateArtistProfileSchema>;

export const myArtistProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  bio: z.string(),
  website: z.string(),
  genre: z.string(),
  tags: z.array(z.string()),
  marketsCatalog: z.string(),
  marketsCatalogUrl: z.string(),
  pictureUrl: z.string().nullable(),
});
export type MyArtistProfile = z.infer<typeof myArtistProfileSchema>;

/** GET /api/v1/artist/profile: the caller's profile (or null) and whether they may create one. */
export const artistProfileStateSchema = z.object({
  signup: z.enum(ARTIST_SIGNUP_MODES),
  profile: myArtistProfileSchema.nullable(),
});
export type ArtistProfileState = z.infer<typeof artistProfileStateSchema>;

/** Images travel base64-encoded in the signed JSON body (the signature covers them). */
export const IMAGE_MAX_BYTES = 12 * 1024 * 1024;
export const imageBodySchema = z.object({
  image: z
    .string({ message: 'image (the picture, base64-encoded) is required' })
    .min(16, 'image is empty')
    .max(Math.ceil(IMAGE_MAX_BYTES / 3) * 4 + 4, `image is too large (at most ${IMAGE_MAX_BYTES / 1024 / 1024} MB)`)
    .regex(/^[A-Za-z0-9+/]+=*$/, 'image must be base64-encoded'),
});

const isoDate = (field: string) =>
  z
    .string({ message: `${field} must be a date` })
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: `${field} must be a date such as 2026-12-24T18:00:00Z` });

export const albumFieldsSchema = z.object({
  name: text('name', 200).refine((s) => s.length > 0, { message: 'name (the album title) is required' }),
  description: text('description', 10_000),
  releaseDate: isoDate('releaseDate').nullable(),
  isSingle: z.boolean({ message: 'isSingle must be true or false' }),
});
export const createAlbumSchema = albumFieldsSchema.partial().extend({
  name: albumFieldsSchema.shape.name.default('Untitled album'),
});
export const updateAlbumSchema = albumFieldsSchema.partial();

const tokenName = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9.]{1,40}$/, 'each of tokens must be a token name like MYTOKEN');

export const trackFieldsSchema = z.object({
  name: text('name', 200).refine((s) => s.length > 0, { message: 'name (the track title) is required' }),
  trackNumber: z.number({ message: 'trackNumber must be a number' }).int().min(1).max(999),
  description: text('description', 10_000),
  performers: text('performers', 1000),
  composers: text('composers', 1000),
  lyrics: text('lyrics', 50_000),
  credits: text('credits', 5000),
  copyright: text('copyright', 1000),
  ownership: text('ownership', 1000),
  usageRights: text('usageRights', 5000),
  usageProhibitions: text('usageProhibitions', 5000),
  bitcoinAddress: text('bitcoinAddress', 100),
  other: text('other', 5000),
  genre: text('genre', 60),
  tags: tagList('tags'),
  tokens: z.array(tokenName, { message: 'tokens must be a list' }).max(20, 'at most 20 tokens'),
  publicStreamable: z.boolean({ message: 'publicStreamable must be true or false' }),
  /** credits per stream; the operator's bounds apply (SONG_PRICE_MIN, SONG_PRICE_MAX) */
  price: z
    .number({ message: 'price must be a number of credits' })
    .min(0, 'price must not be negative')
    .max(1_000_000, 'price is too high'),
  /** the completed encoding whose marked audio listeners hear */
  encodingId: z.string().uuid('encodingId must be the id of one of your encodings').nullable(),
});
export const createTrackSchema = trackFieldsSchema.partial();
export const updateTrackSchema = trackFieldsSchema.partial();
export type TrackFields = z.input<typeof trackFieldsSchema>;

export const trackSchema = z.object({
  id: z.string(),
  name: z.string(),
  trackNumber: z.number().int(),
  description: z.string(),
  performers: z.string(),
  composers: z.string(),
  lyrics: z.string(),
  credits: z.string(),
  copyright: z.string(),
  ownership: z.string(),
  usageRights: z.string(),
  usageProhibitions: z.string(),
  bitcoinAddress: z.string(),
  other: z.string(),
  genre: z.string(),
  tags: z.array(z.string()),
  tokens: z.array(z.string()),
  publicStreamable: z.boolean(),
  price: z.number(),
  priceSat: z.number().int(),
  encodingId: z.string().nullable(),
  encodingStatus: z.string().nullable(),
  fileName: z.string().nullable(),
  markId: z.string().nullable(),
  durationSec: z.number(),
  audioType: z.string().nullable(),
  audioSize: z.number().nullable(),
  removed: z.boolean(),
});
export type Track = z.infer<typeof trackSchema>;

export const RELEASE_STATUSES = ['draft', 'scheduled', 'released', 'removed'] as const;
export const releaseAlbumSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  artworkImage: z.string().nullable(),
  /** square versions of the artwork, by edge length in pixels */
  artworkSizes: z.record(z.string(), z.string()),
  releaseDate: z.string().nullable(),
  isSingle: z.boolean(),
  status: z.enum(RELEASE_STATUSES),
  releaseAt: z.string().nullable(),
  updatedAt: z.string(),
  tracks: z.array(trackSchema),
});
export type ReleaseAlbum = z.infer<typeof releaseAlbumSchema>;
export const releaseAlbumListSchema = z.array(releaseAlbumSchema);

/** Release now (no `at`), or at a date and time (until then invisible to listeners). */
export const releaseBodySchema = z.object({
  at: isoDate('at').optional(),
});

/** The operator's price rules, so that the editor shows them before the server refuses. */
export const priceRulesSchema = z.object({ default: z.number(), min: z.number(), max: z.number() });
export type PriceRules = z.infer<typeof priceRulesSchema>;
