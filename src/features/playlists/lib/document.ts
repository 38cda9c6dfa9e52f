import { STORED_DOCUMENT_MAX_BYTES, type Playlists } from '../../../../contract/listener';

/**
 * The playlists document as the editor holds it. The API stores one JSON object per user (name →
 * [{id}]); PostgreSQL's jsonb does not keep key order, so the order of playlists is not data: the
 * editor keeps them in a list for convenience and the pages sort them by name.
 */
export interface Playlist {
  name: string;
  /** song ids in play order; the same song may appear twice */
  ids: readonly string[];
}
export type PlaylistDoc = readonly Playlist[];

/** One edit, as the user meant it: replayed on another tab's version when a save meets a 412. */
export type PlaylistOp =
  | { kind: 'create'; name: string; ids: readonly string[] }
  | { kind: 'delete'; name: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'add'; name: string; ids: readonly string[] }
  | { kind: 'remove'; name: string; index: number; id: string }
  | { kind: 'move'; name: string; from: number; to: number; id: string };

export const MAX_NAME_LENGTH = 100;
export const MAX_ID_LENGTH = 64;
export { STORED_DOCUMENT_MAX_BYTES };

export function fromWire(wire: Playlists): PlaylistDoc {
  return Object.entries(wire).map(([name, entries]) => ({ name, ids: entries.map((e) => e.id) }));
}

export function toWire(doc: PlaylistDoc): Playlists {
  // fromEntries defines own properties, so no name can reach Object.prototype.
  return Object.fromEntries(doc.map((p) => [p.name, p.ids.map((id) => ({ id }))]));
}

const encoder = new TextEncoder();
/**
 * Bytes of the JSON body a save sends: the server counts the raw body in UTF-8 (Buffer.byteLength),
 * and the API client sends JSON.stringify of the document, so this is the same count.
 */
export function docBytes(doc: PlaylistDoc): number {
  return encoder.encode(JSON.stringify(toWire(doc))).length;
}

export const find = (doc: PlaylistDoc, name: string): Playlist | undefined => doc.find((p) => p.name === name);

// Control characters break jsonb (\u0000) and make names unreadable; lone surrogates are not text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// "__proto__" vanishes from a parsed object; "." and ".." cannot be a page's address segment.
const RESERVED = new Set(['__proto__', '.', '..']);

/** Why a playlist name cannot be used, or null when it can. */
export function nameProblem(doc: PlaylistDoc, name: string, except?: string): string | null {
  if (name.trim() === '') return 'Give the playlist a name.';
  if (name !== name.trim()) return 'Playlist names cannot start or end with spaces.';
  if (name.length > MAX_NAME_LENGTH) return `Playlist names are at most ${MAX_NAME_LENGTH} characters.`;
  if (CONTROL.test(name) || !isWellFormed(name)) return 'Playlist names cannot contain control characters.';
  if (RESERVED.has(name)) return 'That name is reserved: choose another one.';
  if (name !== except && find(doc, name)) return `You already have a playlist called “${name}”.`;
  return null;
}

function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** "Mix", "Mix (2)", "Mix (3)"…: the first name not taken. */
export function uniqueName(doc: PlaylistDoc, wanted: string): string {
  const base = wanted.slice(0, MAX_NAME_LENGTH);
  if (!find(doc, base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!find(doc, name)) return name;
  }
}

const replace = (doc: PlaylistDoc, name: string, ids: readonly string[]): PlaylistDoc =>
  doc.map((p) => (p.name === name ? { name, ids } : p));

/** Why an op cannot be applied to this document, or null when it can. */
export function opProblem(doc: PlaylistDoc, op: PlaylistOp): string | null {
  switch (op.kind) {
    case 'create':
      return nameProblem(doc, op.name) ?? idsProblem(op.ids);
    case 'rename':
      if (!find(doc, op.from)) return `There is no playlist called “${op.from}”.`;
      return op.from === op.to ? null : nameProblem(doc, op.to, op.from);
    case 'delete':
      return find(doc, op.name) ? null : `There is no playlist called “${op.name}”.`;
    case 'add': {
      if (!find(doc, op.name)) return `There is no playlist called “${op.name}”.`;
      return idsProblem(op.ids);
    }
    case 'remove':
    case 'move': {
      const p = find(doc, op.name);
      if (!p) return `There is no playlist called “${op.name}”.`;
      const at = op.kind === 'remove' ? op.index : op.from;
      if (p.ids[at] !== op.id) return 'That song is no longer at that place in the playlist.';
      if (op.kind === 'move' && (op.to < 0 || op.to >= p.ids.length)) return 'A song cannot move past the ends.';
      return null;
    }
  }
}

function idsProblem(ids: readonly string[]): string | null {
  return ids.every((id) => id.length > 0 && id.length <= MAX_ID_LENGTH) ? null : 'That song id is not valid.';
}

/** Applies a valid op (check it with opProblem first); an invalid one leaves the document as is. */
export function applyOp(doc: PlaylistDoc, op: PlaylistOp): PlaylistDoc {
  if (opProblem(doc, op)) return doc;
  switch (op.kind) {
    case 'create':
      return [...doc, { name: op.name, ids: [...op.ids] }];
    case 'delete':
      return doc.filter((p) => p.name !== op.name);
    case 'rename':
      return doc.map((p) => (p.name === op.from ? { name: op.to, ids: p.ids } : p));
    case 'add':
      return replace(doc, op.name, [...find(doc, op.name)!.ids, ...op.ids]);
    case 'remove': {
      const ids = [...find(doc, op.name)!.ids];
      ids.splice(op.index, 1);
      return replace(doc, op.name, ids);
    }
    case 'move': {
      const ids = [...find(doc, op.name)!.ids];
      const [moved] = ids.splice(op.from, 1);
      ids.splice(op.to, 0, moved!);
      return replace(doc, op.name, ids);
    }
  }
}

export const applyOps = (doc: PlaylistDoc, ops: readonly PlaylistOp[]): PlaylistDoc => ops.reduce(applyOp, doc);

/** Why the document cannot be saved as it is, or null: the 4 KB limit, counted as the server does. */
export function sizeProblem(doc: PlaylistDoc): string | null {
  const bytes = docBytes(doc);
  if (bytes <= STORED_DOCUMENT_MAX_BYTES) return null;
  return (
    `That would make your playlists ${bytes} bytes, over the ${STORED_DOCUMENT_MAX_BYTES}-byte limit the server keeps. ` +
    'Remove songs or delete a playlist you no longer need to make room, then try again.'
  );
}

type MaybeIds = readonly string[] | null | undefined;
/** Same songs in the same order; two absent playlists are not "the same list". */
export const sameIds = (a: MaybeIds, b: MaybeIds): boolean =>
  a != null && b != null && a.length === b.length && a.every((id, i) => id === b[i]);

/** The same playlists with the same songs, whatever their order in the list. */
export const sameDoc = (a: PlaylistDoc, b: PlaylistDoc): boolean =>
  a.length === b.length && a.every((p) => sameIds(find(b, p.name)?.ids, p.ids));

/** Names touched by an op: a conflict on one of them holds back every later op on it. */
export const namesOf = (op: PlaylistOp): string[] => (op.kind === 'rename' ? [op.from, op.to] : [op.name]);
