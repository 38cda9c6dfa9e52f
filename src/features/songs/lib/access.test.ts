import { describe, expect, it } from 'vitest';
import { formatCredits, songAccess, tokensOf } from './access';

const song = (over: Partial<{ tokens: string[]; publicStreamable: boolean; priceFloat: number }> = {}) => ({
  tokens: ['LITTLECOLOR', 'MTMYEARONE'],
  publicStreamable: true,
  priceFloat: 2,
  ...over,
});

describe('songAccess', () => {
  it('is free with a held token of the song, whatever the price or gating', () => {
    expect(songAccess(song(), new Set(['LITTLECOLOR']))).toMatchObject({
      kind: 'token',
      token: 'LITTLECOLOR',
      playable: true,
      label: 'Free with LITTLECOLOR',
    });
    expect(songAccess(song({ publicStreamable: false }), new Set(['mtmyearone'])).label).toBe('Free with MTMYEARONE');
  });

  it('picks the first held token alphabetically, as the server does', () => {
    expect(songAccess(song({ tokens: ['ZED', 'ALPHA'] }), new Set(['ZED', 'ALPHA'])).label).toBe('Free with ALPHA');
  });

  it('costs credits when public and no token is held', () => {
    expect(songAccess(song(), new Set(['OTHER']))).toMatchObject({ kind: 'credits', price: 2, label: '2 credits' });
    expect(songAccess(song({ priceFloat: 1 }), new Set()).label).toBe('1 credit');
    expect(songAccess(song({ priceFloat: 0.5 }), new Set()).label).toBe('0.5 credits');
    expect(songAccess(song({ priceFloat: 0 }), new Set())).toMatchObject({ kind: 'free', label: 'Free to stream' });
  });

  it('is locked when not publicly streamable and no token is held', () => {
    expect(songAccess(song({ publicStreamable: false, tokens: ['CHIPSFANS'] }), new Set())).toEqual({
      kind: 'locked',
      tokens: ['CHIPSFANS'],
      playable: false,
      label: 'Locked — needs CHIPSFANS',
    });
    expect(songAccess(song({ publicStreamable: false }), new Set(['NOPE'])).label).toBe(
      'Locked — needs LITTLECOLOR or MTMYEARONE',
    );
    expect(songAccess(song({ publicStreamable: false, tokens: [] }), new Set()).playable).toBe(false);
  });
});

describe('helpers', () => {
  it('lists distinct tokens once, upper case, sorted', () => {
    expect(tokensOf([song(), song({ tokens: ['chipsfans', 'LITTLECOLOR'] })])).toEqual([
      'CHIPSFANS',
      'LITTLECOLOR',
      'MTMYEARONE',
    ]);
  });
  it('formats credit amounts without float noise', () => {
    expect(formatCredits(0.1 + 0.2)).toBe('0.3 credits');
  });
});
