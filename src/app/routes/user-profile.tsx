import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { ApiError } from '@/lib/api-error';
import { usePageTitle } from '@/lib/use-page-title';
import { profileQueries } from '@/features/profile';
import { PublicProfileView } from '@/features/profile';
import { ProfilePlaylists } from '@/features/playlists';

export default function UserProfileRoute() {
  const { username = '' } = useParams();
  const doc = useQuery(profileQueries.public(username));
  usePageTitle(username);
  if (doc.isPending) return <Skeleton className="h-48" />;
  if (doc.isError) {
    if (doc.error instanceof ApiError && doc.error.status === 404) {
      return (
        <section aria-labelledby="nouser-title">
          <h1 id="nouser-title" className="mb-4 text-2xl font-bold">
            {username}
          </h1>
          <EmptyState>There is no listener called {username}.</EmptyState>
        </section>
      );
    }
    return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  return (
    <>
      <PublicProfileView username={username} doc={doc.data} />
      <ProfilePlaylists username={username} />
    </>
  );
}
