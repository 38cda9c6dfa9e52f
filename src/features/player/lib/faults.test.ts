import { describe, expect, it } from 'vitest';
import type { StreamAuth } from '@contract/listener';
import { classifyProbe, MAX_NETWORK_RETRIES, recovery } from './faults';
import { GRANT_MARGIN_MS, grantFrom, isUsable } from './grants';

describe('fault recovery', () => {
  it('re-authorizes once after a 403, then gives the song up', () => {
    expect(recovery('forbidden', { reauthorized: 0, retried: 0 })).toEqual({ action: 'reauthorize' });
    expect(recovery('forbidden', { reauthorized: 1, retried: 0 })).toEqual({ action: 'skip' });
  });

  it('retries a network drop with growing delays, then pauses instead of skipping the queue', () => {
    const delays = Array.from({ length: MAX_NETWORK_RETRIES }, (_, retried) => {
      const r = recovery('network', { reauthorized: 0, retried });
      return r.action === 'retry' ? r.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(recovery('network', { reauthorized: 0, retried: MAX_NETWORK_RETRIES })).toEqual({ action: 'give-up' });
  });

  it('skips a song whose file cannot be decoded', () => {
    expect(recovery('unplayable', { reauthorized: 0, retried: 0 })).toEqual({ action: 'skip' });
  });

  it('reads the probe of the stream URL', () => {
    expect(classifyProbe(null, 2)).toBe('network');
    expect(classifyProbe(502, 4)).toBe('network');
    expect(classifyProbe(403, 4)).toBe('forbidden');
    expect(classifyProbe(404, 4)).toBe('unplayable');
    expect(classifyProbe(206, 2)).toBe('network');
    expect(classifyProbe(206, 3)).toBe('unplayable');
  });
});

describe('stream grants', () => {
  const auth = (over: Partial<StreamAuth>): StreamAuth => ({
    authorized: true,
    balanceFloat: 10,
    balanceSat: 1_000_000_000,
    authType: 'credits',
    token: null,
    streamUrl: 'http://127.0.0.1/media/stream/s1?u=u1&e=2000000&s=sig',
    expiresAt: new Date(6_000_000_000).toISOString(),
    chargedSat: 0,
    reason: null,
    requiredTokens: [],
    ...over,
  });

  it('is usable until shortly before its link expires (the link lives shorter than the grant)', () => {
    const g = grantFrom('s1', auth({}))!;
    expect(g.urlExpiresAt).toBe(2_000_000_000);
    expect(g.grantExpiresAt).toBe(6_000_000_000);
    expect(isUsable(g, 2_000_000_000 - GRANT_MARGIN_MS - 1)).toBe(true);
    expect(isUsable(g, 2_000_000_000 - GRANT_MARGIN_MS)).toBe(false);
    expect(isUsable(undefined, 0)).toBe(false);
  });

  it('is nothing when the stream was refused', () => {
    expect(grantFrom('s1', auth({ authorized: false, streamUrl: null, expiresAt: null }))).toBeNull();
  });
});
