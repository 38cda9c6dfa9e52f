import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Credentials } from '@contract/account';
import { useAuth } from '@/features/account';

/** Pages of one's own (songs, credits, profile) ask to log in first, and come back after. */
export function RequireAuth({ title, children }: { title: string; children: (auth: Credentials) => ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth) return <>{children(auth)}</>;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <section aria-labelledby="auth-title" className="max-w-prose">
      <h1 id="auth-title" className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-3">
        <Link to={`/login?next=${next}`} className="text-brand-700 underline dark:text-brand-400">
          Log in
        </Link>{' '}
        to see this page. New here?{' '}
        <Link to="/register" className="text-brand-700 underline dark:text-brand-400">
          Create an account
        </Link>
        .
      </p>
    </section>
  );
}
