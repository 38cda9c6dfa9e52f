import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, find, namesOf, type PlaylistDoc, type PlaylistOp } from './document';
import { mergeWith, rebase, resolutionOps } from './merge';

const SONGS = ['s1', 's2', 's3', 's4', 's5'];

/**
 * Turns random numbers into an op that is valid on `doc`, using only `names` (so that two sides can
 * be kept on disjoint playlists) and, when `contentOnly`, only adds, removes and moves.
 */
function opFrom(doc: PlaylistDoc, seed: number[], names: readonly string[], contentOnly = false): PlaylistOp | null {
  const [k = 0, a = 0, b = 0, c = 0] = seed;
  const mine = doc.filter((p) => names.includes(p.name));
  const free = names.filter((n) => !find(doc, n));
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length];
  const kinds = contentOnly ? ['add', 'remove', 'move'] : ['create', 'delete', 'rename', 'add', 'remove', 'move'];
  const kind = pick(kinds, k)!;
  const p = pick(mine, a);
  switch (kind) {
    case 'create': {
      const name = pick(free, a);
      return name ? { kind, name, ids: SONGS.slice(0, b % 3) } : null;
    }
    case 'delete':
      return p ? { kind, name: p.name } : null;
    case 'rename': {
      const to = pick(free, b);
      return p && to ? { kind, from: p.name, to } : null;
    }
    case 'add':
      return p ? { kind, name: p.name, ids: [pick(SONGS, b)!] } : null;
    case 'remove':
    case 'move': {
      if (!p || p.ids.length === 0) return null;
      const i = b % p.ids.length;
      if (kind === 'remove') return { kind, name: p.name, index: i, id: p.ids[i]! };
      return { kind, name: p.name, from: i, to: c % p.ids.length, id: p.ids[i]! };
    }
  }
  return null;
}

function play(base: PlaylistDoc, seeds: number[][], names: readonly string[], contentOnly = false) {
  let doc = base;
  const ops: PlaylistOp[] = [];
  for (const seed of seeds) {
    const op = opFrom(doc, seed, names, contentOnly);
    if (!op) continue;
    ops.push(op);
    doc = applyOp(doc, op);
  }
  return { doc, ops };
}

const seedsArb = fc.array(fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), { maxLength: 12 });
const idsArb = fc.array(fc.constantFrom(...SONGS), { maxLength: 5 });
const docArb = (names: string[]) =>
  fc
    .tuple(...names.map(() => fc.option(idsArb, { nil: undefined })))
    .map((lists) => names.flatMap((name, i) => (lists[i] ? [{ name, ids: lists[i] }] : [])));

const ids = (doc: PlaylistDoc, name: string) => find(doc, name)?.ids ?? null;
const count = (xs: readonly string[] | null, s: string) => (xs ?? []).filter((x) => x === s).length;

describe('merging concurrent edits (property tests)', () => {
  const local = ['a', 'b', 'c', 'd'];
  const remote = ['p', 'q', 'r', 's'];

  it('keeps every edit of both sides when they touch different playlists', () => {
    fc.assert(
      fc.property(docArb([...local, ...remote]), seedsArb, seedsArb, (base, mySeeds, theirSeeds) => {
        const mine = play(base, mySeeds, local);
        const theirs = play(base, theirSeeds, remote);
        const merged = rebase(base, mine.ops, theirs.doc);
        expect(merged.conflicts).toEqual([]);
        for (const n of local) expect(ids(merged.doc, n)).toEqual(ids(mine.doc, n));
        for (const n of remote) expect(ids(merged.doc, n)).toEqual(ids(theirs.doc, n));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps additions and removals of both sides in the same playlists, asking only about moved songs removed elsewhere', () => {
    const shared = ['a', 'b'];
    fc.assert(
      fc.property(docArb(shared), seedsArb, seedsArb, (base, mySeeds, theirSeeds) => {
        const mine = play(base, mySeeds, shared, true);
        const theirs = play(base, theirSeeds, shared, true);
        const merged = rebase(base, mine.ops, theirs.doc);
        // the only question: a song moved here was removed there
        for (const c of merged.conflicts) expect(c.mineSummary.some((s) => s.startsWith('moved'))).toBe(true);
        const asked = new Set(merged.conflicts.flatMap((c) => c.names));
        for (const n of shared.filter((x) => !asked.has(x))) {
          // both sides ended up with the same list, and so does the merge: nothing to tell apart
          if (sameList(ids(mine.doc, n), ids(theirs.doc, n)) && sameList(ids(merged.doc, n), ids(mine.doc, n)))
            continue;
          for (const s of SONGS) {
            const b = count(ids(base, n), s);
            const m = count(ids(mine.doc, n), s);
            const t = count(ids(theirs.doc, n), s);
            const got = count(ids(merged.doc, n), s);
            // what I added is there on top of theirs; what they changed stays when I did not touch it
            expect(got).toBeGreaterThanOrEqual(t + m - b);
            if (t === b) expect(got).toBe(m);
            // a side that did nothing with this song in this playlist leaves the other side's count
            if (!touchesSong(mine.ops, n, s)) expect(got).toBe(t);
          }
          // neither side reordered nor changed anything else: the untouched side's order holds
          if (sameList(ids(theirs.doc, n), ids(base, n))) expect(ids(merged.doc, n)).toEqual(ids(mine.doc, n));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never drops an edit silently: what is not in a conflict is kept, and each choice does what it says', () => {
    const all = ['a', 'b', 'c'];
    fc.assert(
      fc.property(docArb(all), seedsArb, seedsArb, (base, mySeeds, theirSeeds) => {
        const mine = play(base, mySeeds, all);
        const theirs = play(base, theirSeeds, all);
        const merged = rebase(base, mine.ops, theirs.doc);
        const asked = new Set(merged.conflicts.flatMap((c) => c.names));
        // A rename here carries the other side's edits to the playlist along: not a name-by-name check.
        const renamed = new Set(mine.ops.flatMap((op) => (op.kind === 'rename' ? [op.from, op.to] : [])));
        for (const n of all) {
          if (asked.has(n)) continue;
          const untouchedThere = sameList(ids(theirs.doc, n), ids(base, n));
          if (untouchedThere && !renamed.has(n)) expect(ids(merged.doc, n)).toEqual(ids(mine.doc, n));
          if (!mine.ops.some((op) => namesOf(op).includes(n))) expect(ids(merged.doc, n)).toEqual(ids(theirs.doc, n));
        }
        // "mine": the conflicting playlists are exactly as this tab had them
        const withMine = mergeWith(base, mine.ops, theirs.doc, 'mine');
        for (const n of asked) expect(ids(withMine, n)).toEqual(ids(mine.doc, n));
        // "both": every version of ours and of theirs is still somewhere
        let both = merged.doc;
        for (const c of merged.conflicts) {
          both = applyOps(both, resolutionOps(both, c, 'both'));
          for (const s of [...c.mine, ...c.theirs]) {
            if (s.ids !== null) expect(both.some((p) => sameList(p.ids, s.ids))).toBe(true);
          }
        }
        // "theirs": nothing of the conflicting playlists is changed by us
        expect(mergeWith(base, mine.ops, theirs.doc, 'theirs')).toEqual(merged.doc);
      }),
      { numRuns: 500 },
    );
  });
});

function touchesSong(ops: readonly PlaylistOp[], name: string, song: string): boolean {
  return ops.some(
    (op) =>
      (op.kind === 'add' && op.name === name && op.ids.includes(song)) ||
      (op.kind === 'remove' && op.name === name && op.id === song),
  );
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('merging concurrent edits (cases)', () => {
  const base: PlaylistDoc = [{ name: 'Trip', ids: ['s1', 's2'] }];

  it('appends both sides’ additions to the same playlist', () => {
    const remote = applyOps(base, [{ kind: 'add', name: 'Trip', ids: ['s3'] }]);
    const merged = rebase(base, [{ kind: 'add', name: 'Trip', ids: ['s4'] }], remote);
    expect(merged.conflicts).toEqual([]);
    expect(merged.doc).toEqual([{ name: 'Trip', ids: ['s1', 's2', 's3', 's4'] }]);
  });

  it('asks when a playlist edited here was deleted elsewhere, and can restore it', () => {
    const merged = rebase(base, [{ kind: 'add', name: 'Trip', ids: ['s3'] }], []);
    expect(merged.conflicts).toHaveLength(1);
    const c = merged.conflicts[0]!;
    expect(c.mineSummary).toEqual(['added a song to “Trip”']);
    expect(c.theirsSummary).toEqual(['“Trip” was deleted or renamed']);
    expect(applyOps(merged.doc, resolutionOps(merged.doc, c, 'mine'))).toEqual([
      { name: 'Trip', ids: ['s1', 's2', 's3'] },
    ]);
  });

  it('asks when a playlist deleted here was changed elsewhere', () => {
    const remote = applyOps(base, [{ kind: 'add', name: 'Trip', ids: ['s5'] }]);
    const merged = rebase(base, [{ kind: 'delete', name: 'Trip' }], remote);
    expect(merged.conflicts[0]?.mineSummary).toEqual(['deleted “Trip”']);
    expect(merged.doc).toEqual(remote);
  });

  it('offers to keep both when the same new name was given to different playlists', () => {
    const remote = applyOps(base, [{ kind: 'create', name: 'Mix', ids: ['s1'] }]);
    const merged = rebase(base, [{ kind: 'create', name: 'Mix', ids: ['s2'] }], remote);
    expect(merged.conflicts).toHaveLength(1);
    const both = applyOps(merged.doc, resolutionOps(merged.doc, merged.conflicts[0]!, 'both'));
    expect(both).toContainEqual({ name: 'Mix', ids: ['s1'] });
    expect(both).toContainEqual({ name: 'Mix (2)', ids: ['s2'] });
  });

  it('follows a rename made elsewhere into a conflict rather than editing a ghost', () => {
    const remote = applyOps(base, [{ kind: 'rename', from: 'Trip', to: 'Road trip' }]);
    const merged = rebase(base, [{ kind: 'remove', name: 'Trip', index: 0, id: 's1' }], remote);
    expect(merged.conflicts[0]?.names).toEqual(['Trip']);
  });

  it('does not ask when both sides made the same change, or ours cancelled out', () => {
    const remote = applyOps(base, [{ kind: 'create', name: 'Mix', ids: [] }]);
    expect(rebase(base, [{ kind: 'create', name: 'Mix', ids: [] }], remote).conflicts).toEqual([]);
    const ops: PlaylistOp[] = [
      { kind: 'add', name: 'Trip', ids: ['s3'] },
      { kind: 'remove', name: 'Trip', index: 2, id: 's3' },
    ];
    expect(rebase(base, ops, []).conflicts).toEqual([]);
  });

  it('asks when a song moved here was removed elsewhere', () => {
    const remote = applyOps(base, [{ kind: 'remove', name: 'Trip', index: 1, id: 's2' }]);
    const merged = rebase(base, [{ kind: 'move', name: 'Trip', from: 1, to: 0, id: 's2' }], remote);
    expect(merged.conflicts.map((c) => c.mineSummary)).toEqual([['moved a song in “Trip”']]);
  });

  it('moves the same entry when the other side removed songs before it', () => {
    const start: PlaylistDoc = [{ name: 'Trip', ids: ['s1', 's2', 's3'] }];
    const remote = applyOps(start, [{ kind: 'remove', name: 'Trip', index: 0, id: 's1' }]);
    const merged = rebase(start, [{ kind: 'move', name: 'Trip', from: 2, to: 0, id: 's3' }], remote);
    expect(merged.doc).toEqual([{ name: 'Trip', ids: ['s3', 's2'] }]);
  });
});
