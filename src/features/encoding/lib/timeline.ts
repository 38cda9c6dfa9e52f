import type { EncodingJob } from '@contract/encoding';

export interface TimelineStep {
  key: 'uploaded' | 'submitted' | 'processing' | 'done';
  label: string;
  at: string | null;
  state: 'done' | 'current' | 'pending' | 'failed';
}

/** uploaded → submitted → processing → complete/failed, with when each step happened. */
export function timelineOf(job: EncodingJob): TimelineStep[] {
  const order = ['uploaded', 'submitted', 'processing', 'complete'] as const;
  const reached = job.status === 'failed' ? 3 : order.indexOf(job.status as (typeof order)[number]);
  const state = (i: number): TimelineStep['state'] => {
    if (job.status === 'failed' && i === 3) return 'failed';
    if (i < reached || (i === reached && job.status === 'complete')) return 'done';
    return i === reached ? 'current' : 'pending';
  };
  return [
    { key: 'uploaded', label: 'Uploaded', at: job.uploadedAt, state: state(0) },
    { key: 'submitted', label: 'Submitted', at: job.submittedAt, state: state(1) },
    { key: 'processing', label: 'Processing', at: job.processingAt, state: state(2) },
    {
      key: 'done',
      label: job.status === 'failed' ? 'Failed' : 'Complete',
      at: job.finishedAt,
      state: state(3),
    },
  ];
}

/** Time from submission to the end (or to now while it runs), as "1 min 05 s". */
export function elapsedOf(job: Pick<EncodingJob, 'submittedAt' | 'finishedAt'>, nowMs: number): string | null {
  if (!job.submittedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : nowMs;
  const sec = Math.max(0, Math.round((end - Date.parse(job.submittedAt)) / 1000));
  return sec < 60 ? `${sec} s` : `${Math.floor(sec / 60)} min ${String(sec % 60).padStart(2, '0')} s`;
}
