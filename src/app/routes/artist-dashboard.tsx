import { Link } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { EncodingDashboard } from '../../features/encoding/components/encoding-dashboard';
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
          <p className="mb-4">
            <Link to="/artist/earnings" className="text-brand-700 underline dark:text-brand-400">
              Earnings
            </Link>
          </p>
          <EncodingDashboard auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
