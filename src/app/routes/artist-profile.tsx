import { useQueryClient } from '@tanstack/react-query';
import { encodingQueries } from '@/features/encoding';
import { ArtistProfileEditor } from '@/features/releases';
import { usePageTitle } from '@/lib/use-page-title';
import { ArtistTabs } from '../artist-tabs';
import { RequireAuth } from '../require-auth';

export default function ArtistProfileRoute() {
  usePageTitle('Artist profile');
  const client = useQueryClient();
  return (
    <RequireAuth title="Artist profile">
      {(auth) => (
        <section aria-labelledby="artist-profile-title">
          <h1 id="artist-profile-title" className="mb-2 text-2xl font-bold">
            Artist profile
          </h1>
          <ArtistTabs />
          <ArtistProfileEditor
            auth={auth}
            // Who is an artist changed: the nav link and the encoding dashboard ask again.
            onSaved={() => void client.invalidateQueries({ queryKey: encodingQueries.all() })}
          />
        </section>
      )}
    </RequireAuth>
  );
}
