import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { PlaylistSummary } from '@contract/playlists';
import { ApiError } from '@/lib/api-error';
import { byName } from '../lib/format';
import { nameProblem } from '../lib/names';
import { editorActions } from '../store';
import { channel } from './edits';
import { createPlaylist, postOps, resourceQueries, type PlaylistAuth } from './resources';

/** A question waiting for the listener: these songs are already in that playlist, add them again? */
interface DuplicateQuestion {
  text: string;
  confirm: () => void;
}
export const useDuplicateQuestion = create<{ question: DuplicateQuestion | null }>()(() => ({ question: null }));

const reason = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong.');
const refresh = (client: QueryClient, auth: PlaylistAuth) => {
  void client.invalidateQueries({ queryKey: resourceQueries.all() });
  channel?.postMessage({ userId: auth.id });
};

/**
 * Adds songs at the end of one of the listener's playlists. A song already there is added again
 * only when the listener says so (the server refuses a silent duplicate with 409).
 */
export async function addSongs(
  client: QueryClient,
  auth: PlaylistAuth,
  playlist: Pick<PlaylistSummary, 'id' | 'name' | 'version'>,
  songIds: readonly string[],
  subject: string,
  allowDuplicates = false,
): Promise<void> {
  try {
    await postOps(auth, playlist.id, playlist.version, [{ op: 'insert', songIds: [...songIds], allowDuplicates }]);
    editorActions.tell(
      'info',
      `Added “${subject}”${songIds.length === 1 ? '' : ` (${songIds.length} songs)`} to “${playlist.name}”.`,
    );
    refresh(client, auth);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409 && /already in/.test(err.message)) {
      useDuplicateQuestion.setState({
        question: {
          text: err.message,
          confirm: () => void addSongs(client, auth, playlist, songIds, subject, true),
        },
      });
      return;
    }
    editorActions.tell('error', `“${subject}” was not added to “${playlist.name}”. ${reason(err)}`);
  }
}

/** A new playlist (with these songs); answers its id, or null after telling why it was not made. */
export async function newPlaylist(
  client: QueryClient,
  auth: PlaylistAuth,
  body: { name: string; songIds?: readonly string[]; allowDuplicates?: boolean; fromShared?: string },
  done: string,
): Promise<string | null> {
  try {
    const p = await createPlaylist(auth, { ...body, allowDuplicates: true });
    editorActions.tell('info', done);
    refresh(client, auth);
    return p.id;
  } catch (err) {
    editorActions.tell('error', `The playlist was not created. ${reason(err)}`);
    return null;
  }
}

/** The listener's playlists by name, and adding songs to one of them or to a new one. */
export function useAddToPlaylist(auth: PlaylistAuth) {
  const client = useQueryClient();
  const mine = useQuery(resourceQueries.mine(auth));
  const playlists = [...(mine.data?.playlists ?? [])].sort(byName);
  return {
    playlists,
    add: (p: PlaylistSummary, songIds: readonly string[], subject: string) =>
      void addSongs(client, auth, p, songIds, subject),
    /** returns why the name cannot be used, or null once the playlist is being made */
    create: (name: string, songIds: readonly string[], subject: string): string | null => {
      const problem = nameProblem(playlists, name);
      if (problem) return problem;
      void newPlaylist(client, auth, { name, songIds }, `Created “${name}” with “${subject}”.`);
      return null;
    },
  };
}
