import { usePageTitle } from '@/lib/use-page-title';
import { Link } from 'react-router';

export default function NotFoundRoute() {
  usePageTitle('Page not found');
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title" className="text-2xl font-bold">
        Page not found
      </h1>
      <p className="mt-2">
        There is nothing at this address.{' '}
        <Link to="/albums" className="text-brand-700 underline dark:text-brand-400">
          Go to the catalog
        </Link>
        .
      </p>
    </section>
  );
}
