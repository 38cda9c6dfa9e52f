import { applyOp, applyOps, find, namesOf, sameIds, uniqueName, type PlaylistDoc, type PlaylistOp } from './document';

/**
 * Two tabs or devices edited the playlists: the server refused our save with 412. The edits made
 * here (ops, on top of the version they started from: base) are replayed on the version the server
 * has now (remote). An op whose playlist is still as it expects is applied as meant (a song added to
 * a playlist the other side also added to: both songs are kept). One it cannot apply faithfully (the
 * playlist was deleted or renamed elsewhere, the new name is taken, a playlist deleted here was
 * changed there) is not guessed: it becomes a conflict, and so does every later op on the same
 * playlist, so that the person can choose, seeing both versions.
 */
export interface PlaylistState {
  name: string;
  /** null: no playlist by that name on that side */
  ids: readonly string[] | null;
}

export interface MergeConflict {
  /** the playlist names involved */
  names: string[];
  /** what this tab did, in words */
  mineSummary: string[];
  /** what happened elsewhere, in words */
  theirsSummary: string[];
  /** this tab's version of those names */
  mine: PlaylistState[];
  /** the merged document's version of those names (the other side's, plus what applied) */
  theirs: PlaylistState[];
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

export interface MergeResult {
  /** remote with every op that applied */
  doc: PlaylistDoc;
  /** the ops as applied to remote: pending edits from now on */
  ops: PlaylistOp[];
  conflicts: MergeConflict[];
}

type Outcome = { kind: 'apply'; op: PlaylistOp } | { kind: 'skip' } | { kind: 'fail' };

/** The index in `ids` of the same entry `at[index]` names: the same song, same occurrence. */
function sameEntry(at: readonly string[], index: number, ids: readonly string[]): number {
  const id = at[index];
  let k = 0;
  for (let i = 0; i < index; i++) if (at[i] === id) k++;
  let last = -1;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== id) continue;
    if (k-- === 0) return i;
    last = i;
  }
  return last;
}

function outcome(cur: PlaylistDoc, at: PlaylistDoc, op: PlaylistOp): Outcome {
  switch (op.kind) {
    case 'create': {
      const there = find(cur, op.name);
      if (!there) return { kind: 'apply', op };
      return sameIds(there.ids, op.ids) ? { kind: 'skip' } : { kind: 'fail' };
    }
    case 'delete': {
      const there = find(cur, op.name);
      if (!there) return { kind: 'skip' };
      return sameIds(there.ids, find(at, op.name)?.ids) ? { kind: 'apply', op } : { kind: 'fail' };
    }
    case 'rename':
      if (!find(cur, op.from)) return { kind: 'fail' };
      if (op.from !== op.to && find(cur, op.to)) return { kind: 'fail' };
      return { kind: 'apply', op };
    case 'add':
      return find(cur, op.name) ? { kind: 'apply', op } : { kind: 'fail' };
    case 'remove':
    case 'move': {
      const there = find(cur, op.name);
      const mine = find(at, op.name);
      if (!there || !mine) return { kind: 'fail' };
      const i = sameEntry(mine.ids, op.kind === 'remove' ? op.index : op.from, there.ids);
      // Removed elsewhere too: the song is gone either way. Moved here but removed there: ask.
      if (i < 0) return op.kind === 'remove' ? { kind: 'skip' } : { kind: 'fail' };
      if (op.kind === 'remove') return { kind: 'apply', op: { ...op, index: i } };
      const to = Math.min(Math.max(op.to, 0), there.ids.length - 1);
      return { kind: 'apply', op: { ...op, from: i, to } };
    }
  }
}

export function describeOp(op: PlaylistOp): string {
  const songs = (n: number) => (n === 1 ? 'a song' : `${n} songs`);
  switch (op.kind) {
    case 'create':
      return `created “${op.name}”`;
    case 'delete':
      return `deleted “${op.name}”`;
    case 'rename':
      return `renamed “${op.from}” to “${op.to}”`;
    case 'add':
      return `added ${songs(op.ids.length)} to “${op.name}”`;
    case 'remove':
      return `removed a song from “${op.name}”`;
    case 'move':
      return `moved a song in “${op.name}”`;
  }
}

function describeRemote(base: PlaylistDoc, remote: PlaylistDoc, name: string): string | null {
  const before = find(base, name);
  const now = find(remote, name);
  if (!before && now) return `“${name}” was created`;
  if (before && !now) return `“${name}” was deleted or renamed`;
  if (before && now && !sameIds(before.ids, now.ids)) return `“${name}” was changed`;
  return null;
}

const stateOf = (doc: PlaylistDoc, name: string): PlaylistState => ({ name, ids: find(doc, name)?.ids ?? null });

interface Replay {
  cur: PlaylistDoc;
  applied: PlaylistOp[];
  local: PlaylistDoc;
  /** the names of the first op that could not be replayed faithfully */
  failed: string[] | null;
}

/** Replays the ops on remote, leaving out every op on a held name. */
function replay(base: PlaylistDoc, ops: readonly PlaylistOp[], remote: PlaylistDoc, held: ReadonlySet<string>): Replay {
  let cur = remote;
  let at = base;
  const applied: PlaylistOp[] = [];
  for (const op of ops) {
    const names = namesOf(op);
    if (!names.some((n) => held.has(n))) {
      const r = outcome(cur, at, op);
      if (r.kind === 'fail') return { cur, applied, local: at, failed: names };
      if (r.kind === 'apply') {
        cur = applyOp(cur, r.op);
        applied.push(r.op);
      }
    }
    at = applyOp(at, op);
  }
  return { cur, applied, local: at, failed: null };
}

export function rebase(base: PlaylistDoc, ops: readonly PlaylistOp[], remote: PlaylistDoc): MergeResult {
  // A playlist with an op that cannot be replayed is held back whole: every op on it (before or
  // after, and along renames) waits for the person, so that "the other version" really is theirs
  // and "this tab's version" really is ours. Each round holds at least one more name.
  const held = new Set<string>();
  let r = replay(base, ops, remote, held);
  while (r.failed) {
    r.failed.forEach((n) => held.add(n));
    for (let grew = true; grew;) {
      grew = false;
      for (const op of ops) {
        const names = namesOf(op);
        if (names.some((n) => held.has(n)) && !names.every((n) => held.has(n))) {
          names.forEach((n) => held.add(n));
          grew = true;
        }
      }
    }
    r = replay(base, ops, remote, held);
  }

  // One conflict per lineage: held names linked by an op are decided together.
  const groups: { names: Set<string>; ops: PlaylistOp[] }[] = [];
  for (const name of held) groups.push({ names: new Set([name]), ops: [] });
  for (const op of ops) {
    const names = namesOf(op);
    const touching = groups.filter((g) => names.some((n) => g.names.has(n)));
    if (touching.length === 0) continue;
    const [first, ...rest] = touching;
    for (const g of rest) {
      g.names.forEach((n) => first!.names.add(n));
      first!.ops.push(...g.ops);
      groups.splice(groups.indexOf(g), 1);
    }
    first!.ops.push(op);
  }

  const same = (a: PlaylistState[], b: PlaylistState[]) =>
    a.every((s, i) => (s.ids === null ? b[i]!.ids === null : sameIds(s.ids, b[i]!.ids)));
  const conflicts: MergeConflict[] = [];
  for (const g of groups) {
    const names = [...g.names];
    const mine = names.map((n) => stateOf(r.local, n));
    const theirs = names.map((n) => stateOf(r.cur, n));
    // Nothing of ours would be lost (our edits cancelled out, or both sides agree): no question.
    if (
      same(mine, theirs) ||
      same(
        mine,
        names.map((n) => stateOf(base, n)),
      )
    )
      continue;
    conflicts.push({
      names,
      mineSummary: g.ops.map(describeOp),
      theirsSummary: names.map((n) => describeRemote(base, remote, n)).filter((s): s is string => s !== null),
      mine,
      theirs,
    });
  }
  return { doc: r.cur, ops: r.applied, conflicts };
}

/**
 * The ops that carry out the person's choice for one conflict, on the merged document:
 * 'mine' makes those playlists as this tab had them, 'theirs' leaves them as they are elsewhere,
 * 'both' keeps every version (ours under a new name where a name is taken).
 */
export function resolutionOps(doc: PlaylistDoc, conflict: MergeConflict, choice: ConflictChoice): PlaylistOp[] {
  if (choice === 'theirs') return [];
  const ops: PlaylistOp[] = [];
  let cur = doc;
  const push = (op: PlaylistOp) => {
    ops.push(op);
    cur = applyOp(cur, op);
  };
  for (const mine of conflict.mine) {
    const there = find(cur, mine.name);
    if (mine.ids === null) {
      if (choice === 'mine' && there) push({ kind: 'delete', name: mine.name });
      continue;
    }
    if (there && sameIds(there.ids, mine.ids)) continue;
    if (!there) {
      push({ kind: 'create', name: mine.name, ids: mine.ids });
    } else if (choice === 'mine') {
      push({ kind: 'delete', name: mine.name });
      push({ kind: 'create', name: mine.name, ids: mine.ids });
    } else {
      push({ kind: 'create', name: uniqueName(cur, mine.name), ids: mine.ids });
    }
  }
  return ops;
}

/** Convenience for tests and the editor: merge, then carry out one choice for every conflict. */
export function mergeWith(
  base: PlaylistDoc,
  ops: readonly PlaylistOp[],
  remote: PlaylistDoc,
  choice: ConflictChoice,
): PlaylistDoc {
  const merged = rebase(base, ops, remote);
  let doc = merged.doc;
  for (const c of merged.conflicts) doc = applyOps(doc, resolutionOps(doc, c, choice));
  return doc;
}
