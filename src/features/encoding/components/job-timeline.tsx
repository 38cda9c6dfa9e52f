import type { EncodingJob } from '@contract/encoding';
import { timelineOf } from '../lib/timeline';

const MARK = { done: '✓', current: '…', pending: '○', failed: '✕' } as const;
const STATE_WORDS = { done: 'done', current: 'in progress', pending: 'not yet', failed: 'failed' } as const;

export function JobTimeline({ job }: { job: EncodingJob }) {
  return (
    <ol aria-label={`Timeline of ${job.fileName}`} className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {timelineOf(job).map((step) => (
        <li
          key={step.key}
          className={
            step.state === 'failed'
              ? 'text-red-700 dark:text-red-400'
              : step.state === 'pending'
                ? 'text-slate-500 dark:text-slate-400'
                : ''
          }
        >
          <span aria-hidden="true">{MARK[step.state]} </span>
          {step.label}
          <span className="sr-only"> ({STATE_WORDS[step.state]})</span>
          {step.at ? (
            <time dateTime={step.at} className="ml-1 text-slate-600 dark:text-slate-400">
              {new Date(step.at).toLocaleTimeString()}
            </time>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
