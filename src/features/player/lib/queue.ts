/**
 * The play queue as pure functions: every change returns a new state, so the rules (order,
 * shuffle, repeat, play next, restore) are tested without audio, and the store just keeps the
 * latest value.
 *
 * `entries` is the play order. With shuffle on, `original` keeps the order the listener chose, so
 * turning shuffle off puts it back (with whatever was added or removed meanwhile). Entries have
 * their own key because the same song may be queued twice.
 */
import type { QueueItem } from './queue-item';

export type RepeatMode = 'off' | 'all' | 'one';
export const REPEAT_MODES: readonly RepeatMode[] = ['off', 'all', 'one'];

export interface QueueEntry {
  key: string;
  item: QueueItem;
}

export interface QueueState {
  entries: QueueEntry[];
  /** index of the current entry in `entries`; -1 when the queue is empty */
  current: number;
  shuffle: boolean;
  repeat: RepeatMode;
  /** keys in the listener's order while shuffle is on, else null */
  original: string[] | null;
  /** the next entry key number (keys are unique within a queue's life, also across reloads) */
  seq: number;
}

export type Random = () => number;

export const emptyQueue = (): QueueState => ({
  entries: [],
  current: -1,
  shuffle: false,
  repeat: 'off',
  original: null,
  seq: 1,
});

export const currentEntry = (q: QueueState): QueueEntry | null => q.entries[q.current] ?? null;

function keyed(q: QueueState, items: readonly QueueItem[]): { entries: QueueEntry[]; seq: number } {
  let seq = q.seq;
  return { entries: items.map((item) => ({ key: `q${seq++}`, item })), seq };
}

/** Fisher–Yates on a copy. */
function shuffled<T>(xs: readonly T[], random: Random): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The current entry first, then every other entry once, in random order. */
function shuffleAround(entries: readonly QueueEntry[], current: number, random: Random): QueueEntry[] {
  const head = entries[current];
  if (!head) return shuffled(entries, random);
  return [
    head,
    ...shuffled(
      entries.filter((_, i) => i !== current),
      random,
    ),
  ];
}

/** Replaces the queue with these items and starts at `start` (shuffle and repeat are kept). */
export function playItems(q: QueueState, items: readonly QueueItem[], start: number, random: Random): QueueState {
  const { entries, seq } = keyed(q, items);
  const at = Math.min(Math.max(0, start), entries.length - 1);
  if (!q.shuffle) return { ...q, entries, current: entries.length ? at : -1, original: null, seq };
  return {
    ...q,
    entries: shuffleAround(entries, at, random),
    current: entries.length ? 0 : -1,
    original: entries.map((e) => e.key),
    seq,
  };
}

/** Adds items at the end (of the play order and of the listener's order). */
export function enqueue(q: QueueState, items: readonly QueueItem[]): QueueState {
  const { entries, seq } = keyed(q, items);
  const all = [...q.entries, ...entries];
  return {
    ...q,
    entries: all,
    current: q.current === -1 && all.length ? 0 : q.current,
    original: q.original ? [...q.original, ...entries.map((e) => e.key)] : null,
    seq,
  };
}

/** Puts items right after the current one, in both orders. */
export function playNext(q: QueueState, items: readonly QueueItem[]): QueueState {
  if (q.current === -1) return enqueue(q, items);
  const { entries, seq } = keyed(q, items);
  const all = [...q.entries.slice(0, q.current + 1), ...entries, ...q.entries.slice(q.current + 1)];
  let original = q.original;
  if (original) {
    const at = original.indexOf(q.entries[q.current]!.key) + 1;
    original = [...original.slice(0, at), ...entries.map((e) => e.key), ...original.slice(at)];
  }
  return { ...q, entries: all, original, seq };
}

export type Advance = 'ended' | 'user' | 'failed';

/**
 * The entry after the current one, or null when playback stops. A song that ends under repeat-one
 * plays again; the Next button and a failed song move on. Under repeat-all with shuffle, the end of
 * a round reshuffles, without playing the last song twice in a row.
 */
export function next(q: QueueState, why: Advance, random: Random): QueueState | null {
  if (q.current === -1) return null;
  if (why === 'ended' && q.repeat === 'one') return q;
  if (q.current + 1 < q.entries.length) return { ...q, current: q.current + 1 };
  if (q.repeat === 'off' || why === 'failed') return null;
  if (!q.shuffle || q.entries.length < 2) return { ...q, current: 0 };
  const last = q.entries[q.current]!;
  const rest = shuffled(
    q.entries.filter((_, i) => i !== q.current),
    random,
  );
  // the song just heard goes somewhere after the first slot of the new round
  const at = 1 + Math.floor(random() * rest.length);
  return { ...q, entries: [...rest.slice(0, at), last, ...rest.slice(at)], current: 0 };
}

/** The entry before the current one (wrapping under repeat-all), or null at the start. */
export function previous(q: QueueState): QueueState | null {
  if (q.current === -1) return null;
  if (q.current > 0) return { ...q, current: q.current - 1 };
  if (q.repeat === 'all' && q.entries.length > 1) return { ...q, current: q.entries.length - 1 };
  return null;
}

/** What plays after the current song ends, without changing anything (for preloading). */
export function upcoming(q: QueueState): QueueEntry | null {
  if (q.current === -1) return null;
  if (q.repeat === 'one') return q.entries[q.current]!;
  if (q.current + 1 < q.entries.length) return q.entries[q.current + 1]!;
  if (q.repeat === 'all' && !q.shuffle) return q.entries[0] ?? null;
  return null; // a reshuffle decides it only when the round ends
}

export function jumpTo(q: QueueState, key: string): QueueState {
  const i = q.entries.findIndex((e) => e.key === key);
  return i === -1 ? q : { ...q, current: i };
}

export function setShuffle(q: QueueState, on: boolean, random: Random): QueueState {
  if (on === q.shuffle) return q;
  if (on) {
    return {
      ...q,
      shuffle: true,
      entries: shuffleAround(q.entries, q.current, random),
      current: q.entries.length ? 0 : -1,
      original: q.entries.map((e) => e.key),
    };
  }
  const byKey = new Map(q.entries.map((e) => [e.key, e]));
  const entries = (q.original ?? []).flatMap((k) => byKey.get(k) ?? []);
  const playing = q.entries[q.current]?.key;
  return {
    ...q,
    shuffle: false,
    entries,
    current: playing ? entries.findIndex((e) => e.key === playing) : -1,
    original: null,
  };
}

export function setRepeat(q: QueueState, repeat: RepeatMode): QueueState {
  return { ...q, repeat };
}

export function cycleRepeat(q: QueueState): QueueState {
  return setRepeat(q, REPEAT_MODES[(REPEAT_MODES.indexOf(q.repeat) + 1) % REPEAT_MODES.length]!);
}

/**
 * Removes an entry. Removing the current one makes the entry after it current (or the one before,
 * at the end); the caller starts it if something was playing.
 */
export function remove(q: QueueState, key: string): QueueState {
  const i = q.entries.findIndex((e) => e.key === key);
  if (i === -1) return q;
  const entries = q.entries.filter((e) => e.key !== key);
  let current = q.current;
  if (i < q.current) current--;
  else if (i === q.current) current = Math.min(q.current, entries.length - 1);
  return { ...q, entries, current, original: q.original ? q.original.filter((k) => k !== key) : null };
}

/** Moves an entry to another place of the play order; the current song stays current. */
export function move(q: QueueState, key: string, to: number): QueueState {
  const from = q.entries.findIndex((e) => e.key === key);
  if (from === -1) return q;
  const target = Math.min(Math.max(0, to), q.entries.length - 1);
  if (target === from) return q;
  const playing = q.entries[q.current]?.key;
  const entries = [...q.entries];
  const [moved] = entries.splice(from, 1);
  entries.splice(target, 0, moved!);
  return {
    ...q,
    entries,
    current: playing ? entries.findIndex((e) => e.key === playing) : -1,
    // shuffle off: the listener's order is the play order, so the move is theirs too
    original: q.original,
  };
}

export function clear(q: QueueState): QueueState {
  return { ...emptyQueue(), shuffle: q.shuffle, repeat: q.repeat, seq: q.seq };
}
