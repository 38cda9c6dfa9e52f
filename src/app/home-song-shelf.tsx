import type { Credentials } from '@contract/account';
import type { LibrarySong } from '@contract/catalog';
import { SongTiles } from '@/features/home';
import { AccessBadge } from '@/features/songs';
import { useRowMenu } from './row-menu';

/**
 * Songs on the home page (recently played, popular this week) with their access and the title
 * that plays. Loaded after the home page's first paint: the row controls are not on its critical path.
 */
export function HomeSongShelf<S extends LibrarySong>({
  songs,
  label,
  auth,
  note,
}: {
  songs: readonly S[];
  label: string;
  auth: Credentials | null;
  note?: (song: S) => string;
}) {
  const rows = useRowMenu(songs, auth, { showAlbum: true });
  return (
    <SongTiles
      songs={songs}
      label={label}
      onPlay={rows.onPlay}
      canPlay={rows.canPlay}
      {...(note ? { note } : {})}
      badge={(s) => <AccessBadge access={rows.access(s)} />}
    />
  );
}
