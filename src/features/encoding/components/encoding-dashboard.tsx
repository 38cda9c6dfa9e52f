import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { Credentials } from '@contract/account';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/query-state';
import { useCreateJob } from '../api/mutations';
import { encodingQueries } from '../api/queries';
import { useUpload } from '../api/use-upload';
import { FileDrop } from './file-drop';
import { JobList } from './job-list';
import { NotifyToggle } from './notify-toggle';
import { VerifyTool } from './verify-tool';

/** The artist's encoding dashboard: upload, submit, follow the jobs, play and verify the results. */
export function EncodingDashboard({ auth }: { auth: Credentials }) {
  const me = useQuery(encodingQueries.me(auth));
  const create = useCreateJob(auth);
  const { mutate } = create;
  const onDone = useCallback((uploadId: string) => mutate(uploadId), [mutate]);
  const upload = useUpload(auth, 'encode', onDone);
  if (me.isPending) return <Skeleton className="h-64" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.artist) {
    return (
      <EmptyState>
        The encoding dashboard is for artists: this account has no artist profile.{' '}
        <Link to="/artist/profile" className="underline">
          Become an artist
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <div className="space-y-8">
      <p className="text-slate-700 dark:text-slate-300">
        Songs of <strong>{me.data.artist.name}</strong> get an inaudible Soundlinks mark with an ID of their own.
      </p>
      <section aria-labelledby="upload-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="upload-title" className="mb-2 text-xl font-semibold">
          Upload a song
        </h2>
        <FileDrop
          label="Choose a song"
          hint="Drop an MP3, WAV, FLAC or Ogg file here (up to 100 MB)."
          state={upload.state}
          onFile={upload.start}
          onCancel={upload.cancel}
        />
        {create.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {create.error.message}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="jobs-title">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="jobs-title" className="text-xl font-semibold">
            Your encodings
          </h2>
          <NotifyToggle />
        </div>
        <JobList auth={auth} />
      </section>
      <VerifyTool auth={auth} />
    </div>
  );
}
