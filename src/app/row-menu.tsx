import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Credentials } from '@contract/account';
import type { PlayEvent } from '@contract/listener-app';
import type { MenuItem } from '@/components/ui/menu';
import { noticeActions } from '@/lib/notices';
import { KeepButton } from '@/features/library';
import { playerActions, toQueueItem, useShuffle, type QueueableSong } from '@/features/player';
import type { SongRowData } from '@/features/songs';
import { songsQueries } from '@/features/songs';
import { songAccess, tokensOf, type SongAccess } from '@/features/songs';
import { setPlayContext } from './play-context';
import type { PickerSubject } from './playlist-picker';

// The playlists editor loads when a listener first picks a playlist, not with the page.
const PlaylistPicker = lazy(async () => ({ default: (await import('./playlist-picker')).PlaylistPicker }));

type Row = SongRowData & QueueableSong;
type Album = { name: string; artworkImage: string | null };
type Context = NonNullable<PlayEvent['context']>;

/** Shares a link to the song (its album page, the row shown first): the system sheet, or the clipboard. */
async function share(song: Row) {
  const url = `${window.location.origin}/albums/${song.albumId}?song=${song.id}`;
  try {
    if (navigator.share) await navigator.share({ title: song.name, url });
    else {
      await navigator.clipboard.writeText(url);
      noticeActions.notify(`Link to “${song.name}” copied.`);
    }
  } catch {
    noticeActions.notify(`Copy this link to share “${song.name}”: ${url}`);
  }
}

/**
 * The rows of a listening page (album, artist, Liked songs): the title plays (queueing every
 * playable row, starting there), a heart likes, and the More menu holds play next, add to queue,
 * add to playlist, go to artist or album, and share. Also Play and Shuffle for the whole list.
 */
export function useRowMenu<S extends Row>(
  songs: readonly S[] | undefined,
  auth: Credentials | null,
  opts: { album?: Album; context?: Context; showAlbum?: boolean } = {},
) {
  const navigate = useNavigate();
  const list = songs ?? [];
  const held = useQuery(songsQueries.heldTokens(auth, tokensOf(list)));
  const heldSet = held.data ?? new Set<string>();
  const [picking, setPicking] = useState<PickerSubject | null>(null);
  const shuffleOn = useShuffle();
  const playable = () =>
    list.flatMap((s) => {
      const access = songAccess(s, heldSet);
      return access.playable ? [{ song: s, item: toQueueItem(s, access, opts.album) }] : [];
    });
  const playFrom = (startId: string | undefined, shuffle: boolean) => {
    const items = playable();
    if (items.length === 0) return;
    if (opts.context)
      setPlayContext(
        opts.context,
        items.map((x) => x.song.id),
      );
    const start = shuffle
      ? Math.floor(Math.random() * items.length)
      : Math.max(
          0,
          items.findIndex((x) => x.song.id === startId),
        );
    // Shuffle turns the player's shuffle on and starts anywhere; Play keeps the listener's setting.
    if (shuffle && !shuffleOn) playerActions.toggleShuffle();
    void playerActions.playSongs(
      items.map((x) => x.item),
      start,
    );
  };
  const menu = (song: S, access: SongAccess): MenuItem[] => {
    const item = access.playable ? toQueueItem(song, access, opts.album) : null;
    return [
      ...(item
        ? [
            { label: 'Play next', onSelect: () => playerActions.playNext([item]) },
            { label: 'Add to queue', onSelect: () => playerActions.enqueue([item]) },
          ]
        : []),
      ...(auth
        ? [
            {
              label: 'Add to playlist…',
              onSelect: () =>
                setPicking({ songIds: [song.id], name: song.name, back: document.activeElement as HTMLElement | null }),
            },
          ]
        : []),
      ...(song.artistProfileId
        ? [{ label: 'Go to artist', onSelect: () => void navigate(`/artists/${song.artistProfileId}`) }]
        : []),
      ...(opts.showAlbum ? [{ label: 'Go to album', onSelect: () => void navigate(`/albums/${song.albumId}`) }] : []),
      { label: 'Share', onSelect: () => void share(song) },
    ];
  };
  return {
    canPlay: (song: S) => songAccess(song, heldSet).playable,
    access: (song: S) => songAccess(song, heldSet),
    playableCount: playable().length,
    play: () => playFrom(undefined, false),
    shuffle: () => playFrom(undefined, true),
    onPlay: (song: S) => playFrom(song.id, false),
    menu,
    toggle: auth
      ? (song: S) => <KeepButton auth={auth} kind="songs" id={song.id} name={song.name} compact />
      : undefined,
    dialogs:
      auth && picking ? (
        <Suspense fallback={null}>
          <PlaylistPicker
            auth={auth}
            subject={picking}
            onClose={() => {
              const back = picking.back;
              setPicking(null);
              // the dialog's own focus return may land on the closed menu's item: back to the row
              requestAnimationFrame(() => back?.focus());
            }}
          />
        </Suspense>
      ) : null,
  };
}
