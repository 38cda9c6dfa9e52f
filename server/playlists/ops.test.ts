import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlaylistOp } from '@contract/playlists.js';
import { HttpError } from '../lib/errors.js';
import { applyOps, type PlaylistState } from './ops.js';

const start = (n: number): PlaylistState => ({
  name: 'Mix',
  description: '',
  songIds: Array.from({ length: n }, (_, i) => `s${i}`),
  keys: Array.from({ length: n }, (_, i) => i),
  nextKey: n,
  version: 1,
  nameVersion: 1,
});

/** One tab's edit, on the keys it knows (the starting ones). */
const opArb = (n: number, tab: string) =>
  fc.oneof(
    fc.record({
      op: fc.constant('insert' as const),
      songIds: fc.array(
        fc.uuid().map((u) => `${tab}-${u}`),
        { minLength: 1, maxLength: 3 },
      ),
      after: fc.option(fc.nat(n - 1), { nil: undefined }),
    }),
    fc.record({ op: fc.constant('move' as const), key: fc.nat(n - 1), after: fc.option(fc.nat(n - 1), { nil: null }) }),
    fc.record({ op: fc.constant('remove' as const), key: fc.nat(n - 1) }),
  );

/** Applies one op at a time (as the app's save loop sends them): a 409 is a question, not a loss. */
function send(s: PlaylistState, op: PlaylistOp, base: number): { s: PlaylistState; asked: boolean } {
  try {
    return { s: applyOps(s, [op], base).state, asked: false };
  } catch (e) {
    if (e instanceof HttpError && e.statusCode === 409) return { s, asked: true };
    throw e;
  }
}

describe('merging two tabs’ ops on the server', () => {
  it('keeps every song added on either side and every song nobody removed', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(opArb(n, 'a'), { maxLength: 8 }),
              fc.array(opArb(n, 'b'), { maxLength: 8 }),
              fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
            ),
          ),
        ([n, a, b, order]) => {
          let s = start(n);
          const queues = { a: [...a], b: [...b] };
          // both tabs made their edits on version 1; their saves interleave in any order
          for (let i = 0; queues.a.length + queues.b.length > 0; i++) {
            const q = (order[i % order.length] && queues.a.length > 0) || queues.b.length === 0 ? queues.a : queues.b;
            s = send(s, q.shift()!, 1).s;
          }
          const removed = new Set([...a, ...b].flatMap((op) => (op.op === 'remove' ? [op.key] : [])));
          for (let k = 0; k < n; k++) expect(s.keys.includes(k)).toBe(!removed.has(k));
          for (const op of [...a, ...b])
            if (op.op === 'insert') for (const id of op.songIds) expect(s.songIds).toContain(id);
          expect(new Set(s.keys).size).toBe(s.keys.length);
          expect(s.songIds.length).toBe(s.keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks instead of guessing: a move of a song removed elsewhere, a rename of a renamed playlist', () => {
    let s = applyOps(start(3), [{ op: 'remove', key: 1 }], 1).state;
    expect(() => applyOps(s, [{ op: 'move', key: 1, after: null }], 1)).toThrow(/removed .* elsewhere/);
    expect(applyOps(s, [{ op: 'remove', key: 1 }], 1).skipped).toEqual([0]);
    s = applyOps(s, [{ op: 'rename', name: 'Road trip' }], 2).state;
    expect(s.name).toBe('Road trip');
    expect(() => applyOps(s, [{ op: 'rename', name: 'Drive' }], 2)).toThrow(/renamed to “Road trip” elsewhere/);
    expect(applyOps(s, [{ op: 'rename', name: 'Drive' }], 3).state.name).toBe('Drive');
  });

  it('adds a song that is already there only when the listener confirmed', () => {
    const s = start(2);
    expect(() => applyOps(s, [{ op: 'insert', songIds: ['s0'] }], 1)).toThrow(/already in “Mix”/);
    expect(() => applyOps(s, [{ op: 'insert', songIds: ['x', 'x'] }], 1)).toThrow(/already/);
    const r = applyOps(s, [{ op: 'insert', songIds: ['s0'], allowDuplicates: true, after: null }], 1).state;
    expect(r.songIds).toEqual(['s0', 's0', 's1']);
    expect(r.keys).toEqual([2, 0, 1]);
  });
});
