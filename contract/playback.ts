import { z } from 'zod';
import { albumLoudnessSchema, loudnessSchema } from './catalog.js';

/**
 * Continue on another device (an addition of this server, documented in server/README.md): each
 * listener's playback state (queue, current song, position, settings), kept by the server so that
 * another browser can pick the music up where this one is.
 */

/** One queued song as the player needs it (the player's own queue item is this schema). */
export const queueItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  artist: z.string(),
  artistProfileId: z.string().nullable(),
  albumId: z.string(),
  albumName: z.string().nullable(),
  durationSec: z.number().min(0),
  artworkUrl: z.string().nullable(),
  access: z.object({
    kind: z.enum(['token', 'free', 'credits', 'locked']),
    label: z.string(),
  }),
  /** the song's measured loudness, for track and album gain (absent in queues saved before it) */
  loudness: loudnessSchema.optional(),
  /** its album's loudness measured over the whole album, for album gain (absent: estimated from the songs') */
  albumLoudness: albumLoudnessSchema.optional(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** At most this many queue entries travel (a window around the current song). */
export const PLAYBACK_MAX_ENTRIES = 200;

export const playbackSettingsSchema = z.object({
  shuffle: z.boolean(),
  repeat: z.enum(['off', 'all', 'one']),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
});

const deviceId = z
  .string({ message: 'deviceId is required' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'deviceId must be 8-64 letters, digits, - or _');

/** `PUT /api/v1/me/playback`: what this device plays, as it plays. */
export const playbackSaveSchema = z.object({
  deviceId,
  /** a short name of the device for the other one to show ("Chrome on Linux") */
  deviceName: z.string().trim().max(80, 'deviceName must be at most 80 characters').default(''),
  entries: z.array(queueItemSchema).max(PLAYBACK_MAX_ENTRIES, `entries: at most ${PLAYBACK_MAX_ENTRIES} songs`),
  /** index of the current song in `entries`, -1 for none */
  current: z.number().int().min(-1),
  positionSec: z.number().min(0).max(86_400),
  playing: z.boolean(),
  settings: playbackSettingsSchema,
  /** this device starts playing here (a play, a resume, a continue): it becomes the active one */
  takeOver: z.boolean().default(false),
});
export type PlaybackSave = z.input<typeof playbackSaveSchema>;
export type ParsedPlaybackSave = z.output<typeof playbackSaveSchema>;

export const playbackStateSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  entries: z.array(queueItemSchema),
  current: z.number().int(),
  /** where the song is now: a playing state's position moves on with the server's clock */
  positionSec: z.number(),
  playing: z.boolean(),
  settings: playbackSettingsSchema,
  updatedAt: z.string(),
  revision: z.number().int(),
});
export type PlaybackState = z.infer<typeof playbackStateSchema>;

/** The answer of both endpoints: the state the server keeps (null before any), and whether the asking device is the active one. */
export const playbackAnswerSchema = z.object({
  state: playbackStateSchema.nullable(),
  /** false when another device took over: this one should pause */
  active: z.boolean(),
});
export type PlaybackAnswer = z.infer<typeof playbackAnswerSchema>;

export const playbackQuerySchema = z.object({ deviceId });
