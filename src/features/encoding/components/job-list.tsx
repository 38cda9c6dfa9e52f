import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Credentials } from '@contract/account';
import type { EncodingJob } from '@contract/encoding';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { encodingQueries } from '../api/queries';
import { notifyComplete } from '../lib/notify';
import { JobCard } from './job-card';

/** Tells the artist (if they allowed it) when a job they watched turns complete. */
function useCompletionNotices(jobs: EncodingJob[] | undefined) {
  const seen = useRef<Map<string, EncodingJob['status']> | null>(null);
  useEffect(() => {
    if (!jobs) return;
    const before = seen.current;
    if (before) {
      for (const j of jobs) {
        const was = before.get(j.id);
        if (was && was !== 'complete' && j.status === 'complete') notifyComplete(j.fileName);
      }
    }
    seen.current = new Map(jobs.map((j) => [j.id, j.status]));
  }, [jobs]);
}

export function JobList({ auth }: { auth: Credentials }) {
  const jobs = useQuery(encodingQueries.jobs(auth));
  useCompletionNotices(jobs.data);
  if (jobs.isPending) return <Skeleton className="h-24" />;
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (jobs.data.length === 0) return <EmptyState>No songs yet: upload one above to have it encoded.</EmptyState>;
  return (
    <ul aria-label="Encoding jobs" className="space-y-4">
      {jobs.data.map((job) => (
        <JobCard key={job.id} auth={auth} job={job} />
      ))}
    </ul>
  );
}
