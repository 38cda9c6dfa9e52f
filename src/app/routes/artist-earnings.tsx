import { Link } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { EarningsView } from '../../features/earnings/components/earnings-view';
import { RequireAuth } from '../require-auth';

export default function ArtistEarningsRoute() {
  usePageTitle('Earnings');
  return (
    <RequireAuth title="Earnings">
      {(auth) => (
        <section aria-labelledby="earnings-title" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h1 id="earnings-title" className="text-2xl font-bold">
              Artist: earnings
            </h1>
            <Link to="/artist" className="text-brand-700 underline dark:text-brand-400">
              Encoding dashboard
            </Link>
          </div>
          <EarningsView auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
