import type { PlaylistDetail, PlaylistOp } from '@contract/playlists';

export type Entry = PlaylistDetail['entries'][number];
/** What the page shows: the server's playlist with the edits still on their way applied. */
export interface Shown {
  name: string;
  description: string;
  entries: readonly Entry[];
}

/**
 * Applies an op the way the server will (server/playlists/ops.ts), for showing it at once. What
 * the server would refuse (a move of a song removed elsewhere) is left out here; its answer says so.
 */
export function applyLocal(s: Shown, op: PlaylistOp, tempKey: () => number): Shown {
  const at = (key: number) => s.entries.findIndex((e) => e.key === key);
  switch (op.op) {
    case 'rename':
      return { ...s, name: op.name };
    case 'describe':
      return { ...s, description: op.description };
    case 'remove':
      return { ...s, entries: s.entries.filter((e) => e.key !== op.key) };
    case 'insert': {
      const added = op.songIds.map((songId) => ({ key: tempKey(), songId }));
      const entries = [...s.entries];
      const i = op.after === null ? 0 : op.after === undefined || at(op.after) < 0 ? entries.length : at(op.after) + 1;
      entries.splice(i, 0, ...added);
      return { ...s, entries };
    }
    case 'move': {
      const from = at(op.key);
      if (from < 0 || op.after === op.key) return s;
      const entries = [...s.entries];
      const [moved] = entries.splice(from, 1);
      const anchor = op.after === null ? -1 : entries.findIndex((e) => e.key === op.after);
      if (op.after !== null && anchor < 0) return s;
      entries.splice(anchor + 1, 0, moved!);
      return { ...s, entries };
    }
  }
}

/** The move op that puts the entry at `from` at index `to` (both in the list as shown). */
export function moveOp(entries: readonly Entry[], from: number, to: number): PlaylistOp {
  const without = entries.filter((_, i) => i !== from);
  return { op: 'move', key: entries[from]!.key, after: to === 0 ? null : without[to - 1]!.key };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
