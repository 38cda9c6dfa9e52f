import { describe, expect, it } from 'vitest';
import { monthLabel, recentMonths } from './months';

describe('statement months', () => {
  it('counts back across a year boundary', () => {
    expect(recentMonths(new Date('2026-02-15T12:00:00Z'), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
  it('names a month', () => {
    expect(monthLabel('2026-03', 'en-US')).toBe('March 2026');
  });
});
