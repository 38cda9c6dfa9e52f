import { usePageTitle } from '@/lib/use-page-title';
import { EncodingDashboard } from '@/features/encoding';
import { ArtistTabs } from '../artist-tabs';
import { RequireAuth } from '../require-auth';

export default function ArtistDashboardRoute() {
  usePageTitle('Artist');
  return (
    <RequireAuth title="Artist">
      {(auth) => (
        <section aria-labelledby="artist-title">
          <h1 id="artist-title" className="mb-2 text-2xl font-bold">
            Artist: encoding
          </h1>
          <ArtistTabs />
          <EncodingDashboard auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
