import type { PlayEvent } from '@contract/listener-app';

type Context = NonNullable<PlayEvent['context']>;
let current: { context: Context; songs: ReadonlySet<string> } | null = null;

/**
 * Where the listener started playing from (an album, a playlist, Liked songs): the play events of
 * those songs carry it, so that "Jump back in" can offer it again. Set by the page that plays.
 */
export function setPlayContext(context: Context, songIds: readonly string[]): void {
  current = { context, songs: new Set(songIds) };
}

export function contextOf(songId: string): Context | undefined {
  return current?.songs.has(songId) ? current.context : undefined;
}
