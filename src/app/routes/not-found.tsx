import { Link } from 'react-router';

export default function NotFoundRoute() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title" className="text-2xl font-bold">
        Page not found
      </h1>
      <p className="mt-2">
        There is nothing at this address.{' '}
        <Link to="/" className="text-brand-600 underline">
          Go to the catalog
        </Link>
        .
      </p>
    </section>
  );
}
