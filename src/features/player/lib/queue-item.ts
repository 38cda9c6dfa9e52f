import { z } from 'zod';
import { loudnessSchema } from '../../../../contract/catalog';

/**
 * One song as the player needs it, built by the page from a song row (album tracks, search
 * results, my songs, playlists): enough to show it, order it and ask for its stream, without
 * another request. `access` is what the row showed (the server still decides at authorization).
 */
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
});
export type QueueItem = z.infer<typeof queueItemSchema>;
