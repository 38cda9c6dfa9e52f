/** A playlist as a name and its song ids in order (a shared snapshot link, a copy to make). */
export interface Playlist {
  name: string;
  /** song ids in play order; the same song may appear twice */
  ids: readonly string[];
}
type Named = readonly { name: string }[];

export const MAX_NAME_LENGTH = 100;

const taken = (list: Named, name: string) => list.some((p) => p.name === name);

// Control characters break jsonb (\u0000) and make names unreadable; lone surrogates are not text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// "__proto__" vanishes from a parsed object (the publisher's document); "." and ".." are no page segment.
const RESERVED = new Set(['__proto__', '.', '..']);

/** Why a playlist name cannot be used among these playlists, or null when it can. */
export function nameProblem(list: Named, name: string, except?: string): string | null {
  if (name.trim() === '') return 'Give the playlist a name.';
  if (name !== name.trim()) return 'Playlist names cannot start or end with spaces.';
  if (name.length > MAX_NAME_LENGTH) return `Playlist names are at most ${MAX_NAME_LENGTH} characters.`;
  if (CONTROL.test(name) || !isWellFormed(name)) return 'Playlist names cannot contain control characters.';
  if (RESERVED.has(name)) return 'That name is reserved: choose another one.';
  if (name !== except && taken(list, name)) return `You already have a playlist called “${name}”.`;
  return null;
}

function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** "Mix", "Mix (2)", "Mix (3)"…: the first name not taken. */
export function uniqueName(list: Named, wanted: string): string {
  const base = wanted.slice(0, MAX_NAME_LENGTH);
  if (!taken(list, base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken(list, name)) return name;
  }
}
