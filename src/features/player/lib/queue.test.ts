import { describe, expect, it } from 'vitest';
import type { QueueItem } from './queue-item';
import {
  cycleRepeat,
  emptyQueue,
  enqueue,
  jumpTo,
  move,
  next,
  playItems,
  playNext,
  previous,
  remove,
  setRepeat,
  setShuffle,
  upcoming,
  type QueueState,
} from './queue';
import { defaultSaved, forSaving, restorePlayer } from './restore';

const item = (id: string): QueueItem => ({
  id,
  name: `Song ${id}`,
  artist: 'Artist',
  artistProfileId: null,
  albumId: 'album',
  albumName: 'Album',
  durationSec: 30,
  artworkUrl: null,
  access: { kind: 'free', label: 'Free to stream' },
});
const items = (...ids: string[]) => ids.map(item);

/** A deterministic random source (mulberry32), so shuffles are reproducible. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ids = (q: QueueState) => q.entries.map((e) => e.item.id);
const cur = (q: QueueState | null) => (q ? (q.entries[q.current]?.item.id ?? null) : null);

/** Plays a queue to its end (following "ended"), collecting what played; stops after `max`. */
function playThrough(q: QueueState, max: number, random = seeded(1)): string[] {
  const heard: string[] = [cur(q)!];
  let s: QueueState | null = q;
  while (heard.length < max) {
    s = next(s, 'ended', random);
    if (!s) break;
    heard.push(cur(s)!);
  }
  return heard;
}

describe('queue order', () => {
  it('plays from the chosen row, in order, and stops at the end with repeat off', () => {
    const q = playItems(emptyQueue(), items('a', 'b', 'c', 'd'), 1, seeded(1));
    expect(cur(q)).toBe('b');
    expect(playThrough(q, 10)).toEqual(['b', 'c', 'd']);
  });

  it('goes back, and does not go before the first song unless repeating all', () => {
    const q = playItems(emptyQueue(), items('a', 'b'), 1, seeded(1));
    expect(cur(previous(q))).toBe('a');
    expect(previous(previous(q)!)).toBeNull();
    expect(cur(previous(setRepeat(previous(q)!, 'all')))).toBe('b');
  });

  it('adds to the end and plays next right after the current song, keeping the current one', () => {
    let q = playItems(emptyQueue(), items('a', 'b', 'c'), 0, seeded(1));
    q = enqueue(q, items('z'));
    q = playNext(q, items('x', 'y'));
    expect(ids(q)).toEqual(['a', 'x', 'y', 'b', 'c', 'z']);
    expect(cur(q)).toBe('a');
    expect(playThrough(q, 10)).toEqual(['a', 'x', 'y', 'b', 'c', 'z']);
  });

  it('starts an empty queue at the first added song', () => {
    expect(cur(enqueue(emptyQueue(), items('a', 'b')))).toBe('a');
    expect(cur(playNext(emptyQueue(), items('a')))).toBe('a');
  });

  it('gives every entry its own key, so one song can be queued twice', () => {
    const q = enqueue(playItems(emptyQueue(), items('a'), 0, seeded(1)), items('a'));
    expect(new Set(q.entries.map((e) => e.key)).size).toBe(2);
    expect(playThrough(q, 5)).toEqual(['a', 'a']);
  });

  it('moves and removes entries without changing which song is current', () => {
    let q = playItems(emptyQueue(), items('a', 'b', 'c', 'd'), 1, seeded(1));
    q = move(q, q.entries[3]!.key, 0);
    expect(ids(q)).toEqual(['d', 'a', 'b', 'c']);
    expect(cur(q)).toBe('b');
    q = remove(q, q.entries[0]!.key);
    expect(ids(q)).toEqual(['a', 'b', 'c']);
    expect(cur(q)).toBe('b');
    // removing the current song makes the next one current; at the end, the one before
    q = remove(q, q.entries[1]!.key);
    expect(cur(q)).toBe('c');
    q = remove(q, q.entries[1]!.key);
    expect(cur(q)).toBe('a');
    q = remove(q, q.entries[0]!.key);
    expect(q.current).toBe(-1);
    expect(next(q, 'user', seeded(1))).toBeNull();
  });

  it('jumps to an entry of the queue panel', () => {
    const q = playItems(emptyQueue(), items('a', 'b', 'c'), 0, seeded(1));
    expect(cur(jumpTo(q, q.entries[2]!.key))).toBe('c');
    expect(jumpTo(q, 'nope')).toBe(q);
  });
});

describe('repeat modes', () => {
  it('cycles off → all → one → off', () => {
    let q = emptyQueue();
    const seen = [];
    for (let i = 0; i < 4; i++) {
      q = cycleRepeat(q);
      seen.push(q.repeat);
    }
    expect(seen).toEqual(['all', 'one', 'off', 'all']);
  });

  it('repeat all wraps to the first song', () => {
    const q = setRepeat(playItems(emptyQueue(), items('a', 'b'), 0, seeded(1)), 'all');
    expect(playThrough(q, 5)).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(upcoming(next(q, 'user', seeded(1))!)?.item.id).toBe('a');
  });

  it('repeat one replays the song when it ends, but Next and a failure move on', () => {
    const q = setRepeat(playItems(emptyQueue(), items('a', 'b'), 0, seeded(1)), 'one');
    expect(playThrough(q, 3)).toEqual(['a', 'a', 'a']);
    expect(upcoming(q)?.item.id).toBe('a');
    expect(cur(next(q, 'user', seeded(1)))).toBe('b');
    expect(cur(next(q, 'failed', seeded(1)))).toBe('b');
  });

  it('a failed last song stops the queue even when repeating all (no endless retry loop)', () => {
    const q = setRepeat(playItems(emptyQueue(), items('a', 'b'), 1, seeded(1)), 'all');
    expect(next(q, 'failed', seeded(1))).toBeNull();
  });
});

describe('shuffle', () => {
  const many = Array.from({ length: 20 }, (_, i) => String(i));

  it('keeps the current song and plays every other song once before any repeats', () => {
    for (const seed of [1, 2, 3, 42]) {
      const q = setShuffle(playItems(emptyQueue(), items(...many), 5, seeded(seed)), true, seeded(seed));
      expect(cur(q)).toBe('5');
      const heard = playThrough(q, 100, seeded(seed));
      expect(heard).toHaveLength(20);
      expect(new Set(heard).size).toBe(20);
      expect(heard).not.toEqual(many); // shuffled, not in order (chance 1/19! of a false failure)
    }
  });

  it('under repeat all, reshuffles each round with no song twice in a round or twice in a row', () => {
    const random = seeded(7);
    const q = setRepeat(setShuffle(playItems(emptyQueue(), items(...many), 0, random), true, random), 'all');
    const heard = playThrough(q, 60, random);
    for (let round = 0; round < 3; round++) {
      expect(new Set(heard.slice(round * 20, round * 20 + 20)).size).toBe(20);
    }
    for (let i = 1; i < heard.length; i++) expect(heard[i]).not.toBe(heard[i - 1]);
  });

  it('playing a list with shuffle on starts at the chosen row and shuffles the rest', () => {
    const random = seeded(3);
    const on = setShuffle(emptyQueue(), true, random);
    const q = playItems(on, items(...many), 12, random);
    expect(cur(q)).toBe('12');
    expect(new Set(ids(q)).size).toBe(20);
  });

  it('turning shuffle off restores the listener order, with additions and removals, at the current song', () => {
    const random = seeded(5);
    let q = playItems(emptyQueue(), items('a', 'b', 'c', 'd', 'e'), 0, random);
    q = setShuffle(q, true, random);
    q = next(q, 'user', random)!;
    const playing = cur(q);
    q = enqueue(q, items('f'));
    q = playNext(q, items('g'));
    q = remove(q, q.entries.find((e) => e.item.id === (playing === 'c' ? 'd' : 'c'))!.key);
    q = setShuffle(q, false, random);
    expect(cur(q)).toBe(playing);
    const expected = ['a', 'b', 'c', 'd', 'e'].filter((x) => x !== (playing === 'c' ? 'd' : 'c'));
    expected.splice(expected.indexOf(playing!) + 1, 0, 'g');
    expect(ids(q)).toEqual([...expected, 'f']);
    expect(q.original).toBeNull();
  });
});

describe('restore after a reload', () => {
  it('gives back exactly what was saved', () => {
    const random = seeded(9);
    const queue = setRepeat(setShuffle(playItems(emptyQueue(), items('a', 'b', 'c'), 1, random), true, random), 'one');
    const saved = { queue, position: 12.5, volume: 0.4, muted: true };
    expect(restorePlayer(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('keeps entry keys unique after the reload', () => {
    const q = playItems(emptyQueue(), items('a', 'b'), 0, seeded(1));
    const restored = restorePlayer(
      JSON.parse(JSON.stringify({ queue: { ...q, seq: 1 }, position: 0, volume: 1, muted: false })),
    );
    const more = enqueue(restored.queue, items('c'));
    expect(new Set(more.entries.map((e) => e.key)).size).toBe(3);
  });

  it('falls back to an empty player on anything malformed', () => {
    expect(restorePlayer(null)).toEqual(defaultSaved());
    expect(restorePlayer({ queue: 'x' })).toEqual(defaultSaved());
    expect(restorePlayer({ ...defaultSaved(), volume: 7 })).toEqual(defaultSaved());
    const q = playItems(emptyQueue(), items('a'), 0, seeded(1));
    const dup = { ...q, entries: [q.entries[0], q.entries[0]] };
    expect(restorePlayer({ queue: dup, position: 0, volume: 1, muted: false })).toEqual(defaultSaved());
  });

  it('repairs an index that points outside the queue', () => {
    const q = playItems(emptyQueue(), items('a', 'b'), 0, seeded(1));
    const r = restorePlayer({ queue: { ...q, current: 9 }, position: 3, volume: 1, muted: false });
    expect(cur(r.queue)).toBe('b');
  });

  it('saves a window around the current song of a very long queue, and restores it', () => {
    const random = seeded(4);
    const long = Array.from({ length: 5000 }, (_, i) => String(i));
    const queue = setShuffle(playItems(emptyQueue(), items(...long), 3000, random), true, random);
    const at = next(next(queue, 'user', random)!, 'user', random)!;
    const saved = forSaving({ queue: at, position: 4, volume: 1, muted: false }, 1000);
    expect(saved.queue.entries).toHaveLength(1000);
    const back = restorePlayer(JSON.parse(JSON.stringify(saved)));
    expect(cur(back.queue)).toBe(cur(at));
    expect(back.position).toBe(4);
    // the listener's order keeps exactly the saved entries, so shuffle-off still works
    expect(setShuffle(back.queue, false, random).entries).toHaveLength(1000);
  });
});
