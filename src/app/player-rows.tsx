import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '../../contract/account';
import { playerActions, toQueueItem, type QueueableSong, type QueueItem } from '../features/player';
import type { SongRowData } from '../features/songs/components/song-list';
import { songsQueries } from '../features/songs/api/queries';
import { songAccess, tokensOf, type SongAccess } from '../features/songs/lib/access';

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
 * The player's slots of a song list: Play on a row queues every playable row of the list and
 * starts at that one; each playable row also gets Play next and Add to queue. Access is decided as
 * the list decides it (same held-tokens query, so no extra request).
 */
export function usePlayerRows<S extends Row>(
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
    actions: (song: S, access: SongAccess) =>
      access.playable ? <QueueButtons items={[item(song, access)]} name={song.name} /> : null,
  };
}
