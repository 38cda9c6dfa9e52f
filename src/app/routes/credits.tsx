import { useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { BalanceCard } from '@/features/credits';
import { BuyCredits } from '@/features/credits';
import { LedgerTable } from '@/features/credits';
import { RedeemForm } from '@/features/credits';
import { RequireAuth } from '../require-auth';

export default function CreditsRoute() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  usePageTitle('Credits');
  return (
    <RequireAuth title="Credits">
      {(auth) => (
        <div className="space-y-8">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h1 className="text-2xl font-bold">Credits</h1>
            <BuyCredits auth={auth} />
          </div>
          <BalanceCard auth={auth} />
          <RedeemForm auth={auth} />
          <section aria-labelledby="history-title">
            <h2 id="history-title" className="mb-2 text-xl font-semibold">
              History
            </h2>
            <LedgerTable auth={auth} page={page} onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})} />
          </section>
        </div>
      )}
    </RequireAuth>
  );
}
