import { usePageTitle } from '@/lib/use-page-title';
import { PlaylistsOverview } from '@/features/playlists';
import { RequireAuth } from '../require-auth';

export default function PlaylistsRoute() {
  usePageTitle('Playlists');
  return (
    <RequireAuth title="Playlists">
      {(auth) => (
        <section aria-labelledby="playlists-title">
          <h1 id="playlists-title" className="mb-6 text-2xl font-bold">
            Playlists
          </h1>
          <PlaylistsOverview auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
