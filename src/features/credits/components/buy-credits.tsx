import { useQuery } from '@tanstack/react-query';
import type { Credentials } from '@contract/account';
import { creditsQueries } from '../api/queries';

/**
 * "Buy credits" opens the server's payment link with the user's id as client_reference_id, so that
 * the provider's webhook knows whom to credit. Absent when the server sells no credits.
 */
export function BuyCredits({ auth }: { auth: Credentials }) {
  const options = useQuery(creditsQueries.options());
  const link = options.data?.checkoutUrl;
  if (!link) return null;
  const url = new URL(link);
  url.searchParams.set('client_reference_id', auth.id);
  return (
    <a
      href={url.toString()}
      rel="noopener"
      className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600"
    >
      Buy credits
    </a>
  );
}
