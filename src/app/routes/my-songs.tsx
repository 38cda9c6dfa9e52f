import { usePageTitle } from '../../lib/use-page-title';
import { MySongsList } from '../../features/my-songs/components/my-songs-list';
import { AddToPlaylistMenu } from '../../features/playlists/components/add-to-playlist-menu';
import { RequireAuth } from '../require-auth';

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
            actions={(song) => <AddToPlaylistMenu auth={auth} songIds={[song.id]} subject={song.name} />}
          />
        </section>
      )}
    </RequireAuth>
  );
}
