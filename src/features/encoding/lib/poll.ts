import type { EncodingJob } from '@contract/encoding';

export const POLL_MIN_MS = 1000;
export const POLL_MAX_MS = 10_000;

/** A job the server will still change on its own: submitted or processing. */
export const isActive = (job: Pick<EncodingJob, 'status'>) => job.status === 'submitted' || job.status === 'processing';
export const isFinal = (job: Pick<EncodingJob, 'status'>) => job.status === 'complete' || job.status === 'failed';

/**
 * How long to wait before asking again, backing off with the time a job has been running: once a
 * second at first, then a fifth of the elapsed time, at most every 10 s (a long queue is not hammered).
 */
export function pollDelayMs(elapsedMs: number): number {
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, Math.round(Math.max(0, elapsedMs) * 0.2)));
}

/** The next poll of the job list, or false when no job can change any more (polling stops). */
export function nextPoll(jobs: readonly Pick<EncodingJob, 'status' | 'submittedAt'>[], nowMs: number): number | false {
  const active = jobs.filter(isActive);
  if (active.length === 0) return false;
  // The youngest active job sets the pace: it is the one most likely to move soon.
  const youngest = Math.max(...active.map((j) => (j.submittedAt ? Date.parse(j.submittedAt) : nowMs)));
  return pollDelayMs(nowMs - youngest);
}
