import { useEffect, useState } from 'react';
import type { Credentials } from '@contract/account';
import type { EncodingJob } from '@contract/encoding';
import { Dialog } from '@/components/ui/dialog';
import { useDeleteJob, useRetryJob, useSubmitJob } from '../api/mutations';
import { isActive } from '../lib/poll';
import { elapsedOf } from '../lib/timeline';
import { JobResult } from './job-result';
import { JobTimeline } from './job-timeline';

const STATUS_WORDS: Record<EncodingJob['status'], string> = {
  uploaded: 'Ready to submit',
  submitted: 'Submitted',
  processing: 'Processing',
  complete: 'Complete',
  failed: 'Failed',
};

/** Re-renders every second while the job runs, for the elapsed time. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  return now;
}

const button =
  'rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 focus-visible:outline focus-visible:outline-2';

export function JobCard({ auth, job }: { auth: Credentials; job: EncodingJob }) {
  const submit = useSubmitJob(auth);
  const retry = useRetryJob(auth);
  const remove = useDeleteJob(auth);
  const [confirming, setConfirming] = useState(false);
  const now = useNow(isActive(job));
  const elapsed = elapsedOf(job, now);
  const busy = submit.isPending || retry.isPending || remove.isPending;
  const error = submit.error ?? retry.error ?? remove.error;
  // While Soundlinks works on it the file is in use: the server refuses to delete it then.
  const deletable = !isActive(job);
  const headingId = `job-${job.id}`;
  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          {job.fileName}
        </h3>
        <span
          className={`text-sm font-medium ${job.status === 'failed' ? 'text-red-700 dark:text-red-400' : job.status === 'complete' ? 'text-green-700 dark:text-green-400' : ''}`}
        >
          Status: {STATUS_WORDS[job.status]}
        </span>
        {elapsed ? <span className="text-sm text-slate-600 dark:text-slate-400">Elapsed: {elapsed}</span> : null}
        {job.attempts > 1 ? (
          <span className="text-sm text-slate-600 dark:text-slate-400">Attempt {job.attempts}</span>
        ) : null}
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {job.status === 'failed' ? `Why: ${job.message}` : job.message}
      </p>
      <JobTimeline job={job} />
      {job.status === 'complete' && job.markId ? (
        <p className="mt-2 text-sm">
          Embedded ID: <code className="font-mono">{job.markId}</code>
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {job.status === 'uploaded' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => submit.mutate(job)}
            className={`${button} bg-brand-700 text-white hover:bg-brand-600`}
          >
            {submit.isPending ? 'Submitting…' : 'Submit to Soundlinks'}
            <span className="sr-only"> {job.fileName}</span>
          </button>
        ) : null}
        {job.status === 'failed' ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => retry.mutate(job, { onSuccess: (reset) => submit.mutate(reset) })}
            className={`${button} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            {busy ? 'Retrying…' : 'Retry'}
            <span className="sr-only"> {job.fileName}</span>
          </button>
        ) : null}
        {deletable ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => setConfirming(true)}
            className={`${button} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
            <span className="sr-only"> {job.fileName}</span>
          </button>
        ) : null}
      </div>
      <Dialog open={confirming} title={`Delete “${job.fileName}”?`} onClose={() => setConfirming(false)}>
        <p className="text-sm">
          The uploaded song{job.status === 'complete' ? ' and its encoded version are' : ' is'} removed from this
          server, and the space counts again towards your upload quota. Files you downloaded stay yours.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            onClick={() => setConfirming(false)}
            className={`${button} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              remove.mutate(job);
            }}
            className={`${button} bg-red-700 text-white hover:bg-red-600`}
          >
            Delete
          </button>
        </div>
      </Dialog>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {job.status === 'complete' ? <JobResult job={job} /> : null}
    </li>
  );
}
