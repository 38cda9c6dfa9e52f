import { describe, expect, it } from 'vitest';
import { formatClock } from './clock';

describe('formatClock', () => {
  it('shows m:ss, and h:mm:ss past an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(187)).toBe('3:07');
    expect(formatClock(3723)).toBe('1:02:03');
  });
  it('rounds a length, floors a position, and never shows a negative or broken time', () => {
    expect(formatClock(59.6)).toBe('1:00');
    expect(formatClock(59.6, Math.floor)).toBe('0:59');
    expect(formatClock(-4)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});
