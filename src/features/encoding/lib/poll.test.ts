import { describe, expect, it } from 'vitest';
import { nextPoll, pollDelayMs, POLL_MAX_MS, POLL_MIN_MS } from './poll';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const NOW = Date.parse(at(0)) + 100_000;

describe('pollDelayMs', () => {
  it('polls every second at first, then backs off, up to a ceiling', () => {
    expect(pollDelayMs(0)).toBe(POLL_MIN_MS);
    expect(pollDelayMs(4_000)).toBe(POLL_MIN_MS);
    expect(pollDelayMs(20_000)).toBe(4_000);
    expect(pollDelayMs(30_000)).toBeGreaterThan(pollDelayMs(20_000));
    expect(pollDelayMs(10 * 60_000)).toBe(POLL_MAX_MS);
  });
  it('treats a clock that went backwards as just submitted', () => expect(pollDelayMs(-5000)).toBe(POLL_MIN_MS));
});

describe('nextPoll', () => {
  it('stops when every job is final or not submitted yet', () => {
    expect(nextPoll([], NOW)).toBe(false);
    expect(
      nextPoll(
        [
          { status: 'complete', submittedAt: at(1) },
          { status: 'failed', submittedAt: at(2) },
          { status: 'uploaded', submittedAt: null },
        ],
        NOW,
      ),
    ).toBe(false);
  });
  it('follows the youngest active job', () => {
    const old = { status: 'processing' as const, submittedAt: at(0) };
    expect(nextPoll([old], NOW)).toBe(POLL_MAX_MS);
    expect(nextPoll([old, { status: 'submitted', submittedAt: new Date(NOW - 2000).toISOString() }], NOW)).toBe(
      POLL_MIN_MS,
    );
  });
});
