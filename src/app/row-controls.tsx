import { useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { playerActions, toQueueItem, type QueueableSong, type QueueItem } from '@/features/player';
import type { SongRowData } from '@/features/songs';
import { songsQueries } from '@/features/songs';
import { songAccess, tokensOf } from '@/features/songs';

const btn =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 px-2 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

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
type Album = { name: string; artworkImage: string | null };

/** The rows a listener may play, as queue items: locked songs stay out, as they have no Play button. */
function playableItems<S extends Row>(songs: readonly S[], held: ReadonlySet<string>, album?: Album) {
  return songs.flatMap((s) => {
    const access = songAccess(s, held);
    return access.playable ? [{ song: s, item: toQueueItem(s, access, album) }] : [];
  });
}

/** Queues the playable rows and starts at `from` (or at the first when it cannot play). */
function playFrom<S extends Row>(list: ReturnType<typeof playableItems<S>>, from: string | undefined) {
  const start = list.findIndex((x) => x.song.id === from);
  return playerActions.playSongs(
    list.map((x) => x.item),
    Math.max(0, start),
  );
}

/**
 * Playing a list built elsewhere (a playlist): its rows' access is looked up when the person asks
 * (same held-tokens query as the rows, so usually from the cache).
 */
export function useQueueSongs<S extends Row>(auth: Credentials | null) {
  const client = useQueryClient();
  const playable = async (songs: readonly S[]) =>
    playableItems(
      songs,
      auth ? await client.fetchQuery(songsQueries.heldTokens(auth, tokensOf(songs))) : new Set<string>(),
    );
  return {
    play: async (songs: readonly S[], startIndex: number) => playFrom(await playable(songs), songs[startIndex]?.id),
    enqueue: async (songs: readonly S[]) => playerActions.enqueue((await playable(songs)).map((x) => x.item)),
  };
}
