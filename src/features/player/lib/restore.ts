import { z } from 'zod';
import { queueItemSchema } from './queue-item';
import { emptyQueue, REPEAT_MODES, type QueueState } from './queue';

/** What survives a reload: the queue, where it was, and how the listener set the controls. */
export interface SavedPlayer {
  queue: QueueState;
  /** seconds into the current song */
  position: number;
  volume: number;
  muted: boolean;
}

export const MAX_SAVED_ENTRIES = 2000;

const savedSchema = z.object({
  queue: z.object({
    entries: z.array(z.object({ key: z.string().min(1), item: queueItemSchema })).max(MAX_SAVED_ENTRIES),
    current: z.number().int(),
    shuffle: z.boolean(),
    repeat: z.enum(REPEAT_MODES as [string, ...string[]]),
    original: z.array(z.string()).nullable(),
    seq: z.number().int().min(1),
  }),
  position: z.number().min(0),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
});

/**
 * What to write: a very long queue (all of a 10,000-song library) keeps a window around the
 * current song, so the saved document stays small and within what `restorePlayer` accepts.
 */
export function forSaving(saved: SavedPlayer, max = MAX_SAVED_ENTRIES): SavedPlayer {
  const q = saved.queue;
  if (q.entries.length <= max) return saved;
  const from = Math.max(0, Math.min(q.current - Math.floor(max / 10), q.entries.length - max));
  const entries = q.entries.slice(from, from + max);
  const kept = new Set(entries.map((e) => e.key));
  return {
    ...saved,
    queue: { ...q, entries, current: q.current - from, original: q.original?.filter((k) => kept.has(k)) ?? null },
  };
}

export const defaultSaved = (): SavedPlayer => ({ queue: emptyQueue(), position: 0, volume: 0.8, muted: false });

/**
 * Reads a saved player back. Storage is untrusted (another version, a hand edit): anything that
 * does not fit gives the defaults, and indices that point nowhere are repaired rather than trusted.
 */
export function restorePlayer(raw: unknown): SavedPlayer {
  const parsed = savedSchema.safeParse(raw);
  if (!parsed.success) return defaultSaved();
  const { queue, position, volume, muted } = parsed.data;
  const keys = new Set(queue.entries.map((e) => e.key));
  if (keys.size !== queue.entries.length) return defaultSaved();
  const current = queue.entries.length === 0 ? -1 : Math.min(Math.max(0, queue.current), queue.entries.length - 1);
  let original = queue.shuffle ? (queue.original ?? queue.entries.map((e) => e.key)) : null;
  // the listener's order must name exactly the queued entries, else shuffle-off would lose some
  if (original && (original.length !== keys.size || !original.every((k) => keys.has(k)))) {
    original = queue.entries.map((e) => e.key);
  }
  const maxSeq = Math.max(0, ...queue.entries.map((e) => Number(e.key.replace(/^q/, '')) || 0));
  return {
    queue: {
      entries: queue.entries,
      current,
      shuffle: queue.shuffle,
      repeat: queue.repeat as QueueState['repeat'],
      original,
      seq: Math.max(queue.seq, maxSeq + 1),
    },
    position: current === -1 ? 0 : position,
    volume,
    muted,
  };
}
