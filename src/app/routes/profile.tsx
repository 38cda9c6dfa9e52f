import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import { ErrorState, Skeleton } from '@/components/ui/query-state';
import { usePageTitle } from '@/lib/use-page-title';
import { profileQueries } from '@/features/profile';
import { ProfileForm } from '@/features/profile';
import { RequireAuth } from '../require-auth';

function EditProfile({ auth }: { auth: Credentials }) {
  const doc = useQuery(profileQueries.own(auth));
  if (doc.isPending) return <Skeleton className="h-80" />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  return <ProfileForm auth={auth} doc={doc.data} />;
}

export default function ProfileRoute() {
  usePageTitle('Your profile');
  return (
    <RequireAuth title="Your profile">
      {(auth) => (
        <section aria-labelledby="profile-title" className="max-w-xl">
          <h1 id="profile-title" className="text-2xl font-bold">
            Your profile
          </h1>
          <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">
            Signed in as {auth.username} ({auth.email}). Others see{' '}
            <Link
              to={`/users/${encodeURIComponent(auth.username)}`}
              className="text-brand-700 underline dark:text-brand-400"
            >
              your public profile
            </Link>
            .
          </p>
          <EditProfile auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
