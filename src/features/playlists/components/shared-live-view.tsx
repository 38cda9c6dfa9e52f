import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LibrarySong } from '@contract/catalog';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { ApiError } from '@/lib/api-error';
import { newPlaylist } from '../api/add';
import { resourceQueries, setFollowing, type PlaylistAuth } from '../api/resources';
import { formatLength, songCount } from '../lib/format';
import { uniqueName } from '../lib/names';
import { editorActions } from '../store';
import { PlaylistCover } from './playlist-cover';
import { PlaylistRows, songOf } from './playlist-rows';
import { button, PlayButtons, playRowAction } from './playlist-view';
import { SharedProblem } from './shared-problem';

export interface SharedLiveViewProps {
  token: string;
  auth: PlaylistAuth | null;
  renderAccess?: (song: LibrarySong) => ReactNode;
  /** the player, for a signed-in listener (stream authorization as for any song) */
  onPlay?: ((songs: LibrarySong[], startIndex: number) => void) | undefined;
  loginHref: string;
  onSaved: (id: string) => void;
}

/** The live page of a shared link: anyone sees it; a signed-in listener plays, follows or saves it. */
export function SharedLiveView(props: SharedLiveViewProps) {
  const { token, auth, onPlay } = props;
  const query = useQuery(resourceQueries.shared(token));
  const songs = useMemo(() => new Map((query.data?.songs ?? []).map((s) => [s.id.toLowerCase(), s])), [query.data]);
  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <SharedProblem>This link no longer works: its owner stopped sharing the playlist or deleted it.</SharedProblem>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const p = query.data;
  const available = p.entries.flatMap((e) => songOf(songs, e.songId) ?? []);
  return (
    <section aria-labelledby="shared-title" className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <PlaylistCover p={p} />
        <div className="min-w-0 space-y-2">
          <p className="text-sm font-medium text-slate-700 dark:text-slate-300">Shared playlist by {p.owner}</p>
          <h1 id="shared-title" className="break-words text-2xl font-bold">
            {p.name}
          </h1>
          {p.description ? <p className="whitespace-pre-line text-sm">{p.description}</p> : null}
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {songCount(p.songCount)} · {formatLength(p.durationSec)}
          </p>
          {auth ? (
            <SignedInActions {...props} auth={auth} available={available} p={p} />
          ) : (
            <p className="text-sm">
              <Link to={props.loginHref} className="font-medium text-brand-700 underline dark:text-brand-400">
                Log in to play or save it
              </Link>
            </p>
          )}
        </div>
      </header>
      <PlaylistRows
        entries={p.entries}
        songs={songs}
        label="Shared songs"
        renderAccess={props.renderAccess}
        renderActions={auth ? playRowAction(available, onPlay) : undefined}
      />
    </section>
  );
}

function SignedInActions(
  props: SharedLiveViewProps & {
    auth: PlaylistAuth;
    available: LibrarySong[];
    p: { id: string; name: string; mine: boolean; entries: { songId: string }[] };
  },
) {
  const { auth, available, p, onPlay, token } = props;
  const client = useQueryClient();
  const mine = useQuery(resourceQueries.mine(auth));
  const following = mine.data?.following.some((f) => f.id === p.id) ?? false;
  const follow = async (on: boolean) => {
    try {
      await setFollowing(auth, token, on);
      editorActions.tell('info', on ? `You follow “${p.name}”.` : `You no longer follow “${p.name}”.`);
      await client.invalidateQueries({ queryKey: resourceQueries.mine(auth).queryKey });
    } catch (err) {
      editorActions.tell('error', err instanceof ApiError ? err.message : 'That did not work.');
    }
  };
  return (
    <div className="flex flex-wrap gap-2">
      <PlayButtons songs={available} onPlay={onPlay} />
      {p.mine ? null : (
        <button type="button" className={button} aria-pressed={following} onClick={() => void follow(!following)}>
          {following ? 'Following' : 'Follow'}
        </button>
      )}
      <button
        type="button"
        className={button}
        disabled={!mine.data}
        onClick={() => {
          const name = uniqueName(mine.data?.playlists ?? [], p.name);
          void newPlaylist(client, auth, { name, fromShared: token }, `Saved as “${name}” in your playlists.`).then(
            (id) => id && props.onSaved(id),
          );
        }}
      >
        Save to my playlists
      </button>
    </div>
  );
}
