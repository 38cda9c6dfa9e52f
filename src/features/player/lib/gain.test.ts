import { describe, expect, it } from 'vitest';
import {
  albumLoudness,
  dbToLinear,
  estimatedAlbumLoudness,
  gainDb,
  queueGainDb,
  transitionSec,
  TRUE_PEAK_CEILING_DB,
} from './gain';

describe('gainDb', () => {
  it('brings a song to the target', () => {
    expect(gainDb({ lufs: -10, truePeakDb: -0.5 }, -14)).toBeCloseTo(-4);
    expect(gainDb({ lufs: -20, truePeakDb: -9 }, -18)).toBeCloseTo(2);
  });

  it('never raises the true peak over the ceiling', () => {
    // +6 dB would reach the target, but the peak at -3 dBTP leaves room for 2 dB only
    expect(gainDb({ lufs: -20, truePeakDb: -3 }, -14)).toBeCloseTo(TRUE_PEAK_CEILING_DB + 3);
    // a song peaking over the ceiling is turned down to it even when the target wants it louder
    expect(gainDb({ lufs: -16, truePeakDb: 0.5 }, -14)).toBeCloseTo(-1.5);
  });

  it('is 0 when off or not measured', () => {
    expect(gainDb({ lufs: -5, truePeakDb: 0 }, 'off')).toBe(0);
    expect(gainDb(null, -14)).toBe(0);
    expect(dbToLinear(0)).toBe(1);
    expect(dbToLinear(-6)).toBeCloseTo(0.501, 3);
  });
});

describe('estimatedAlbumLoudness', () => {
  it('is the length-weighted energy mean of the songs, with the highest peak', () => {
    const a = estimatedAlbumLoudness([
      { durationSec: 60, loudness: { lufs: -10, truePeakDb: -1 } },
      { durationSec: 60, loudness: { lufs: -20, truePeakDb: -6 } },
    ])!;
    expect(a.lufs).toBeCloseTo(10 * Math.log10((10 ** -1 + 10 ** -2) / 2), 6);
    expect(a.truePeakDb).toBe(-1);
    expect(estimatedAlbumLoudness([{ durationSec: 60, loudness: null }])).toBeNull();
  });
});

describe('queueGainDb', () => {
  const loud = { albumId: 'a', durationSec: 100, loudness: { lufs: -8, truePeakDb: -0.2 } };
  const quiet = { albumId: 'a', durationSec: 100, loudness: { lufs: -18, truePeakDb: -8 } };
  const other = { albumId: 'b', durationSec: 100, loudness: { lufs: -16, truePeakDb: -5 } };

  it('gives every song of an album played in order the album gain, keeping their difference', () => {
    const album = albumLoudness([loud, quiet])!;
    const expected = gainDb(album, -14);
    expect(queueGainDb([loud, quiet], 0, false, -14)).toBeCloseTo(expected);
    expect(queueGainDb([loud, quiet], 1, false, -14)).toBeCloseTo(expected);
  });

  it('gives a song its own gain when shuffled or among other albums', () => {
    expect(queueGainDb([loud, quiet], 1, true, -14)).toBeCloseTo(gainDb(quiet.loudness, -14));
    expect(queueGainDb([other, quiet, other], 1, false, -14)).toBeCloseTo(gainDb(quiet.loudness, -14));
  });
});

describe('album gain: the measured album figure first', () => {
  // the server measured the album over its whole audio: not what the songs' figures estimate
  const measured = { lufs: -11, truePeakDb: -2 };
  const a1 = { albumId: 'a', durationSec: 100, loudness: { lufs: -8, truePeakDb: -0.2 }, albumLoudness: measured };
  const a2 = { albumId: 'a', durationSec: 100, loudness: { lufs: -18, truePeakDb: -8 }, albumLoudness: measured };
  const estimate = estimatedAlbumLoudness([a1, a2])!;

  it('takes the measure over the estimate when the entries carry one', () => {
    expect(estimate.lufs).not.toBeCloseTo(measured.lufs, 1);
    expect(albumLoudness([a1, a2])).toEqual(measured);
    // one entry with the measure is enough (older queue entries travel without it)
    expect(albumLoudness([{ ...a1, albumLoudness: undefined }, a2])).toEqual(measured);
  });

  it('falls back to the estimate while the album is not measured', () => {
    const unmeasured = [
      { ...a1, albumLoudness: null },
      { ...a2, albumLoudness: null },
    ];
    expect(albumLoudness(unmeasured)).toEqual(estimate);
    expect(queueGainDb(unmeasured, 1, false, -14)).toBeCloseTo(gainDb(estimate, -14));
  });

  it('gives an album played in order the measured album gain, and a shuffled song its own', () => {
    // -14 - (-11) = -3 dB, within the peak ceiling (-1 - (-2) = +1 dB)
    expect(queueGainDb([a1, a2], 0, false, -14)).toBeCloseTo(-3);
    expect(queueGainDb([a1, a2], 1, false, -14)).toBeCloseTo(-3);
    expect(queueGainDb([a1, a2], 1, true, -14)).toBeCloseTo(gainDb(a2.loudness, -14));
  });
});

describe('transitionSec', () => {
  const a1 = { albumId: 'a', durationSec: 1 };
  const b1 = { albumId: 'b', durationSec: 1 };
  it('crossfades between albums, stays gapless within an album played in order', () => {
    expect(transitionSec(a1, b1, false, 6)).toBe(6);
    expect(transitionSec(a1, a1, false, 6)).toBe(0);
    expect(transitionSec(a1, a1, true, 6)).toBe(6);
    expect(transitionSec(a1, b1, false, 0)).toBe(0);
  });
});
