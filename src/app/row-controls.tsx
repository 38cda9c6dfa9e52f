import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '../../contract/account';
import { playerActions, toQueueItem, type QueueableSong, type QueueItem } from '../features/player';
import type { SongRowData } from '../features/songs/components/song-list';
import { songsQueries } from '../features/songs/api/queries';
import { songAccess, tokensOf, type SongAccess } from '../features/songs/lib/access';
import { AddToPlaylistMenu } from '../features/playlists/components/add-to-playlist-menu';

const btn =
  'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/** "Play next" and "Add to queue" for one row (or for any list of items, e.g. a playlist). */
export function QueueButtons({ items, name }: { items: QueueItem[]; name: string }) {
  return (
    <span className="flex gap-1">
      <button
        type="button"
        className={btn}
        onClick={() => playerActions.playNext(items)}
        aria-label={`Play ${name} next`}
      >
        Next
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => playerActions.enqueue(items)}
        aria-label={`Add ${name} to the queue`}
      >
        + Queue
      </button>
    </span>
  );
}

type Row = SongRowData & QueueableSong;

/**
 * The slots of a song list, where the player and the playlists meet: Play on a row queues every
 * playable row of the list and starts at that one; each playable row also gets Play next and Add
 * to queue; a signed-in listener can add any row (even a locked one, to unlock later) to a
 * playlist. Access is decided as the list decides it (same held-tokens query, no extra request).
 */
export function useRowControls<S extends Row>(
  songs: readonly S[] | undefined,
  auth: Credentials | null,
  album?: { name: string; artworkImage: string | null },
) {
  const list = songs ?? [];
  const held = useQuery(songsQueries.heldTokens(auth, tokensOf(list)));
  const heldSet = held.data ?? new Set<string>();
  const item = (song: S, access: SongAccess) => toQueueItem(song, access, album);
  return {
    onPlay: (song: S) => {
      const playable = list.map((s) => ({ s, access: songAccess(s, heldSet) })).filter((x) => x.access.playable);
      const start = playable.findIndex((x) => x.s.id === song.id);
      void playerActions.playSongs(
        playable.map((x) => item(x.s, x.access)),
        Math.max(0, start),
      );
    },
    actions: (song: S, access: SongAccess) => (
      <>
        {access.playable ? <QueueButtons items={[item(song, access)]} name={song.name} /> : null}
        {auth ? <AddToPlaylistMenu auth={auth} songIds={[song.id]} subject={song.name} /> : null}
      </>
    ),
  };
}

/**
 * Playing a list built elsewhere (a playlist): its rows' access is looked up when the person asks
 * (same held-tokens query as the rows, so usually from the cache), and locked songs are left out
 * of the queue as a row would leave them without a Play button.
 */
export function useQueueSongs<S extends Row>(auth: Credentials | null) {
  const client = useQueryClient();
  const playable = async (songs: readonly S[]) => {
    const held = auth ? await client.fetchQuery(songsQueries.heldTokens(auth, tokensOf(songs))) : new Set<string>();
    return songs.flatMap((s) => {
      const access = songAccess(s, held);
      return access.playable ? [{ song: s, item: toQueueItem(s, access) }] : [];
    });
  };
  return {
    play: async (songs: readonly S[], startIndex: number) => {
      const chosen = songs[startIndex]?.id;
      const list = await playable(songs);
      const start = list.findIndex((x) => x.song.id === chosen);
      await playerActions.playSongs(
        list.map((x) => x.item),
        Math.max(0, start),
      );
    },
    enqueue: async (songs: readonly S[]) => playerActions.enqueue((await playable(songs)).map((x) => x.item)),
  };
}
