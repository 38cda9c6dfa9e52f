import { usePageTitle } from '@/lib/use-page-title';
import { MySongsList } from '@/features/my-songs';
import { AddToPlaylistMenu } from '@/features/playlists';
import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import type { MySong } from '@contract/listener';
import { catalogQueries } from '@/features/catalog';
import { playerActions, toQueueItem } from '@/features/player';
import { songAccess } from '@/features/songs';
import { QueueButtons } from '../row-controls';
import { RequireAuth } from '../require-auth';

type AlbumFacts = Map<string, { name: string; artworkImage: string | null }>;

// Every song here is unlocked by a token the listener holds; the album list (cached from the
// catalog) gives the player the album's name and artwork, which these rows do not carry.
const itemOf = (song: MySong, albums: AlbumFacts) =>
  toQueueItem(song, songAccess(song, new Set(song.tokens)), albums.get(song.albumId));

function RowActions({
  auth,
  song,
  index,
  all,
}: {
  auth: Credentials;
  song: MySong;
  index: number;
  all: readonly MySong[];
}) {
  const albums = useQuery(catalogQueries.albums());
  const facts: AlbumFacts = new Map((albums.data ?? []).map((a) => [a.id, a]));
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void playerActions.playSongs(
            all.map((s) => itemOf(s, facts)),
            index,
          )
        }
        aria-label={`Play ${song.name}`}
        className="min-h-11 min-w-11 rounded-full bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-600"
      >
        Play
      </button>
      <QueueButtons items={[itemOf(song, facts)]} name={song.name} />
      <AddToPlaylistMenu auth={auth} songIds={[song.id]} subject={song.name} />
    </>
  );
}

export default function MySongsRoute() {
  usePageTitle('My songs');
  return (
    <RequireAuth title="My songs">
      {(auth) => (
        <section aria-labelledby="my-songs-title">
          <h1 id="my-songs-title" className="mb-2 text-2xl font-bold">
            My songs
          </h1>
          <p className="mb-6 text-slate-600 dark:text-slate-400">
            Songs unlocked by the tokens you hold. Download links work for an hour.
          </p>
          <MySongsList
            auth={auth}
            actions={(song, index, all) => <RowActions auth={auth} song={song} index={index} all={all} />}
          />
        </section>
      )}
    </RequireAuth>
  );
}
