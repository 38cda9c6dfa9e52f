import { usePageTitle } from '@/lib/use-page-title';
import { EarningsView } from '@/features/earnings';
import { ArtistTabs } from '../artist-tabs';
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
          </div>
          <ArtistTabs />
          <EarningsView auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
