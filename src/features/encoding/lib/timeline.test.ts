import { describe, expect, it } from 'vitest';
import type { EncodingJob } from '@contract/encoding';
import { elapsedOf, timelineOf } from './timeline';

const job = (over: Partial<EncodingJob>): EncodingJob => ({
  id: 'j',
  uploadId: 'u',
  fileName: 'song.mp3',
  artist: 'Mind To Matter',
  status: 'uploaded',
  message: '',
  attempts: 0,
  src: 'http://x/',
  query: null,
  uploadedAt: '2026-01-01T00:00:00.000Z',
  submittedAt: null,
  processingAt: null,
  finishedAt: null,
  resultUrl: null,
  markId: null,
  ...over,
});

describe('timelineOf', () => {
  it('marks the steps reached, the current one and those to come', () => {
    expect(timelineOf(job({ status: 'submitted' })).map((s) => s.state)).toEqual([
      'done',
      'current',
      'pending',
      'pending',
    ]);
    expect(timelineOf(job({ status: 'processing' })).map((s) => s.state)).toEqual([
      'done',
      'done',
      'current',
      'pending',
    ]);
    expect(timelineOf(job({ status: 'complete' })).map((s) => s.state)).toEqual(['done', 'done', 'done', 'done']);
  });
  it('ends with a failed step for a failed job', () => {
    const steps = timelineOf(job({ status: 'failed' }));
    expect(steps.at(-1)).toMatchObject({ label: 'Failed', state: 'failed' });
  });
});

describe('elapsedOf', () => {
  it('counts from submission to the end, or to now', () => {
    const submittedAt = '2026-01-01T00:00:00.000Z';
    expect(elapsedOf(job({ submittedAt: null }), 0)).toBeNull();
    expect(elapsedOf(job({ submittedAt, finishedAt: '2026-01-01T00:00:12.400Z' }), 0)).toBe('12 s');
    expect(elapsedOf(job({ submittedAt }), Date.parse(submittedAt) + 65_000)).toBe('1 min 05 s');
  });
});
